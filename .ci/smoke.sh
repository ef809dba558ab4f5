#!/usr/bin/env bash
# Smoke-tests a built tlumach binary on the shipped examples: each command must do its job and exit as documented.
set -euo pipefail
bin=${1:-.build/release/tlumach}
fail() { echo "smoke: $*" >&2; exit 1; }

"$bin" --version >/dev/null || fail "--version"
