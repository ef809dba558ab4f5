#!/usr/bin/env bash
# CI: build the DocC documentation of every library module of the `Tlumach` product (swift-docc-plugin). Fails when
# a module's documentation does not build; DocC's warnings (an unresolved ``Symbol`` link, say) are printed.
# Usage: .ci/docs.sh [Module ...]   (default: every module of the product)
set -euo pipefail
cd "$(dirname "$0")/.."

if (($#)); then
  modules=("$@")
else
  # The product's targets, read from the manifest so that new modules are documented too.
  mapfile -t modules < <(swift package dump-package | python3 -c '
import json, sys
for product in json.load(sys.stdin)["products"]:
    if product["name"] == "Tlumach":
        print("\n".join(product["targets"]))
')
fi

args=()
for module in "${modules[@]}"; do args+=(--target "$module"); done
echo "docs: ${modules[*]}"
swift package generate-documentation "${args[@]}"
for module in "${modules[@]}"; do
  archive=".build/plugins/Swift-DocC/outputs/$module.doccarchive"
  [[ -d "$archive" ]] || { echo "docs: no archive for $module ($archive)" >&2; exit 1; }
done
echo "docs: ${#modules[@]} archives in .build/plugins/Swift-DocC/outputs"
