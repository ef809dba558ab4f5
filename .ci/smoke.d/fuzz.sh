#!/usr/bin/env bash
# Fuzzing smoke: 45 seconds of mutated inputs over the readers (scripts/fuzz.py); any crash, hang, run over 500 MB or
# refusal without one line naming the file and a position fails the build, and the inputs are kept for reproduction.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TLUMACH_FUZZ_OUT:-$(mktemp -d)}
# The readers that run clean after the merge of 5 Dec 2026 (docs/robustness.md, "After the merge"). Left out until
# fixed: xliff20 and bilingual-tsv (`check` on a 4 MB line of millions of placeholders goes over 500 MB: one finding
# per placeholder), po (a long-line PO runs out of CPU time in `check`), text (normalize on 4 MB of apostrophes goes
# over 500 MB) and config (a missing glossary is named without the settings file's line).
readers=${TLUMACH_FUZZ_READERS:-tmx,xliff12,tbx2,tbx3,glossary-yaml,glossary-csv,glossary-tsv,memory}
# A fixed seed keeps the gate reproducible (a failure here fails every run, not one in a few); longer runs with
# other seeds are scripts/fuzz.py's job (docs/robustness.md). TLUMACH_FUZZ_SEED=random draws one.
seed=${TLUMACH_FUZZ_SEED:-2026}
seed_args=(--seed "$seed")
[[ $seed == random ]] && seed_args=()
python3 "$root/scripts/fuzz.py" --bin "$bin" --budget "${TLUMACH_FUZZ_SECONDS:-45}" --out "$out" \
  --readers "$readers" "${seed_args[@]}" \
  || { echo "fuzz smoke: failing inputs are in $out" >&2; exit 1; }
