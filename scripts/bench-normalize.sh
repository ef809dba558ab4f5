#!/usr/bin/env bash
# Times `tlumach normalize` (release) against `uconv -x any-nfc` (ICU's own command-line NFC, Debian's
# icu-devtools) on the same 20 MB generated Ukrainian article file, best of N runs each, and prints the ratio.
# Usage: scripts/bench-normalize.sh [RUNS]   (default 5). The corpus comes from the benchmark harness's generator
# (TLUMACH_BENCH_WRITE_CORPUS), so it is the same text as `tlumach-bench text` measures.
#        scripts/bench-normalize.sh real [RUNS]   real text that needs many fixes (scripts/bench-normalize-real.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == real ]]; then shift; exec scripts/bench-normalize-real.sh "$@"; fi
runs=${1:-5}
command -v uconv >/dev/null || { echo "uconv not found (apt-get install icu-devtools)" >&2; exit 2; }

swift build -c release --product tlumach >/dev/null
swift build -c release --product tlumach-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus-uk.txt
TLUMACH_BENCH_WRITE_CORPUS=$corpus .build/release/tlumach-bench text >/dev/null
bytes=$(wc -c <"$corpus")

# shellcheck source=scripts/best-of-runs.sh
source scripts/best-of-runs.sh

read -r tlumach_ms tlumach_cpu < <(best_ms /dev/null .build/release/tlumach normalize "$corpus")
read -r uconv_ms uconv_cpu < <(best_ms /dev/null uconv -f utf-8 -t utf-8 -x any-nfc "$corpus")

# Same job check: with only the Unicode rules switched on, tlumach's output must equal uconv's NFC byte for byte.
# (The rule list takes commas: a space would make the next rule a FILE argument.)
unicode_only=dashes,quotes,apostrophe,look-alikes,space-runs,no-break-space,trailing-space,zero-width,soft-hyphen
if .build/release/tlumach normalize "$corpus" --disable "$unicode_only" \
  | cmp -s - <(uconv -f utf-8 -t utf-8 -x any-nfc "$corpus"); then
  echo "check: Unicode rules only → byte-identical to uconv -x any-nfc"
else
  echo "check: outputs DIFFER from uconv -x any-nfc" >&2
  exit 1
fi
awk -v b="$bytes" -v t="$tlumach_ms" -v u="$uconv_ms" -v tc="$tlumach_cpu" -v uc="$uconv_cpu" 'BEGIN {
  if (tc < 1) tc = 1
  printf "corpus: %.1f MB of generated Ukrainian article text, best of %d runs\n", b / 1e6, '"$runs"'
  printf "tlumach normalize:   %6d ms wall (%.0f MB/s), %5d ms CPU\n", t, b / 1e6 / (t / 1000), tc
  printf "uconv -x any-nfc:    %6d ms wall (%.0f MB/s), %5d ms CPU\n", u, b / 1e6 / (u / 1000), uc
  printf "ratio (uconv / tlumach): %.1fx wall-clock, %.1fx CPU\n", u / t, uc / tc
}'
