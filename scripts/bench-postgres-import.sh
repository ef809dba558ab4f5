#!/usr/bin/env bash
# `tlumach tm import` into PostgreSQL only, BEFORE and BIN alternating in one run (scripts/bench-postgres.sh does the
# whole bench; this is the import alone, to iterate faster). Each import goes into a fresh schema of a durable
# throwaway cluster with the bench's settings; prints wall, client CPU (user+sys), server CPU (every process of the
# server's user, as the bench counts it) and the load average, then an md5 of each memory's tables and its index
# definitions, which must be equal between the two builds.
#
#   scripts/bench-postgres-import.sh FILE [ROUNDS]     # BIN=.build/release/tlumach BEFORE=<other build>
# AGAIN=FILE2 also imports FILE2 into each memory afterwards (an import into a non-empty memory).
# SLOW_MS=100 logs statements slower than that (the server's log is printed for each import).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:?usage: $0 FILE [ROUNDS]}
ROUNDS=${2:-1}
BIN=${BIN:-$PWD/.build/release/tlumach}
export FILE ROUNDS BIN

if [[ -z "${TLUMACH_TEST_POSTGRES_URL:-}" ]]; then
  TLUMACH_PG_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB -c maintenance_work_mem=256MB${SLOW_MS:+ -c log_min_duration_statement=$SLOW_MS}" \
    exec scripts/with-postgres.sh "$0" "$@"
fi
LOG="$(dirname "$TLUMACH_TEST_POSTGRES_SOCKET")/server.log"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
source scripts/lib/server-cpu.sh  # the script runs from the project folder (cd above)
import_into() {  # label, bin, schema, file
  local before_load server_before server_after log_lines
  before_load=$(load)
  log_lines=$(wc -l < "$LOG")
  server_before=$(server_cpu)
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$2" tm import "$4" --tm "$TLUMACH_TEST_POSTGRES_URL?schema=$3" > "$work/out"
  server_after=$(server_cpu)
  read -r wall user sys < "$work/time"
  local units
  units=$(psql -qAtc "SELECT read FROM \"$3\".import ORDER BY id DESC LIMIT 1")
  printf '%-16s %-8s wall %6.2f s  client CPU %6.2f s  server CPU %6.2f s  %6.0f units/s wall  load %s\n' \
    "$1" "$3" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "${server_after:-0} - ${server_before:-0}" | bc)" \
    "$(echo "$units / $wall" | bc -l)" "$before_load"
  if [[ -n "${SLOW_MS:-}" ]]; then
    tail -n +"$((log_lines + 1))" "$LOG" | grep -o 'duration: [0-9.]* ms .\{0,90\}' | sed 's/^/    /' || true
  fi
  psql -qAtc "VACUUM ANALYZE \"$3\".unit" -c "VACUUM ANALYZE \"$3\".unit_source" -c "VACUUM ANALYZE \"$3\".token"
}
contents() {  # schema: md5 of the tables and of the index definitions
  psql -qAt -c "SELECT 'unit ' || md5(string_agg(md5(u::text), '' ORDER BY id)) FROM \"$1\".unit u" \
    -c "SELECT 'unit_source ' || md5(string_agg(md5(u::text), '' ORDER BY id)) FROM \"$1\".unit_source u" \
    -c "SELECT 'token ' || md5(string_agg(md5(t::text), '' ORDER BY id)) FROM \"$1\".token t" \
    -c "SELECT 'import ' || md5(string_agg(i.read || ' ' || i.added || ' ' || i.merged || ' ' || i.change, E'\n' ORDER BY id)) FROM \"$1\".import i" \
    -c "SELECT 'indexes ' || md5(string_agg(regexp_replace(indexdef, ' \"?$1\"?\\.', ' S.'), E'\n' ORDER BY indexname)) || ' (' || count(*) || ')' FROM pg_indexes WHERE schemaname = '$1'"
}

echo "$(date -u +%FT%TZ) file $FILE, $(nproc) cores"
for round in $(seq "$ROUNDS"); do
  for store in ${BEFORE:+before} after; do
    bin=$BIN
    [[ $store == before ]] && bin=$BEFORE
    psql -qAtc "DROP SCHEMA IF EXISTS \"$store\" CASCADE"
    import_into "round $round" "$bin" "$store" "$FILE"
    [[ -n "${AGAIN:-}" ]] && import_into "round $round again" "$bin" "$store" "$AGAIN"
    contents "$store" > "$work/$store.md5"
  done
  sed 's/^/    /' "$work/after.md5"
  if [[ -n "${BEFORE:-}" ]]; then
    cmp -s "$work/before.md5" "$work/after.md5" && echo "    before = after: identical" || {
      echo "    before and after DIFFER:"
      diff "$work/before.md5" "$work/after.md5" | sed 's/^/    /'
    }
  fi
done
