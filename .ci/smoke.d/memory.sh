#!/usr/bin/env bash
# Smoke test for `tlumach tm`: import the shipped example, search, concordance, stats, export round trip, and a
# malformed file refused with exit 2 and nothing committed.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=$root/examples/memory/newsroom.tmx

"$bin" tm import "$example" --tm "$work/news.tmdb" | grep -q "12 units read, 12 added"

out=$("$bin" tm search --tm "$work/news.tmdb" "Уряд ухвалив новий бюджет на 2026 рік.")
grep -q "^1. 85%  #1 tuid=news-1" <<<"$out" || { echo "memory smoke: unexpected search output: $out" >&2; exit 1; }
grep -q "\[-2025-\] {+2026+}" <<<"$out"

printf 'Мер міста відкрив новий міст через річку.\nнічого схожого\n' >"$work/queries.txt"
lines=$("$bin" tm search --tm "$work/news.tmdb" --batch "$work/queries.txt" | wc -l)
[[ $lines -eq 2 ]] || { echo "memory smoke: batch printed $lines lines" >&2; exit 1; }
"$bin" tm search --tm "$work/news.tmdb" --batch "$work/queries.txt" | head -1 | grep -q '"score":100'

"$bin" tm concord --tm "$work/news.tmdb" бюджет | grep -q '2 units contain "бюджет"'
"$bin" tm stats --tm "$work/news.tmdb" --verify | grep -q "verified:   ok"

"$bin" tm export --tm "$work/news.tmdb" --out "$work/a.tmx" 2>/dev/null
"$bin" tm import "$work/a.tmx" --tm "$work/copy.tmdb" >/dev/null
"$bin" tm export --tm "$work/copy.tmdb" --out "$work/b.tmx" 2>/dev/null
cmp -s "$work/a.tmx" "$work/b.tmx" || { echo "memory smoke: export → import → export differs" >&2; exit 1; }

head -c 2000 "$example" >"$work/truncated.tmx"
set +e
"$bin" tm import "$work/truncated.tmx" --tm "$work/news.tmdb" 2>"$work/err.txt"
status=$?
set -e
[[ $status -eq 2 ]] || { echo "memory smoke: truncated import exited $status, expected 2" >&2; exit 1; }
grep -q "truncated.tmx:[0-9]*:[0-9]*:" "$work/err.txt"
"$bin" tm stats --tm "$work/news.tmdb" --format json | grep -q '"units":12,'
echo "memory smoke: ok"
