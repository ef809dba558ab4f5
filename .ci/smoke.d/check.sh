#!/usr/bin/env bash
# Smoke test of `tlumach check` on the shipped examples: findings, exit codes, formats, hostile input.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_status() {
  local expected=$1; shift
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  set -e
  if [[ $status -ne $expected ]]; then
    echo "check smoke: expected exit $expected, got $status: $*" >&2
    cat "$tmp/out" "$tmp/err" >&2
    exit 1
  fi
}

# The article with deliberate problems: exit 1 and the problems named.
expect_status 1 "$bin" check examples/check/article.xlf
for id in number-mismatch transliteration punctuation mixed-script; do
  grep -q "\[$id\]" "$tmp/out" || { echo "check smoke: [$id] not reported" >&2; cat "$tmp/out" >&2; exit 1; }
done
grep -Eq '^examples/check/article.xlf:[0-9]+:[0-9]+: error: .* \[number-mismatch\]$' "$tmp/out"
grep -Eq '^[0-9]+ errors?, [0-9]+ warnings? in 1 file \(7 units\)' "$tmp/out"

# The same pair as two texts.
expect_status 1 "$bin" check --source examples/check/article.uk.txt --target examples/check/article.en.txt \
  --source-lang uk --target-lang en
grep -q '^examples/check/article.en.txt:3:1: error: ' "$tmp/out"

# Formats: JSON parses, SARIF declares 2.1.0, GitHub annotations when GITHUB_ACTIONS=true.
expect_status 1 "$bin" check examples/check/app.uk.po --source-lang en --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["errors"] >= 2, d' "$tmp/out"
expect_status 1 "$bin" check examples/check/app.uk.po --source-lang en --format sarif
grep -q '"version": "2.1.0"' "$tmp/out"
GITHUB_ACTIONS=true expect_status 1 "$bin" check examples/check/app.uk.po --source-lang en
grep -q '^::error file=examples/check/app.uk.po,line=' "$tmp/out"

# TMX (the memory's shipped example): no errors.
expect_status 0 "$bin" check examples/memory/newsroom.tmx
grep -Eq '^0 errors, [0-9]+ warnings? in 1 file \(12 units\)' "$tmp/out"

# Clean input: exit 0; only warnings: 0, or 1 with --strict.
printf 'msgid "2.5 points"\nmsgstr "2,5 бала"\n' >"$tmp/clean.po"
expect_status 0 "$bin" check "$tmp/clean.po" --source-lang en --target-lang uk --no-glossary
printf 'msgid "Ready."\nmsgstr "Готово"\n' >"$tmp/warn.po"
expect_status 0 "$bin" check "$tmp/warn.po" --source-lang en --target-lang uk --no-glossary
expect_status 1 "$bin" check "$tmp/warn.po" --source-lang en --target-lang uk --no-glossary --strict

# Hostile and truncated input: exit 2 naming the file.
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source><target>x</target></trans-unit></body></file></xliff>\n' >"$tmp/evil.xlf"
expect_status 2 "$bin" check "$tmp/evil.xlf"
grep -q 'evil.xlf:2' "$tmp/err"
printf 'msgid "a"\nmsgstr "b' >"$tmp/cut.po"
expect_status 2 "$bin" check "$tmp/cut.po"
grep -q 'cut.po:2' "$tmp/err"

echo "check smoke: ok"
