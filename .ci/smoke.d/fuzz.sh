#!/usr/bin/env bash
# Fuzzing smoke: a minute of mutated inputs over every reader (scripts/fuzz.py); any crash, hang, run over 500 MB or
# refusal without one line naming the file and a position fails the build, and the inputs are kept for reproduction.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TLUMACH_FUZZ_OUT:-$(mktemp -d)}
python3 "$root/scripts/fuzz.py" --bin "$bin" --budget "${TLUMACH_FUZZ_SECONDS:-60}" --out "$out" \
  ${TLUMACH_FUZZ_READERS:+--readers "$TLUMACH_FUZZ_READERS"} \
  || { echo "fuzz smoke: failing inputs are in $out" >&2; exit 1; }
