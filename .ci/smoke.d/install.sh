#!/usr/bin/env bash
# Smoke test for installing `tlumach`: the recipe of docs/install.md into a temporary prefix works, and the
# binary copied without its *.resources folders exits 2 with instructions instead of crashing.
set -euo pipefail
bin=$1
build=$(cd "$(dirname "$bin")" && pwd)
fail() { echo "smoke install: $*" >&2; exit 1; }
expect() { # expect EXPECTED ACTUAL WHAT
  [[ $1 == "$2" ]] || fail "$3: expected '$1', got '$2'"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset TLUMACH_RESOURCES

# The documented recipe, with PREFIX in a temporary folder and .build/release replaced by the build folder.
PREFIX=$work/prefix
install -d "$PREFIX/bin" "$PREFIX/share/tlumach"
install -m 755 "$build/tlumach" "$PREFIX/bin/tlumach"
cp -R "$build"/*.resources "$PREFIX/share/tlumach/"
expect "Kyiv" "$("$PREFIX/bin/tlumach" translit Київ)" "installed translit"
expect "Kiïv" "$("$PREFIX/bin/tlumach" translit --scheme iso9 Київ)" "installed iso9"
expect "м’ясо «так»" "$(printf '%s\n' "м'ясо \"так\"" | "$PREFIX/bin/tlumach" normalize)" "installed normalize"
# Through a symlink on another PATH folder.
mkdir "$work/links" && ln -s "$PREFIX/bin/tlumach" "$work/links/tlumach"
expect "Kyiv" "$(PATH="$work/links:$PATH" tlumach translit Київ)" "symlinked translit"

# The binary alone: exit 2 and the instructions, for both kinds of data file.
mkdir "$work/alone" && cp "$build/tlumach" "$work/alone/"
set +e
err=$("$work/alone/tlumach" translit Київ 2>&1 >/dev/null)
status=$?
set -e
expect 2 "$status" "binary alone, translit exit status"
# Every command first checks the text module's data, so the first missing file named is one of those.
grep -q "data file Data/.* not found; install the \*.resources folders next to the binary" <<<"$err" \
  || fail "binary alone, translit message: $err"
set +e
err=$(printf 'x\n' | "$work/alone/tlumach" normalize 2>&1 >/dev/null)
status=$?
set -e
expect 2 "$status" "binary alone, normalize exit status"
grep -q "TLUMACH_RESOURCES" <<<"$err" || fail "binary alone, normalize message: $err"

# TLUMACH_RESOURCES names the folder.
expect "Kyiv" "$(TLUMACH_RESOURCES="$PREFIX/share/tlumach" "$work/alone/tlumach" translit Київ)" "TLUMACH_RESOURCES"
echo "smoke install: ok"
