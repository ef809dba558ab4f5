#!/usr/bin/env bash
# Smoke-tests a built tlumach binary on the shipped examples: each area's script in .ci/smoke.d runs the commands
# a user would and checks their output and exit codes.
set -euo pipefail
bin=$(cd "$(dirname "${1:-.build/release/tlumach}")" && pwd)/$(basename "${1:-.build/release/tlumach}")
export TLUMACH_BIN=$bin
"$bin" --version >/dev/null || { echo "smoke: --version failed" >&2; exit 1; }
for script in .ci/smoke.d/*.sh; do
  [[ -e $script ]] || continue
  echo "smoke: $script"
  bash "$script" "$bin"
done
echo "smoke: all passed"
