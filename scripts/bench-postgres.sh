#!/usr/bin/env bash
# The translation memory on PostgreSQL beside the SQLite store, in one run: import of a 1M-unit real-derived memory,
# single `tm search` (a new process each time: connection and opening included) p50/p95, `--batch` per query, and
# agreement of the PostgreSQL top 5 with the SQLite store's (itself equal to brute force: docs/PERFORMANCE.md #6) and
# with PostgreSQL's own brute force on a sample. Prints wall and CPU seconds (user+sys of the client process) and the
# load average of each step. Starts its own durable cluster (fsync on) through scripts/with-postgres.sh.
#
#   swift build -c release --product tlumach
#   scripts/bench-postgres.sh                 # UNITS=1000000 QUERIES=200 SINGLE=41 DATA=/tmp/tlumach-bench-pg
# BEFORE=<another tlumach> also imports the same file with that build into a schema of its own and runs its
# PostgreSQL searches there, in the same run (a change's before and after side by side; its own schema since a build
# refuses a memory whose schema is newer than it knows), and checks that its results are identical.
# Server CPU: user+sys of every process of the server's user (backends that ended included), when the server runs
# as another user than this script (as root, scripts/with-postgres.sh runs it as tlumach-ci).
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-1000000}
QUERIES=${QUERIES:-200}
SINGLE=${SINGLE:-41}
DATA=${DATA:-/tmp/tlumach-bench-pg}
BIN=${BIN:-$PWD/.build/release/tlumach}
export UNITS QUERIES SINGLE DATA BIN

if [[ -z "${TLUMACH_TEST_POSTGRES_URL:-}" ]]; then
  TLUMACH_PG_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB -c maintenance_work_mem=256MB" \
    exec scripts/with-postgres.sh "$0" "$@"
fi

mkdir -p "$DATA/po"
if [[ ! -s "$DATA/all.tmx" ]]; then
  for mo in /usr/share/locale/uk/LC_MESSAGES/*.mo; do msgunfmt "$mo" -o "$DATA/po/$(basename "$mo" .mo).po"; done
  po2tmx --progress=none -l uk -i "$DATA/po" -o "$DATA/all.tmx"
fi
if [[ ! -s "$DATA/memory-$UNITS.tmx" ]]; then
  python3 scripts/bench-postgres-data.py "$DATA/all.tmx" "$UNITS" "$DATA/memory-$UNITS.tmx" "$QUERIES" "$DATA/queries.txt"
fi
URL="$TLUMACH_TEST_POSTGRES_URL?schema=bench"
SQLITE="$DATA/memory.tmdb"
rm -f "$SQLITE"*

load() { cut -d' ' -f1-3 /proc/loadavg; }
source scripts/lib/server-cpu.sh  # the script runs from the project folder (cd above)
timed() {  # label, command…: prints wall, user+sys
  local label=$1
  shift
  local before server_before server_after
  before=$(load)
  server_before=$(server_cpu)
  /usr/bin/time -f "%e %U %S %M" -o "$DATA/time" "$@" > "$DATA/out" 2> "$DATA/err" || { cat "$DATA/err" >&2; exit 1; }
  server_after=$(server_cpu)
  read -r wall user sys rss < "$DATA/time"
  printf '%-28s wall %7.2f s  CPU %7.2f s (user %.2f sys %.2f)  peak %d MB  load %s%s\n' \
    "$label" "$wall" "$(echo "$user + $sys" | bc)" "$user" "$sys" "$((rss / 1024))" "$before" \
    "${server_before:+  server CPU $(echo "$server_after - $server_before" | bc) s}"
}

echo "units $UNITS, queries $QUERIES, single-search runs $SINGLE; $(nproc) cores"
BEFORE_URL="$TLUMACH_TEST_POSTGRES_URL?schema=bench_before"
# BEFORE imports first: the autovacuum its import leaves to do then runs during this build's import, not its searches.
for store in sqlite ${BEFORE:+before} postgres; do
  target=$SQLITE bin=$BIN
  [[ $store == postgres ]] && target=$URL
  [[ $store == before ]] && target=$BEFORE_URL bin=$BEFORE
  timed "import $store" "$bin" tm import "$DATA/memory-$UNITS.tmx" --tm "$target"
  sed 's/^/    /' "$DATA/out"
  echo "    $(echo "$UNITS / $wall" | bc) units/s wall, $(echo "$UNITS / ($user + $sys)" | bc) units per client CPU-s"
  timed "stats $store" "$bin" tm stats --tm "$target"
  # What autovacuum does within a minute or two of a bulk import, done now and untimed: otherwise it runs during
  # the next step's measurement (another import's, or the searches').
  if [[ $store != sqlite ]]; then
    schema=bench
    [[ $store == before ]] && schema=bench_before
    vacuum_start=$(date +%s.%N)
    psql -d postgres -qAtc "VACUUM ANALYZE \"$schema\".unit" -c "VACUUM ANALYZE \"$schema\".token"
    [[ $store == postgres ]] && psql -d postgres -qAtc "VACUUM ANALYZE \"$schema\".unit_source"
    echo "    (untimed VACUUM ANALYZE afterwards: $(echo "$(date +%s.%N) - $vacuum_start" | bc | cut -c1-5) s)"
  fi
done
psql -d postgres -tAc "SELECT 'postgres size (' || n.nspname || '): ' || pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('bench', 'bench_before') AND c.relkind = 'r' GROUP BY n.nspname ORDER BY n.nspname"
echo "sqlite size: $(du -h "$SQLITE" | cut -f1)"

for store in sqlite postgres ${BEFORE:+before}; do
  target=$SQLITE bin=$BIN
  [[ $store == postgres ]] && target=$URL
  [[ $store == before ]] && target=$BEFORE_URL bin=$BEFORE
  timed "batch $store" "$bin" tm search --tm "$target" --batch "$DATA/queries.txt" --format json
  cp "$DATA/out" "$DATA/batch-$store.jsonl"
  echo "    $(echo "scale=2; $wall * 1000 / $QUERIES" | bc) ms per query wall, $(echo "scale=2; ($user + $sys) * 1000 / $QUERIES" | bc) ms client CPU"
  # Single searches, a new process each (connection and opening included).
  : > "$DATA/single-$store.txt"
  head -n "$SINGLE" "$DATA/queries.txt" | while IFS= read -r query; do
    /usr/bin/time -f "%e %U %S" -o "$DATA/one" "$bin" tm search --tm "$target" --format json -- "$query" > /dev/null
    cat "$DATA/one" >> "$DATA/single-$store.txt"
  done
  python3 - "$DATA/single-$store.txt" "$store" "$(load)" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
times = sorted(float(row[0]) * 1000 for row in rows)
cpu = sorted((float(row[1]) + float(row[2])) * 1000 for row in rows)
pick = lambda values, q: values[min(len(values) - 1, int(q * len(values)))]
print(f"single {sys.argv[2]:<21} p50 {pick(times, 0.5):6.0f} ms  p95 {pick(times, 0.95):6.0f} ms  client CPU p50 {pick(cpu, 0.5):4.0f} ms  ({len(times)} runs, load {sys.argv[3]})")
PY
done

python3 - "$DATA/batch-sqlite.jsonl" "$DATA/batch-postgres.jsonl" <<'PY'
import json, sys
a = [json.loads(line) for line in open(sys.argv[1])]
b = [json.loads(line) for line in open(sys.argv[2])]
top = lambda r: [(m["id"], m["score"], m["stemScore"]) for m in r["matches"][:5]]
same = sum(top(x) == top(y) for x, y in zip(a, b))
found = sum(bool(x["matches"]) for x in a)
print(f"top 5 PostgreSQL = SQLite (= brute force): {same} of {len(a)} queries ({100 * same / max(1, len(a)):.1f}%); {found} with a match")
PY
if [[ -n "${BEFORE:-}" ]]; then
  cmp -s "$DATA/batch-before.jsonl" "$DATA/batch-postgres.jsonl" && echo "BEFORE's batch output = this build's: identical" \
    || echo "BEFORE's batch output differs from this build's"
fi
