#!/usr/bin/env bash
# Glossary matching on real Ukrainian text nobody on this project wrote: the msgstr text of the system's Ukrainian
# gettext catalogs (/usr/share/locale/uk/LC_MESSAGES/*.mo, via msgunfmt) and the Ukrainian man pages
# (/usr/share/man/uk). Counts the edits `normalize --fix-terms` would make (rules forbidden-terms and term-casing)
# and the `terms` hits with the shipped glossaries, and prints a seeded random sample of each for judging by hand.
# The extracted texts live in a temporary directory (or KEEP=DIR) and are never committed.
# Usage: scripts/glossary-real-text.sh [path/to/tlumach] [SAMPLE]   (run from the package root; default sample 30)
set -euo pipefail
bin=${1:-.build/release/tlumach}
sample=${2:-30}
work=${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/tlumach-glossary-real.XXXXXX")}
mkdir -p "$work"
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT

if [[ ! -s $work/uk.txt ]]; then
  for mo in /usr/share/locale/uk/LC_MESSAGES/*.mo; do msgunfmt "$mo" -o "$work/$(basename "$mo" .mo).po" 2>/dev/null || true; done
  python3 - "$work" <<'PY' >"$work/catalogs.txt"
import glob, re, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.po")):
    current, parts = None, []
    def flush():
        if current and current.startswith("msgstr") and parts:
            text = "".join(parts).replace("\\n", "\n").replace("\\t", " ").replace('\\"', '"').replace("\\\\", "\\")
            if text.strip() and not text.startswith("Project-Id-Version"): print(text.strip() + "\n")
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        match = re.match(r'^(msgid|msgid_plural|msgstr(\[\d+\])?|msgctxt) "(.*)"$', line)
        if match:
            flush(); current, parts = match.group(1), [match.group(3)]
        elif line.startswith('"') and current:
            parts.append(line[1:-1])
        else:
            flush(); current, parts = None, []
    flush()
PY
  : >"$work/manpages.txt"
  while IFS= read -r page; do
    zcat "$page" | MANWIDTH=100000 LANG=C.UTF-8 man -l - 2>/dev/null >>"$work/manpages.txt" || true
    echo >>"$work/manpages.txt"
  done < <(find /usr/share/man/uk -name '*.gz' | sort)
  cat "$work/catalogs.txt" "$work/manpages.txt" >"$work/uk.txt"
fi
echo "text: $(wc -c <"$work/catalogs.txt") bytes of catalog msgstr text, $(wc -c <"$work/manpages.txt") bytes of man pages"

"$bin" normalize --fix-terms --check --lang uk "$work/uk.txt" 2>/dev/null | grep -E ': (forbidden-terms|term-casing): ' >"$work/edits.txt" || true
"$bin" terms --lang uk "$work/uk.txt" >"$work/hits.txt" 2>/dev/null || true
echo "normalize --fix-terms edits: $(wc -l <"$work/edits.txt")"
echo "terms hits: $(wc -l <"$work/hits.txt") (ambiguous: $(grep -c 'ambiguous' "$work/hits.txt" || true))"
echo "hits per concept (top 15):"
sed -E 's/.* → ([^ ]+) \(.*/\1/' "$work/hits.txt" | sort | uniq -c | sort -rn | head -15
echo "sample of edits:"
shuf -n "$sample" --random-source=<(yes 2010) "$work/edits.txt" || true
echo "sample of hits:"
shuf -n "$sample" --random-source=<(yes 2010) "$work/hits.txt" || true
