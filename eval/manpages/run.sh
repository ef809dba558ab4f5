#!/usr/bin/env bash
# Alignment evaluation on real human translations found on this machine: the DESCRIPTION sections of 22 manual
# pages and their Ukrainian translations (manpages-l10n, installed under /usr/share/man/uk). The texts are not
# shipped; this script extracts them, splits sentences with a fixed rule (extract.py), aligns with --presegmented
# and scores against the gold beads in this folder (checked by hand, see docs/alignment.md).
# Usage: eval/manpages/run.sh [path/to/tlumach] [extra align options…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-.build/release/tlumach}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=(passwd.1 login.1 newgrp.1 top.1 chfn.1 free.1 ps.1 passwd.5 shadow.5 xz.1
  gshadow.5 pwck.8 grpck.8 newusers.8 pwconv.8 fuser.1 pstree.1 pgrep.1 uptime.1 sysctl.8 killall.1 chpasswd.8)
for page in "${pages[@]}"; do
  section=${page##*.}
  uk=/usr/share/man/uk/man$section/$page.gz
  en=/usr/share/man/man$section/$page.gz
  if [[ ! -f $uk || ! -f $en ]]; then
    echo "missing $uk or $en: install manpages-uk and the packages of these pages" >&2
    exit 2
  fi
  zcat "$uk" | MANWIDTH=100000 LANG=C.UTF-8 man -l - 2>/dev/null >"$work/$page.uk.txt"
  zcat "$en" | MANWIDTH=100000 LANG=C.UTF-8 man -l - 2>/dev/null >"$work/$page.en.txt"
  python3 "$here/extract.py" "$work/$page.uk.txt" >"$work/$page.uk"
  python3 "$here/extract.py" "$work/$page.en.txt" >"$work/$page.en"
  "$bin" align --presegmented --gold "$here/$page.gold" "$@" "$work/$page.uk" "$work/$page.en" --format beads \
    >/dev/null 2>"$work/$page.score"
  echo "$page: $(cat "$work/$page.score")"
done
cat "$work"/*.score | sed -E 's/.*\(([0-9]+) of ([0-9]+) predicted, ([0-9]+) gold\).*/\1 \2 \3/' |
  awk '{c+=$1; p+=$2; g+=$3} END {P=c/p; R=c/g; printf "total: P %.3f R %.3f F1 %.3f (%d of %d predicted, %d gold)\n", P, R, 2*P*R/(P+R), c, p, g}'
