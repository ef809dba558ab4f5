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

best() {  # best wall-clock seconds of $runs runs of the command
  local best=""
  for _ in $(seq "$runs"); do
    local start end elapsed
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc -l)
    if [[ -z $best ]] || (( $(echo "$elapsed < $best" | bc -l) )); then best=$elapsed; fi
  done
  echo "$best"
}

echo "== timing (best of $runs)"
pofilter_time=$(best "$venv/bin/pofilter" --progress=none "$out/uk.po" "$out/pofilter-out.po")
tlumach_time=$(best "$bin" check "$out/uk.po" --source-lang en --target-lang uk --no-glossary --format json --output "$out/tlumach.json")
tlumach_glossary_time=$(best "$bin" check "$out/uk.po" --source-lang en --target-lang uk --format json --output "$out/tlumach-glossary.json")
printf 'pofilter:                 %.3f s  (%.0f units/s)\n' "$pofilter_time" "$(echo "$units / $pofilter_time" | bc -l)"
printf 'tlumach check:            %.3f s  (%.0f units/s)\n' "$tlumach_time" "$(echo "$units / $tlumach_time" | bc -l)"
printf 'tlumach check + glossary: %.3f s  (%.0f units/s)\n' "$tlumach_glossary_time" "$(echo "$units / $tlumach_glossary_time" | bc -l)"
printf 'speed-up (no glossary):   %.1fx\n' "$(echo "$pofilter_time / $tlumach_time" | bc -l)"
printf 'speed-up (with glossary): %.1fx\n' "$(echo "$pofilter_time / $tlumach_glossary_time" | bc -l)"
"$venv/bin/pofilter" --progress=none "$out/uk.po" "$out/pofilter-out.po" >/dev/null 2>&1 || true
echo "pofilter findings: $(grep -c '^# (pofilter)' "$out/pofilter-out.po" || true)"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("tlumach findings:", len(d["findings"]), d["summary"])' "$out/tlumach.json"

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
msgstr "Ставка — 25 %, а не 2,5 %."

msgid "The rate is 2.5 percent."
msgstr "Ставка — 25 відсотків."

#, c-format
msgid "Deleted %d files"
msgstr "Видалено файли"

msgid "Ministry of Defence"
msgstr "Мiнiстерство оборони"
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
