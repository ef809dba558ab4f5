#!/usr/bin/env bash
# `tlumach normalize FILE > out` (release, one-shot, loading included) against `uconv -x any-nfc FILE > out` on
# real text that needs many fixes, best of N runs each, in the same run:
#   uk: the msgstr text of every Ukrainian gettext catalog on this machine (/usr/share/locale/uk/LC_MESSAGES/*.mo,
#       msgunfmt → PO → entry texts, unescaped, a blank line between entries), repeated to ≥ 20 MB;
#   en: the msgid text of the same catalogs (English UI copy with straight quotes, apostrophes and spaced
#       hyphens: the newsroom's common case of unconverted typing), repeated to ≥ 20 MB.
# Prints load average, CPU (user+sys) and wall per tool, the ratios, the number of changes and a checksum of the
# output (so two builds can be shown to write the same bytes).
# Usage: scripts/bench-normalize.sh real [RUNS]   (default 5). Corpora are kept in $TLUMACH_BENCH_DIR
# (default /tmp/tlumach-bench-normalize) and rebuilt when missing. TLUMACH_BIN=path times another build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
for tool in uconv msgunfmt python3; do
  command -v "$tool" >/dev/null || { echo "$tool not found (apt-get install icu-devtools gettext python3)" >&2; exit 2; }
done
dir=${TLUMACH_BENCH_DIR:-/tmp/tlumach-bench-normalize}
mkdir -p "$dir"
bin=${TLUMACH_BIN:-.build/release/tlumach}
if [[ -z ${TLUMACH_BIN:-} ]]; then swift build -c release --product tlumach >/dev/null; fi

if [[ ! -s $dir/uk-real.txt || ! -s $dir/en-real.txt ]]; then
  mkdir -p "$dir/po"
  for mo in /usr/share/locale/uk/LC_MESSAGES/*.mo; do
    msgunfmt "$mo" -o "$dir/po/$(basename "$mo" .mo).po" 2>/dev/null || true
  done
  python3 - "$dir" <<'PY'
import glob, re, sys
folder = sys.argv[1]
ESC = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
def entries(path):
    kind, parts = None, []
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
        if m:
            if kind: yield kind, ''.join(parts)
            kind, parts = m.group(1), [m.group(2)]
        elif line.startswith('"') and kind:
            parts.append(line[1:-1])
        else:
            if kind: yield kind, ''.join(parts)
            kind, parts = None, []
    if kind: yield kind, ''.join(parts)
texts = {'uk': [], 'en': []}
for path in sorted(glob.glob(folder + '/po/*.po')):
    for kind, text in entries(path):
        text = re.sub(r'\\(.)', lambda m: ESC.get(m.group(1), m.group(1)), text).strip('\n')
        if not text:
            continue
        if kind.startswith('msgstr'):
            texts['uk'].append(text)
        elif kind in ('msgid', 'msgid_plural'):
            texts['en'].append(text)
for language, items in texts.items():
    once = '\n\n'.join(items) + '\n\n'
    size = len(once.encode())
    open(f'{folder}/{language}-real.txt', 'w', encoding='utf-8').write(once * -(-20_000_000 // size))
PY
fi

# shellcheck source=scripts/best-of-runs.sh
source scripts/best-of-runs.sh

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for corpus in uk en; do
  file=$dir/$corpus-real.txt
  bytes=$(wc -c <"$file")
  read -r t_wall t_cpu < <(best_ms "$dir/out-tlumach.txt" "$bin" normalize "$file")
  read -r u_wall u_cpu < <(best_ms "$dir/out-uconv.txt" uconv -f utf-8 -t utf-8 -x any-nfc "$file")
  changes=$("$bin" normalize --check "$file" | wc -l || true)
  sum=$(sha256sum "$dir/out-tlumach.txt" | cut -c1-16)
  awk -v b="$bytes" -v t="$t_wall" -v u="$u_wall" -v tc="$t_cpu" -v uc="$u_cpu" -v c="$changes" -v name="$corpus" \
    -v sum="$sum" 'BEGIN {
    if (tc < 1) tc = 1
    if (t < 1) t = 1
    printf "%s: %.1f MB, %d changes (%.0f per MB), best of '"$runs"' runs; output sha256 %s…\n", name, b / 1e6, c, c / (b / 1e6), sum
    printf "  tlumach normalize: %6d ms wall (%4.0f MB/s), %6d ms CPU (%4.0f MB/s)\n", t, b / 1e6 / (t / 1000), tc, b / 1e6 / (tc / 1000)
    printf "  uconv -x any-nfc:  %6d ms wall (%4.0f MB/s), %6d ms CPU (%4.0f MB/s)\n", u, b / 1e6 / (u / 1000), uc, b / 1e6 / (uc / 1000)
    printf "  ratio (uconv / tlumach): %.1fx wall-clock, %.1fx CPU\n", u / t, uc / tc
  }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
