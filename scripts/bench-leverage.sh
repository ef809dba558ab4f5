#!/bin/sh
# Speed of `tlumach analyze` and `tlumach pretranslate` (issue 16): 50,000 real catalog units against a memory of
# 1,000,000 generated units plus the real units of other catalogs. Figures: docs/PERFORMANCE.md, "Leverage".
#
#   scripts/bench-leverage.sh [WORK_DIR]        (default /tmp/tlumach-leverage-bench; kept for inspection)
#
# Needs msgunfmt (gettext) and po2tmx (translate-toolkit), the Ukrainian catalogs in /usr/share/locale/uk, and
# GNU time. Builds release binaries of tlumach and tlumach-bench first.
set -eu
# (a failed build stops the script: pipefail is not POSIX, so check the binaries exist)
work=${1:-/tmp/tlumach-leverage-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/po" "$work/input" "$work/memory-po" "$work/out"
cd "$root"
build=${BUILD_PATH:-$root/.build}   # BUILD_PATH=DIR builds (and reuses a build) elsewhere
swift build -c release --build-path "$build" --product tlumach | tail -1
swift build -c release --build-path "$build" --product tlumach-bench | tail -1
bin="$build/release"
[ -x "$bin/tlumach" ] && [ -x "$bin/tlumach-bench" ] || { echo "build failed" >&2; exit 1; }

# 1. The real catalogs, as PO. The input is the largest catalogs (one copy of each: iso_639-3 and iso_3166-2 are
#    installed twice, under - and _) until 50,000 units; every other catalog, the second copies included, goes into
#    the memory as earlier translations.
for mo in /usr/share/locale/uk/LC_MESSAGES/*.mo; do
    name=$(basename "$mo" .mo)
    [ -f "$work/po/$name.po" ] || msgunfmt "$mo" -o "$work/po/$name.po"
done
rm -f "$work"/input/*.po "$work"/memory-po/*.po
total=0
for entry in $(for f in "$work"/po/*.po; do echo "$(grep -c '^msgid ' "$f"):$f"; done | sort -t: -k1,1nr); do
    count=${entry%%:*}
    file=${entry#*:}
    case "$(basename "$file")" in iso_639_3.po|iso_3166_2.po) cp "$file" "$work/memory-po/"; continue ;; esac
    if [ "$total" -lt 50000 ]; then
        cp "$file" "$work/input/"
        total=$((total + count))
    else
        cp "$file" "$work/memory-po/"
    fi
done
echo "input: $(ls "$work"/input | wc -l) catalogs, $total msgid lines"

# 2. The memory: 1,000,000 generated units (the memory benchmark's corpus, imported en→uk so that the generated
#    Latin-letter side is the source), then the other catalogs' real units.
if [ ! -f "$work/memory.tmdb" ]; then
    kept=$("$bin/tlumach-bench" memory memory-units=1000000 memory-queries=10 memory-bruteforce=1 memory-keep=1 \
        | sed -n 's/^memory.kept: //p')
    /usr/bin/time -f "import generated: %e s wall, %U user, %S sys, %M KB" \
        "$bin/tlumach" tm import "$kept/memory.tmx" --tm "$work/memory.tmdb" --source-lang en --target-lang uk
    rm -rf "$kept"
    po2tmx -l uk -i "$work/memory-po" -o "$work/catalogs.tmx" >/dev/null 2>&1
    "$bin/tlumach" tm import "$work/catalogs.tmx" --tm "$work/memory.tmdb"
fi
"$bin/tlumach" tm stats --tm "$work/memory.tmdb" | head -5

# 3. The runs (CPU time is what counts on a shared machine: user + sys).
echo "load: $(cat /proc/loadavg)"
/usr/bin/time -f "analyze: %e s wall, %U user, %S sys, %M KB peak" \
    "$bin/tlumach" analyze "$work"/input/*.po --tm "$work/memory.tmdb" --format json >"$work/analysis.json"
/usr/bin/time -f "pretranslate: %e s wall, %U user, %S sys, %M KB peak" \
    "$bin/tlumach" pretranslate "$work"/input/*.po --tm "$work/memory.tmdb" --fuzzy --overwrite --output "$work/out"
echo "load: $(cat /proc/loadavg)"
python3 -c "
import json, sys
report = json.load(open('$work/analysis.json'))
bands = report['total']['bands']
print('segments per band:', {name: counts['segments'] for name, counts in bands.items()})
print('total segments:', sum(counts['segments'] for counts in bands.values()))
"
