#!/usr/bin/env bash
# `tlumach tm import` of real catalog units, one-shot CLI (release build): into a new memory and into a memory of
# 1,000,000 generated units. Prints wall, user and system seconds and the load average of each run.
#
#   swift build -c release --product tlumach && swift build -c release --product tlumach-bench
#   scripts/bench-import-real.sh [RUNS]          # default 3; UNITS=50000, DATA=/tmp/tlumach-bench-real
#
# Real units: the Ukrainian system catalogs (/usr/share/locale/uk/LC_MESSAGES/*.mo → msgunfmt → PO) converted by
# translate-toolkit's po2tmx (en → uk), cut to the first UNITS units by scripts/tmx-head.py (which also drops
# po2tmx's DOCTYPE line: it names a DTD, which the XML reader never loads). The 1M-unit memory is the benchmark
# harness's generated corpus (Benchmarks/tlumach-bench/MemoryBench.swift) imported once, then copied for each run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
UNITS=${UNITS:-50000}
DATA=${DATA:-/tmp/tlumach-bench-real}
BIN=${BIN:-.build/release/tlumach}
BENCH=${BENCH:-.build/release/tlumach-bench}
mkdir -p "$DATA/po"

if [ ! -s "$DATA/real.tmx" ]; then
    for mo in /usr/share/locale/uk/LC_MESSAGES/*.mo; do
        msgunfmt "$mo" -o "$DATA/po/$(basename "$mo" .mo).po"
    done
    po2tmx --progress=none -l uk -i "$DATA/po" -o "$DATA/all.tmx"
    python3 scripts/tmx-head.py "$UNITS" "$DATA/all.tmx" "$DATA/real.tmx"
fi
if [ ! -s "$DATA/big.tmdb" ]; then
    kept=$("$BENCH" memory memory-units=1000000 memory-queries=0 memory-keep=1 | sed -n 's/^memory.kept: //p')
    mv "$kept/memory.tmdb" "$DATA/big.tmdb"
    rm -rf "$kept"
fi

run() {  # label, memory
    local load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$DATA/time" "$BIN" tm import "$DATA/real.tmx" --tm "$2" > "$DATA/out"
    read -r wall user sys < "$DATA/time"
    printf '%-10s wall %6.2f s  user %6.2f  sys %5.2f  CPU %6.2f s  %7.0f units/s wall  %7.0f units/s CPU  load %s\n' \
        "$1" "$wall" "$user" "$sys" "$(echo "$user + $sys" | bc)" "$(echo "$UNITS / $wall" | bc -l)" \
        "$(echo "$UNITS / ($user + $sys)" | bc -l)" "$load"
    sed 's/^/    /' "$DATA/out"
}

for run_index in $(seq "$RUNS"); do
    rm -f "$DATA/new.tmdb"*
    run "new" "$DATA/new.tmdb"
    rm -f "$DATA/work.tmdb"*
    cp "$DATA/big.tmdb" "$DATA/work.tmdb"
    sync "$DATA/work.tmdb"
    run "into 1M" "$DATA/work.tmdb"
done
rm -f "$DATA/new.tmdb"* "$DATA/work.tmdb"*
