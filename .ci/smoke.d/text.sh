#!/usr/bin/env bash
# Smoke test of `tlumach normalize` on the shipped example: output, --check exit codes, --in-place, invalid UTF-8.
set -euo pipefail
bin=$1
example=examples/normalize/article.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$("$bin" normalize "$example")
grep -q 'Міністерство оборони назвало обмін «важким, але „чесним“» — і подякувало' <<<"$out" \
  || { echo "normalize: Ukrainian quotes, dash or look-alike repair missing" >&2; exit 1; }
grep -q 'The “so-called ‘referendum’” was dismissed—again.' <<<"$out" \
  || { echo "normalize: English quotes or dash missing" >&2; exit 1; }
grep -q 'https://example.gov.ua/news/2024-08-27-obmin' <<<"$out" || { echo "normalize: URL was changed" >&2; exit 1; }

# --check: findings exit 1 and print path:line:column: rule: …; clean text exits 0.
set +e
"$bin" normalize --check "$example" >"$work/check.txt"
status=$?
set -e
[[ $status -eq 1 ]] || { echo "normalize --check on the messy example: expected exit 1, got $status" >&2; exit 1; }
grep -q "^$example:4:16: look-alikes: Kиїв → Київ" "$work/check.txt" || { echo "normalize --check: finding missing" >&2; exit 1; }
printf '%s\n' "$out" >"$work/clean.md"
"$bin" normalize --check "$work/clean.md" || { echo "normalize --check: normalised text is not clean" >&2; exit 1; }

# --in-place rewrites atomically; the result is idempotent.
cp "$example" "$work/article.md"
"$bin" normalize --in-place "$work/article.md"
"$bin" normalize --check "$work/article.md"

# --report json carries counts per rule.
"$bin" normalize --report json "$example" | grep -q '"look-alikes" : 4' || { echo "normalize --report json: counts missing" >&2; exit 1; }

# Invalid UTF-8: exit 2 naming file and byte offset, nothing written.
printf 'ok \xff bad\n' >"$work/bad.md"
set +e
"$bin" normalize --in-place "$work/bad.md" 2>"$work/err.txt"
status=$?
set -e
[[ $status -eq 2 ]] || { echo "normalize on invalid UTF-8: expected exit 2, got $status" >&2; exit 1; }
grep -q "bad.md: byte 3: invalid UTF-8" "$work/err.txt" || { echo "normalize: invalid UTF-8 message" >&2; exit 1; }
cmp -s "$work/bad.md" <(printf 'ok \xff bad\n') || { echo "normalize: invalid file was modified" >&2; exit 1; }
echo "text smoke: ok"
