#!/usr/bin/env bash
# Times `tlumach normalize` (release) against `uconv -x any-nfc` (ICU's own command-line NFC, Debian's
# icu-devtools) on the same 20 MB generated Ukrainian article file, best of N runs each, and prints the ratio.
# Usage: scripts/bench-normalize.sh [RUNS]   (default 5). The corpus comes from the benchmark harness's generator
# (TLUMACH_BENCH_WRITE_CORPUS), so it is the same text as `tlumach-bench text` measures.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v uconv >/dev/null || { echo "uconv not found (apt-get install icu-devtools)" >&2; exit 2; }

swift build -c release --product tlumach >/dev/null
swift build -c release --product tlumach-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus-uk.txt
TLUMACH_BENCH_WRITE_CORPUS=$corpus .build/release/tlumach-bench text >/dev/null
bytes=$(wc -c <"$corpus")

# Best wall-clock milliseconds of a command (output discarded).
best_ms() {
  local best=
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    local ms=$(((end - start) / 1000000))
    if [[ -z $best || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

tlumach_ms=$(best_ms .build/release/tlumach normalize "$corpus")
uconv_ms=$(best_ms uconv -f utf-8 -t utf-8 -x any-nfc "$corpus")
# Same job check: with only the Unicode rules switched on, tlumach's output must equal uconv's NFC byte for byte.
if .build/release/tlumach normalize "$corpus" --disable dashes quotes apostrophe look-alikes space-runs \
  no-break-space trailing-space zero-width soft-hyphen | cmp -s - <(uconv -f utf-8 -t utf-8 -x any-nfc "$corpus"); then
  echo "check: Unicode rules only → byte-identical to uconv -x any-nfc"
else
  echo "check: outputs DIFFER from uconv -x any-nfc" >&2
  exit 1
fi
awk -v b="$bytes" -v t="$tlumach_ms" -v u="$uconv_ms" 'BEGIN {
  printf "corpus: %.1f MB of generated Ukrainian article text\n", b / 1e6
  printf "tlumach normalize:   %6d ms  (%.0f MB/s)\n", t, b / 1e6 / (t / 1000)
  printf "uconv -x any-nfc:    %6d ms  (%.0f MB/s)\n", u, b / 1e6 / (u / 1000)
  printf "ratio (uconv / tlumach wall-clock): %.1fx\n", u / t
}'
