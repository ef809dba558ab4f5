#!/usr/bin/env bash
# Smoke test: glossary lint, lookup, terms and convert on the shipped glossaries, with their exit codes.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" glossary lint glossaries/ >/dev/null || { echo "glossary: shipped glossaries fail lint" >&2; exit 1; }
"$bin" glossary stats | grep -q '^concepts: ' || { echo "glossary: stats" >&2; exit 1; }

out=$("$bin" lookup Києва --format json)
[[ $out == *'"concept":"kyiv","match":"inflection"'* ]] || { echo "glossary: lookup Києва → $out" >&2; exit 1; }
out=$("$bin" lookup CBO --format json)
[[ $out == *'"concept":"svo","match":"homoglyph"'* ]] || { echo "glossary: lookup CBO → $out" >&2; exit 1; }

printf 'Представник ГУР розповів про обмін полоненими з державою-агресором і про Координаційного штабу роботу.\n' >"$tmp/uk.txt"
out=$("$bin" terms "$tmp/uk.txt" --format json)
for concept in hur prisoner-exchange aggressor-state coordination-hq-pow; do
  [[ $out == *"\"concept\":\"$concept\""* ]] || { echo "glossary: terms missed $concept: $out" >&2; exit 1; }
done
out=$(printf 'Kiev, KIEV and the so-called SVO.\n' | "$bin" terms --format summary --lang en)
[[ $out == *$'2\tkyiv'* ]] || { echo "glossary: terms summary → $out" >&2; exit 1; }

"$bin" glossary convert glossaries/news-war.yaml "$tmp/news.tbx" --tbx-version 2 2>/dev/null
"$bin" glossary convert "$tmp/news.tbx" "$tmp/news.yaml" 2>/dev/null
[[ $("$bin" glossary stats glossaries/news-war.yaml) == $("$bin" glossary stats "$tmp/news.yaml") ]] ||
  { echo "glossary: YAML → TBX → YAML changed the glossary" >&2; exit 1; }

printf 'concepts:\n  - id: a\n    terms: {en: [{text: Kiev, status: forbidden}]}\n' >"$tmp/bad.yaml"
set +e
"$bin" glossary lint "$tmp/bad.yaml" >/dev/null 2>&1; status=$?
printf 'concepts: [\n' >"$tmp/broken.yaml"
"$bin" glossary lint "$tmp/broken.yaml" >/dev/null 2>&1; broken=$?
set -e
[[ $status == 1 ]] || { echo "glossary: lint findings should exit 1, got $status" >&2; exit 1; }
[[ $broken == 2 ]] || { echo "glossary: unreadable glossary should exit 2, got $broken" >&2; exit 1; }

# translit follows the scheme by default; people's whole names take the glossary's spelling only on request.
out=$("$bin" translit "Володимир Зеленський і Шойгу")
[[ $out == "Volodymyr Zelenskyi i Shoihu" ]] || { echo "glossary: translit (scheme) → $out" >&2; exit 1; }
out=$("$bin" translit --names glossary "Володимир Зеленський і Шойгу")
[[ $out == "Volodymyr Zelenskyy i Shoigu" ]] || { echo "glossary: translit --names glossary → $out" >&2; exit 1; }
out=$(printf 'Зеленський\n' | "$bin" translit --names glossary)
[[ $out == "Zelenskyy" ]] || { echo "glossary: translit names on stdin → $out" >&2; exit 1; }
out=$("$bin" translit --no-glossary "Зеленський")
[[ $out == "Zelenskyi" ]] || { echo "glossary: translit --no-glossary → $out" >&2; exit 1; }
echo "glossary: ok"
