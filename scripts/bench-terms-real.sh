#!/usr/bin/env bash
# One-shot `tlumach terms --format summary --lang uk` over 20 MB of real Ukrainian text with a 10,000-concept YAML
# glossary, loading included: the msgstr text of the system's Ukrainian gettext catalogs and the Ukrainian man
# pages (as scripts/glossary-real-text.sh extracts them), repeated to 20,000,000 bytes. Two glossaries built from
# that text's own words:
#   dense:  its 7,000 most frequent words of 4+ letters and 3,000 most frequent word pairs (matches everywhere);
#   sparse: 10,000 words that occur once or twice (few matches).
# Each binary runs with no glossary cache (TLUMACH_CACHE_DIR empty) and, when it has one, with a warm cache; plus
# the same command on a one-line file (the fixed cost: reading and compiling the glossary). Best of RUNS, the
# binaries alternating within each run; prints CPU (user+sys) and wall, MB/s from CPU, and the load average.
# Usage: scripts/bench-terms-real.sh [RUNS] [BIN...]   (default 3 runs, .build/release/tlumach; give an older
# build's path as a second BIN to compare side by side). Data in $TLUMACH_BENCH_DIR (default
# /tmp/tlumach-bench-terms-real), rebuilt when missing; never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
bins=("$@")
[[ ${#bins[@]} -gt 0 ]] || bins=(.build/release/tlumach)
dir=${TLUMACH_BENCH_DIR:-/tmp/tlumach-bench-terms-real}
mkdir -p "$dir"

if [[ ! -s $dir/uk20.txt ]]; then
  KEEP=$dir/extract scripts/glossary-real-text.sh "${bins[0]}" 0 >/dev/null 2>&1 || true
  [[ -s $dir/extract/uk.txt ]] || { echo "could not extract the real text (msgunfmt, man)" >&2; exit 2; }
  python3 - "$dir" <<'PY'
import sys
folder = sys.argv[1]
text = open(folder + "/extract/uk.txt", encoding="utf-8").read()
out, size = [], 0
while size < 20_000_000:
    for line in text.splitlines(keepends=True):
        out.append(line); size += len(line.encode())
        if size >= 20_000_000: break
open(folder + "/uk20.txt", "w", encoding="utf-8").write("".join(out))
PY
fi
if [[ ! -s $dir/dense.yaml || ! -s $dir/sparse.yaml ]]; then
  python3 - "$dir" <<'PY'
import collections, re, sys
folder = sys.argv[1]
text = open(folder + "/extract/uk.txt", encoding="utf-8").read()
words = [w.lower() for w in re.findall(r"[а-щьюяєіїґ'’]+", text, re.I)]
counts = collections.Counter(w for w in words if len(w) >= 4)
pairs = collections.Counter(f"{a} {b}" for a, b in zip(words, words[1:]) if len(a) >= 3 and len(b) >= 3)
def write(name, terms):
    with open(f"{folder}/{name}.yaml", "w", encoding="utf-8") as out:
        out.write(f"name: {name} (bench)\nconcepts:\n")
        for index, term in enumerate(terms):
            out.write(f"  - id: c{index}\n    terms:\n      uk: [{{text: \"{term}\"}}]\n      en: [{{text: \"term {index}\"}}]\n")
dense = [w for w, _ in counts.most_common(7000)] + [p for p, _ in pairs.most_common(3000)]
rare = sorted(w for w, n in counts.items() if n <= 2)
write("dense", dense)
write("sparse", rare[:: max(1, len(rare) // 10000)][:10000])
PY
fi
head -1 "$dir/uk20.txt" >"$dir/one-line.txt"
size=$(wc -c <"$dir/uk20.txt")
echo "text: $size bytes; glossaries: $(grep -c '^  - id:' "$dir/dense.yaml") dense, $(grep -c '^  - id:' "$dir/sparse.yaml") sparse concepts"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# best CPU (user+sys) and its wall over RUNS, for one labelled command
declare -A best_cpu best_wall
time_one() {
  local label=$1; shift
  local report
  report=$(mktemp)
  # -o: the figures in their own file (the command's standard error is discarded, and it took them along)
  /usr/bin/time -o "$report" -f "%U %S %e" "$@" >/dev/null 2>/dev/null || { echo "failed: $*" >&2; exit 2; }
  read -r user sys wall < <(tail -1 "$report")
  rm -f "$report"
  local cpu
  cpu=$(python3 -c "print(round($user+$sys,2))")
  if [[ -z ${best_cpu[$label]:-} ]] || python3 -c "import sys; sys.exit(0 if $cpu < ${best_cpu[$label]} else 1)"; then
    best_cpu[$label]=$cpu; best_wall[$label]=$wall
  fi
}
labels=()
for run in $(seq "$runs"); do
  for bin in "${bins[@]}"; do
    for glossary in dense sparse; do
      for input in uk20 one-line; do
        label="$bin $glossary $input no-cache"
        [[ $run == 1 ]] && labels+=("$label")
        time_one "$label" env TLUMACH_CACHE_DIR= "$bin" terms --format summary --lang uk --glossary "$dir/$glossary.yaml" "$dir/$input.txt"
        if grep -q GlossaryCache "$bin" 2>/dev/null; then
          label="$bin $glossary $input cache"
          [[ $run == 1 ]] && labels+=("$label")
          cache="$dir/cache-$(realpath "$bin" | md5sum | cut -c1-8)"
          env TLUMACH_CACHE_DIR="$cache" "$bin" terms --format summary --lang uk --glossary "$dir/$glossary.yaml" "$dir/one-line.txt" >/dev/null
          time_one "$label" env TLUMACH_CACHE_DIR="$cache" "$bin" terms --format summary --lang uk --glossary "$dir/$glossary.yaml" "$dir/$input.txt"
        fi
      done
    done
  done
done
printf '%-80s %8s %8s %10s\n' "binary glossary input cache" "CPU s" "wall s" "MB/s CPU"
for label in "${labels[@]}"; do
  mbs=$(python3 -c "print(round($size/1e6/max(${best_cpu[$label]},0.01),1))")
  [[ $label == *one-line* ]] && mbs=-
  printf '%-80s %8s %8s %10s\n' "$label" "${best_cpu[$label]}" "${best_wall[$label]}" "$mbs"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
