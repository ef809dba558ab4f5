#!/usr/bin/env bash
# Side-by-side speed of `tlumach translit --scheme kmu2010` (scheme only, and with `--names glossary`: the shipped
# glossaries' people spelled first) and the Python package translitua (UkrainianKMU table), in one run, on:
#   real: the msgstr text of every Ukrainian gettext catalog on this machine (/usr/share/locale/uk/LC_MESSAGES/*.mo,
#         read with Python's gettext module, a blank line between entries), repeated to ≥ MEGABYTES;
#   gen:  a deterministic generated corpus dense with names (news-like sentences and generated words in every case
#         pattern, one sentence per line).
# Measured as CPU time (user + sys), best of N, the runs alternating so both tools see the same load: translitua's
# `translit(text, UkrainianKMU)` on the whole text inside Python (interpreter start and file reading excluded,
# getrusage around the call); tlumach the whole release command from the package root (process start, glossary
# loading and file I/O included; the child's rusage). Wall time is printed too. The load average is printed before
# and after. TLUMACH_REFERENCE_BIN=path also runs that build with names and compares the outputs byte for byte.
# Installs translitua into a temporary virtual environment; everything it creates lives in a temporary directory
# that is removed on exit (nothing in the repo).
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

"$py" - "$work" "$megabytes" <<'PY'
import gettext, glob, random, sys
work, megabytes = sys.argv[1], int(sys.argv[2])
target = megabytes * 1_000_000

# Real: every catalog's translations (msgstr, plural forms included), in file order.
texts = []
for path in sorted(glob.glob("/usr/share/locale/uk/LC_MESSAGES/*.mo")):
    try:
        with open(path, "rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog
    except Exception:
        continue
    texts += [text.strip("\n") for key, text in catalog.items() if key != "" and text.strip()]
once = "\n\n".join(texts) + "\n\n"
with open(f"{work}/real.txt", "w", encoding="utf-8") as out:
    out.write(once * -(-target // len(once.encode())))

# Generated, dense with names.
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
size = 0
with open(f"{work}/gen.txt", "w", encoding="utf-8") as out:
    while size < target:
        if rng.random() < 0.6:
            line = rng.choice(sentences)
        else:
            line = " ".join(word() for _ in range(rng.randint(5, 15))) + "."
        out.write(line + "\n")
        size += len(line.encode()) + 1
PY

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" - "$bin" "$work" "$repetitions" "${TLUMACH_REFERENCE_BIN:-}" <<'PY'
import filecmp, os, resource, subprocess, sys, time
from translitua import translit, UkrainianKMU
binary, work, repetitions, reference = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def cpu_self():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

def run(command, stdin_path, stdout_path):
    """CPU (user + sys) and wall seconds of one child process."""
    with open(stdin_path, "rb") as stdin, open(stdout_path, "wb") as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=stdin, stdout=stdout)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(command)} failed with status {status}")
    return usage.ru_utime + usage.ru_stime, wall

scheme = [binary, "translit", "--scheme", "kmu2010"]
names = scheme + ["--names", "glossary"]
for corpus in ("real", "gen"):
    path = f"{work}/{corpus}.txt"
    text = open(path, encoding="utf-8").read()
    size = os.path.getsize(path) / 1e6
    best = {}
    def keep(name, cpu, wall):
        old = best.get(name, (float("inf"), float("inf")))
        best[name] = (min(old[0], cpu), min(old[1], wall))
    for _ in range(repetitions):
        cpu, wall = cpu_self(), time.perf_counter()
        translit(text, UkrainianKMU)
        keep("translitua", cpu_self() - cpu, time.perf_counter() - wall)
        keep("scheme", *run(scheme, path, f"{work}/out-scheme.txt"))
        keep("names", *run(names, path, f"{work}/out-names.txt"))
        if reference:
            keep("reference names", *run([reference] + names[1:], path, f"{work}/out-reference.txt"))
    lines_in = text.count("\n")
    for output in ("out-scheme.txt", "out-names.txt"):
        with open(f"{work}/{output}", encoding="utf-8") as handle:
            if sum(1 for _ in handle) != lines_in:
                sys.exit(f"{corpus}: {output} has another line count than the input")
    print(f"{corpus}: {size:.1f} MB, best of {repetitions} (CPU = user + sys; wall)")
    peer = best["translitua"][0]
    for name, label in (("translitua", "translitua translit(text, UkrainianKMU), in-process"),
                        ("scheme", "tlumach translit --scheme kmu2010"),
                        ("names", "tlumach translit --scheme kmu2010 --names glossary"),
                        ("reference names", "reference build, --names glossary")):
        if name not in best:
            continue
        cpu, wall = best[name]
        print(f"  {label:55s} {cpu:6.3f} s CPU ({size / cpu:6.1f} MB/s) {wall:6.3f} s wall  {peer / cpu:5.1f}x translitua (CPU)")
    if reference:
        same = filecmp.cmp(f"{work}/out-names.txt", f"{work}/out-reference.txt", shallow=False)
        print(f"  --names glossary output {'byte-identical to' if same else 'DIFFERS from'} the reference build's")
        if not same:
            sys.exit(1)
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
