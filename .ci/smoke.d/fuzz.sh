#!/usr/bin/env bash
# Fuzzing smoke: a fixed sequence of mutated inputs over the readers (scripts/fuzz.py, seed 2026, 520 runs: 40 per
# reader); any crash, CPU timeout, peak RSS over 500 MB or refusal without one line naming the file and a position
# fails the build, and the inputs are kept for reproduction. Runtime: 37 s wall, 21 CPU-s at load 9 on the
# shared 2-core machine (docs/robustness.md, "Branch mem").
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TLUMACH_FUZZ_OUT:-$(mktemp -d)}
# Every reader (docs/robustness.md, "Branch names3" and "Branch mem"). po and text came back after `check` on a 4 MB
# line of `%s` fell to 262 MB peak RSS (was 866) and `normalize` on 4 MB of apostrophes to 413 MB (was 475); xliff20
# and bilingual-tsv after 1,600 clean runs (seeds 2026 and 704017754, release build of 4c04663).
readers=${TLUMACH_FUZZ_READERS:-tmx,xliff12,xliff20,tbx2,tbx3,glossary-yaml,glossary-csv,glossary-tsv,bilingual-tsv,memory,config,po,text}
# A fixed seed and a fixed number of runs keep the gate reproducible on any machine (a failure here fails every
# run, not one in a few; the time budget is only a cap); longer runs with other seeds are scripts/fuzz.py's job
# (docs/robustness.md). TLUMACH_FUZZ_SEED=random draws one.
seed=${TLUMACH_FUZZ_SEED:-2026}
seed_args=(--seed "$seed")
[[ $seed == random ]] && seed_args=()
python3 "$root/scripts/fuzz.py" --bin "$bin" --budget "${TLUMACH_FUZZ_SECONDS:-600}" --runs "${TLUMACH_FUZZ_RUNS:-520}" --out "$out" \
  --readers "$readers" "${seed_args[@]}" \
  || { echo "fuzz smoke: failing inputs are in $out" >&2; exit 1; }
