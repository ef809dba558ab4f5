#!/usr/bin/env bash
# Side-by-side speed of `tlumach translit --scheme kmu2010` and the Python package translitua (same system,
# UkrainianKMU table) on the same 20 MB of generated Ukrainian text. Installs translitua into a temporary virtual
# environment; everything it creates lives in a temporary directory that is removed on exit (nothing in the repo).
# tlumach runs twice per round: the scheme alone (the default; translitua has no list of names, so scheme against
# scheme) and with `--names glossary` (the shipped glossaries' people spelled first; the issue's goal holds for both).
# Usage: scripts/bench-translit.sh [MEGABYTES] [REPETITIONS]   (default 20 MB, best of 3)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-20}
repetitions=${2:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/tlumach-bench-translit.XXXXXX")
trap 'rm -rf "$work"' EXIT

swift build -c release --product tlumach >&2
bin=$(swift build -c release --show-bin-path)/tlumach

python3 -m venv "$work/venv" >&2
"$work/venv/bin/pip" install --quiet --disable-pip-version-check translitua >&2
py="$work/venv/bin/python"

# A deterministic corpus: news-like sentences and generated words in every case pattern, with apostrophes,
# hyphens and digits, one sentence per line.
"$py" - "$work/corpus.txt" "$megabytes" <<'PY'
import random, sys
path, megabytes = sys.argv[1], int(sys.argv[2])
sentences = [
    "Президент Володимир Зеленський провів нараду зі Збройними Силами України у Києві.",
    "У Харкові, Запоріжжі та Дніпрі вранці 24 серпня 2024 р. лунали сирени.",
    "Мар’їнка, Короп’є й Знам’янка — назви, у яких апостроф не передається.",
    "Генштаб ЗСУ повідомив: «Ворог втратив 1 234 одиниці техніки».",
    "Юрій-Євген Ярошенко з’їздив до Ізюма та Ірпеня, а потім — до Яготина.",
    "Об’єднані територіальні громади Чернігівщини отримали п'ятий транш допомоги.",
    "Міністр оборони заявив, що повітряні сили збили 27 ракет і 14 дронів над Одесою.",
    "В’ячеслав Чорновіл — ім’я, яке знає кожен у Львові й Тернополі.",
    "Верховна Рада України ухвалила закон про військовий обов’язок у першому читанні.",
    "Щербухи, Гоща й Гаращенко: згорани, розгін і подвір’я в одному реченні.",
]
letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
rng = random.Random(2010)
def word():
    w = "".join(rng.choice(letters) for _ in range(rng.randint(2, 10)))
    r = rng.random()
    return w.upper() if r < 0.05 else w.capitalize() if r < 0.3 else w
target = megabytes * 1_000_000
size = 0
with open(path, "w", encoding="utf-8") as out:
    while size < target:
        if rng.random() < 0.6:
            line = rng.choice(sentences)
        else:
            line = " ".join(word() for _ in range(rng.randint(5, 15))) + "."
        out.write(line + "\n")
        size += len(line.encode()) + 1
PY
bytes=$(wc -c <"$work/corpus.txt")

# Runs alternate (translitua, tlumach, translitua, …) so both see the same load on a shared machine; best of N.
# translitua: the whole text in one call inside Python (interpreter start and file reading excluded).
# tlumach: the whole command, process start and file I/O included, streaming stdin to stdout.
read -r py_seconds tl_seconds names_seconds < <("$py" - "$bin" "$work/corpus.txt" "$work/out.txt" "$repetitions" <<'PY'
import subprocess, sys, time
from translitua import translit, UkrainianKMU
binary, corpus, out, repetitions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(corpus, encoding="utf-8").read()
best_py = best_tl = best_names = float("inf")
for _ in range(repetitions):
    start = time.perf_counter()
    translit(text, UkrainianKMU)
    best_py = min(best_py, time.perf_counter() - start)
    with open(corpus, "rb") as stdin, open(out, "wb") as stdout:
        start = time.perf_counter()
        subprocess.run([binary, "translit", "--scheme", "kmu2010"], stdin=stdin, stdout=stdout, check=True)
        best_tl = min(best_tl, time.perf_counter() - start)
    with open(corpus, "rb") as stdin, open(out + ".names", "wb") as stdout:
        start = time.perf_counter()
        subprocess.run([binary, "translit", "--scheme", "kmu2010", "--names", "glossary"], stdin=stdin, stdout=stdout, check=True)
        best_names = min(best_names, time.perf_counter() - start)
print(f"{best_py:.3f} {best_tl:.3f} {best_names:.3f}")
PY
)

in_lines=$(wc -l <"$work/corpus.txt")
out_lines=$(wc -l <"$work/out.txt")
[[ $in_lines == "$out_lines" ]] || { echo "line count differs: $in_lines in, $out_lines out" >&2; exit 1; }

awk -v b="$bytes" -v p="$py_seconds" -v t="$tl_seconds" -v n="$names_seconds" -v r="$repetitions" 'BEGIN {
  printf "corpus: %.1f MB of Ukrainian text (best of %d runs each)\n", b / 1e6, r
  printf "translitua (UkrainianKMU, in-process): %.3f s, %.1f MB/s\n", p, b / 1e6 / p
  printf "tlumach translit --scheme kmu2010 (whole command): %.3f s, %.1f MB/s\n", t, b / 1e6 / t
  printf "speed-up: %.1fx\n", p / t
  printf "tlumach translit --scheme kmu2010 --names glossary (whole command): %.3f s, %.1f MB/s, speed-up %.1fx\n", n, b / 1e6 / n, p / n
}'
