#!/usr/bin/env bash
# Runs a command with a time limit. When the limit passes, prints the stack of every thread of each test process
# still running (with gdb, when installed), so a hang says where it waits instead of using up the CI's time; then
# stops the command and everything it started, and exits 124.
#   scripts/with-deadline.sh 1200 bash scripts/with-postgres.sh swift test
set -uo pipefail

if (($# < 2)) || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS COMMAND [ARGS…]" >&2
  exit 2
fi
limit="$1"
shift

# A process group of its own, so the command and its children can be stopped together.
setsid "$@" &
leader=$!
trap 'kill -TERM -- -"$leader" 2>/dev/null; wait "$leader"; exit 130' INT TERM

started=$SECONDS
while kill -0 "$leader" 2>/dev/null; do
  if ((SECONDS - started >= limit)); then
    echo "with-deadline: still running after ${limit} s: $*" >&2
    for pid in $(pgrep -g "$leader" -f '\.xctest'); do
      echo "with-deadline: threads of process $pid:" >&2
      if command -v gdb >/dev/null 2>&1; then
        gdb -p "$pid" -batch -ex 'thread apply all bt 30' 2>/dev/null | grep -E '^(Thread|#)' | cut -c1-300 >&2
      else
        echo "(gdb is not installed: no stacks)" >&2
      fi
    done
    kill -TERM -- -"$leader" 2>/dev/null
    sleep 5
    kill -KILL -- -"$leader" 2>/dev/null
    wait "$leader" 2>/dev/null
    exit 124
  fi
  sleep 2
done
wait "$leader"
