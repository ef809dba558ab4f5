#!/usr/bin/env bash
# Smoke test of `tlumach align` on the shipped article pair: beads as expected, TMX written atomically, errors exit 2.
set -euo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$bin" align examples/align/article.uk.txt examples/align/article.en.txt --format beads >"$dir/beads"
diff -u examples/align/article.beads "$dir/beads" || { echo "align smoke: beads differ" >&2; exit 1; }

"$bin" align examples/align/article.uk.txt examples/align/article.en.txt --format tmx --out "$dir/out.tmx"
[[ $(grep -c '<tu[ >]' "$dir/out.tmx") -eq 8 ]] || { echo "align smoke: expected 8 translation units" >&2; exit 1; }

"$bin" align examples/align/article.uk.txt examples/align/article.en.txt --into-tm "$dir/news.tm" >/dev/null 2>"$dir/tm.log"
grep -q "8 units read, 8 added, 0 duplicates" "$dir/tm.log" || { echo "align smoke: --into-tm did not add 8 pairs" >&2; exit 1; }

"$bin" align examples/align/article.uk.txt examples/align/article.en.txt | grep -q $'2 500 українців.\tAccording to him, more than 2,500' \
  || { echo "align smoke: tsv pair missing" >&2; exit 1; }

# The TSV is the bilingual TSV `check` reads: a language header, then the pairs.
"$bin" align examples/align/article.uk.txt examples/align/article.en.txt --out "$dir/pairs.tsv"
[[ $(head -1 "$dir/pairs.tsv") == $'uk\ten' ]] || { echo "align smoke: tsv header is not uk<TAB>en" >&2; exit 1; }
set +e
"$bin" check "$dir/pairs.tsv" --no-glossary --format json >"$dir/check.json" 2>"$dir/check.err"
status=$?
set -e
[[ $status -le 1 ]] || { echo "align smoke: check refused the aligned tsv ($status): $(cat "$dir/check.err")" >&2; exit 1; }
grep -q '"units": 8' "$dir/check.json" || { echo "align smoke: check did not read 8 units from the aligned tsv" >&2; exit 1; }

set +e
"$bin" align examples/align/article.uk.txt "$dir/missing.en" >/dev/null 2>"$dir/err"
status=$?
set -e
[[ $status -eq 2 ]] || { echo "align smoke: missing file should exit 2, got $status" >&2; exit 1; }
grep -q "missing.en" "$dir/err" || { echo "align smoke: error does not name the file" >&2; exit 1; }
echo "align smoke: ok"
