#!/usr/bin/env bash
# Property-based API test: schemathesis (PyPI) generates requests from docs/openapi.yaml and checks every answer
# against it (status codes, content types, bodies, no 5xx). Runs against a server it starts on loopback over a copy of
# examples/memory/newsroom.tmx and the test glossary below, with a write token (so authenticated routes are
# exercised too). Bounded: MAX_EXAMPLES per operation (default 50).
#
#   scripts/schemathesis.sh            # needs: pip install schemathesis
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh
MAX_EXAMPLES=${MAX_EXAMPLES:-50}
command -v schemathesis >/dev/null || { echo "schemathesis.sh: pip install schemathesis" >&2; exit 2; }
work=$(mktemp -d /tmp/tlumach-schemathesis.XXXXXX)
server=""
cleanup() {
    serve_stop
    rm -rf "$work"
}
trap cleanup EXIT

swift build --product tlumach >/dev/null
bin=$(swift build --show-bin-path)
"$bin/tlumach" tm import --tm "$work/tm.tmdb" examples/memory/newsroom.tmx >/dev/null
cat >"$work/glossary.yaml" <<'YAML'
concepts:
  - id: kyiv
    terms:
      uk: [{text: Київ, type: properNoun}]
      en: [{text: Kyiv, type: properNoun}, {text: Kiev, status: forbidden, use: Kyiv}]
YAML
token=$("$bin/tlumach" serve token add --tm "$work/tm.tmdb" --scope write --name schemathesis)
serve_start "$bin/tlumach" "$work/serve.log" --tm "$work/tm.tmdb" --glossary "$work/glossary.yaml" \
    --body-limit 1000000 --log-level error

# DELETE would empty the memory under the other operations' feet; it is covered by the Swift tests.
schemathesis run "http://127.0.0.1:$port/openapi.yaml" --url "http://127.0.0.1:$port" \
    -H "Authorization: Bearer $token" --checks all --max-examples "$MAX_EXAMPLES" \
    --exclude-method DELETE "$@"
