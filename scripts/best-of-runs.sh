# Sourced by the bench scripts. best_ms OUT CMD…: the best wall-clock and the best CPU (user + system)
# milliseconds of $runs runs of CMD with its standard output written to OUT (/dev/null to discard). On a machine
# shared with other work the CPU figure is the steadier one.
# A file OUT is removed before each run, outside the timing: every run writes a new file, as a user's first run
# does. Truncating the previous run's output (written milliseconds before) happens inside `time`, in the shell, and
# cost 2–12 ms here — a fifth of a 60 ms run, a fiftieth of uconv's 600 ms — which measured the page cache, not
# the command.
best_ms() {
  local out=$1 best_wall= best_cpu= line real user sys wall cpu
  shift
  for _ in $(seq "$runs"); do
    if [[ -f $out ]]; then rm -f "$out"; fi
    line=$( { TIMEFORMAT='%R %U %S'; time "$@" >"$out"; } 2>&1 )
    read -r real user sys <<<"$line"
    wall=$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }')
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
    if [[ -z $best_wall || $wall -lt $best_wall ]]; then best_wall=$wall; fi
    if [[ -z $best_cpu || $cpu -lt $best_cpu ]]; then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}
