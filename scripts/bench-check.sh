#!/usr/bin/env bash
# Times `tlumach check` against translate-toolkit's pofilter on the same real Ukrainian PO file, and compares both
# tools' findings on a sample holding the cases where pofilter is known to report false positives.
#
#   scripts/bench-check.sh [RUNS]     (default 5 runs each; best run is reported)
#
# Builds the PO from this machine's Ukrainian gettext catalogs (find /usr/share/locale/uk -name '*.mo'; msgunfmt
# each; msgcat them), installs translate-toolkit from PyPI into a temporary virtual environment, builds tlumach in
# release mode. Output goes to bench-out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=bench-out/check
mkdir -p "$out"
venv=$(mktemp -d /tmp/tlumach-bench-venv.XXXXXX)
trap 'rm -rf "$venv"' EXIT

echo "== building tlumach (release)"
swift build -c release --product tlumach >/dev/null
bin=.build/release/tlumach

echo "== installing translate-toolkit into $venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet translate-toolkit
"$venv/bin/pip" show translate-toolkit | grep -E '^(Name|Version):'

echo "== building the Ukrainian PO from /usr/share/locale/uk"
parts=$out/parts
rm -rf "$parts" && mkdir -p "$parts"
i=0
while IFS= read -r mo; do
  i=$((i + 1))
  msgunfmt --no-wrap "$mo" -o "$parts/$i.po" 2>/dev/null || rm -f "$parts/$i.po"
done < <(find /usr/share/locale/uk -name '*.mo' | sort)
msgcat --use-first --no-wrap "$parts"/*.po -o "$out/uk.po" 2>/dev/null
# msgunfmt gives no source language: English.
units=$(grep -c '^msgid ' "$out/uk.po")
units=$((units - 1))
echo "catalogs: $i, units (msgid entries besides the header): $units, size: $(wc -c <"$out/uk.po") bytes"

measure() {  # best wall-clock and best CPU (user+sys) seconds of $runs runs: "WALL CPU"
  local best_wall="" best_cpu=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    # The last line: GNU time puts "Command exited with non-zero status N" first when the tool reports findings.
    read -r wall user sys < <(tail -n 1 "$out/time.txt")
    local cpu
    cpu=$(echo "$user + $sys" | bc -l)
    if [[ -z $best_wall ]] || (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; fi
    if [[ -z $best_cpu ]] || (( $(echo "$cpu < $best_cpu" | bc -l) )); then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

report() {  # NAME WALL CPU
  printf '%-26s wall %6.2f s (%7.0f units/s)   CPU %6.2f s (%7.0f units/s)\n' "$1" "$2" "$(echo "$units / $2" | bc -l)" \
    "$3" "$(echo "$units / $3" | bc -l)"
}

echo "== timing (best of $runs; machine load: $(cut -d' ' -f1-3 /proc/loadavg))"
read -r pofilter_wall pofilter_cpu < <(measure "$venv/bin/pofilter" --progress=none "$out/uk.po" "$out/pofilter-out.po")
read -r plain_wall plain_cpu < <(measure "$bin" check "$out/uk.po" --source-lang en --target-lang uk --no-glossary --format json --output "$out/tlumach.json")
read -r glossary_wall glossary_cpu < <(measure "$bin" check "$out/uk.po" --source-lang en --target-lang uk --format json --output "$out/tlumach-glossary.json")
report "pofilter" "$pofilter_wall" "$pofilter_cpu"
report "tlumach check" "$plain_wall" "$plain_cpu"
report "tlumach check + glossary" "$glossary_wall" "$glossary_cpu"
printf 'speed-up, no glossary:    %.1fx wall, %.1fx CPU\n' "$(echo "$pofilter_wall / $plain_wall" | bc -l)" "$(echo "$pofilter_cpu / $plain_cpu" | bc -l)"
printf 'speed-up, with glossary:  %.1fx wall, %.1fx CPU\n' "$(echo "$pofilter_wall / $glossary_wall" | bc -l)" "$(echo "$pofilter_cpu / $glossary_cpu" | bc -l)"
"$venv/bin/pofilter" --progress=none "$out/uk.po" "$out/pofilter-out.po" >/dev/null 2>&1 || true
echo "pofilter findings: $(grep -c '^# (pofilter)' "$out/pofilter-out.po" || true)"
python3 -c 'import json,sys,collections; d=json.load(open(sys.argv[1])); print("tlumach findings (shipped glossary):", len(d["findings"]), dict(collections.Counter(f["check"] for f in d["findings"]).most_common()))' "$out/tlumach-glossary.json"
python3 - "$out/pofilter-out.po" <<'PY'
import re, sys, collections
counts = collections.Counter(re.findall(r"^# \(pofilter\) (\S+?):", open(sys.argv[1], encoding="utf-8").read(), re.M))
print("pofilter findings by test:", dict(counts.most_common()))
PY

echo "== findings side by side on the false-positive sample"
cat >"$out/sample.po" <<'PO'
msgid ""
msgstr ""
"Language: uk\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "NATO"
msgstr "НАТО"

msgid "the so-called SVO"
msgstr "так звана СВО"

msgid "The rate is 2.5%."
msgstr "Ставка — 2,5 %."

msgid "More than 2,500 defenders returned."
msgstr "Повернулися понад 2 500 захисників."

msgid "He said: \"We are ready.\""
msgstr "Він сказав: «Ми готові»."

msgid "NATO summit"
msgstr "саміт НАТО"

msgid "On August 24, 2024, the exchange took place."
msgstr "24 серпня 2024 р. відбувся обмін."

msgid "The rate is 2.5%, not 25%."
msgstr "Ставка — 2,5 %, а не 25 %."

msgid "NATO and the so-called SVO"
msgstr "НАТО і так звана СВО"

msgid "The rate is 2.5 percent."
msgstr "Ставка — 25 відсотків."

#, c-format
msgid "Deleted %d files"
msgstr "Видалено файли"

msgid "Ministry of Defence"
msgstr "Мiнiстерство оборони"

msgid "\"Everything is ready,\" he said."
msgstr "«Усе готово», — сказав він."
PO
echo "-- pofilter"
"$venv/bin/pofilter" --progress=none "$out/sample.po" "$out/sample-pofilter.po" >/dev/null 2>&1 || true
echo "exit status: $("$venv/bin/pofilter" --progress=none "$out/sample.po" "$out/sample-pofilter.po" >/dev/null 2>&1; echo $?)"
python3 - "$out/sample-pofilter.po" <<'PY'
import re, sys
entry = []
for block in open(sys.argv[1], encoding="utf-8").read().split("\n\n"):
    checks = re.findall(r"^# \(pofilter\) (\S+?):", block, re.M)
    msgid = re.search(r'^msgid "(.*)"$', block, re.M)
    if checks and msgid and msgid.group(1):
        print(f"{msgid.group(1)!r}: {', '.join(checks)}")
PY
echo "-- tlumach check"
set +e
"$bin" check "$out/sample.po" --source-lang en --target-lang uk
echo "exit status: $?"
set -e
