#!/usr/bin/env bash
# Smoke test for `tlumach translit`: published KMU 2010 examples, case, apostrophes, streaming, schemes, errors.
set -euo pipefail
bin=$1
fail() { echo "smoke translit: $*" >&2; exit 1; }
expect() { # expect EXPECTED ACTUAL WHAT
  [[ $1 == "$2" ]] || fail "$3: expected '$1', got '$2'"
}

expect "Zghorany Rozghon Koropie Marine Znamianka Shcherbukhy Andrii" \
  "$("$bin" translit --scheme kmu2010 "Згорани Розгон Короп’є Мар’їне Знам'янка Щербухи Андрій")" "KMU examples"
expect "Shchuka SHCHUKA Yaroslav YAROSHENKO" "$("$bin" translit "Щука ЩУКА Ярослав ЯРОШЕНКО")" "case"
expect "Ukraine’s ZSU" "$("$bin" translit "Ukraine’s ЗСУ")" "Latin apostrophe"

# Standard input: one line out per line in.
out=$(printf 'Київ\nХарків\n\nЮрій-Євген\n' | "$bin" translit --scheme kmu2010)
expect $'Kyiv\nKharkiv\n\nYurii-Yevhen' "$out" "stdin lines"

expect "Sergei Shoigu" "$("$bin" translit --scheme ru-simple "Сергей Шойгу")" "ru-simple"
expect "Sergey" "$("$bin" translit --scheme ru-bgn "Сергей")" "ru-bgn"
expect "Kiïv" "$("$bin" translit --scheme iso9 "Київ")" "iso9"

list=$("$bin" translit --list)
for scheme in kmu2010 ru-bgn ru-simple iso9; do
  grep -q "^$scheme " <<<"$list" || fail "--list lacks $scheme"
done

set +e
err=$("$bin" translit --scheme nope "Київ" 2>&1 >/dev/null)
status=$?
set -e
expect 2 "$status" "unknown scheme exit status"
grep -q "kmu2010" <<<"$err" || fail "unknown scheme message lacks the list"

set +e
printf 'ok\n\xff\n' | "$bin" translit >/dev/null 2>&1
status=$?
set -e
expect 2 "$status" "invalid UTF-8 exit status"
echo "smoke translit: ok"
