#!/usr/bin/env bash
# `check` stays linear on one huge unit: each shape of scripts/check-growth.py (placeholders, links, mixed words,
# hotkeys, options, figures, names, columns…) at 4,000 and 16,000 repetitions; a ratio over ×8 (16× is what a check
# reading the whole text once per occurrence costs) fails the build. About 15 CPU-s in a release build.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$root/scripts/check-growth.py" --bin "$bin" --size 4000 --runs 2 --limit 8
