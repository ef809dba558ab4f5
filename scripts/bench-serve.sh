#!/usr/bin/env bash
# `tlumach serve` under load: GET /v1/tm/search with wrk on loopback against a memory of UNITS units (default
# 1,000,000, built by the same generator as the memory benchmark: `tlumach-bench memory`), plus the time from start
# to /readyz answering 200 (index built). Bounded: the load runs DURATION seconds (default 30).
#
#   scripts/bench-serve.sh                 # 1M units (builds the corpus and the memory first: a few minutes)
#   UNITS=100000 DURATION=15 scripts/bench-serve.sh
#   TM=/path/memory.tmdb scripts/bench-serve.sh   # an existing memory (queries drawn from its export)
#   TM=postgres://user@127.0.0.1:5432/db?schema=tm scripts/bench-serve.sh      # a PostgreSQL memory
#   QUERIES_TMX=memory.tmx …   # draw the queries from this TMX instead of exporting the memory
#   BIN_DIR=/path/.build/release …   # use these release binaries instead of building
#
# Goals (issue 15): p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 500 lookups/s with 0 errors; ready ≤ 20 s at 1M units.
# Needs wrk (apt-get install -y wrk), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh
UNITS=${UNITS:-1000000}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-4}
QUERIES=${QUERIES:-2000}
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/tlumach-bench-serve.XXXXXX)
server=""
cleanup() {
    serve_stop
    [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BIN_DIR:-}" ]; then
    bin=$BIN_DIR  # a folder with release builds of tlumach (and tlumach-bench), e.g. another checkout's
else
    swift build -c release --product tlumach >/dev/null
    bin=$(swift build -c release --show-bin-path)
fi
if [ -z "${TM:-}" ]; then
    [ -n "${BIN_DIR:-}" ] || swift build -c release --product tlumach-bench >/dev/null
    echo "bench-serve: building a ${UNITS}-unit memory (tlumach-bench memory)…" >&2
    "$bin/tlumach-bench" memory "memory-units=$UNITS" memory-queries=10 memory-bruteforce=0 memory-keep=1 \
        >"$work/bench-memory.log"
    kept=$(sed -n 's/^memory.kept: //p' "$work/bench-memory.log")
    TM="$kept/memory.tmdb"
    tmx="$kept/memory.tmx"
    rm_kept="$kept"
elif [ -n "${QUERIES_TMX:-}" ]; then
    tmx=$QUERIES_TMX
    rm_kept=""
else
    tmx="$work/export.tmx"
    "$bin/tlumach" tm export --tm "$TM" --out "$tmx"
    rm_kept=""
fi

# Queries: stored sources with their last word dropped (near matches, as a translator's new sentence would be).
python3 - "$tmx" "$QUERIES" >"$work/queries.lua" <<'PY'
import re, sys, urllib.parse, html
tmx, wanted = sys.argv[1], int(sys.argv[2])
text = open(tmx, encoding="utf-8").read()
src = re.search(r'srclang="([^"]+)"', text).group(1)
# Attributes in any order, white space between <tuv> and <seg> (the exporter indents).
segs = re.findall(r'<tuv[^>]*xml:lang="' + re.escape(src) + r'"[^>]*>\s*<seg>(.*?)</seg>', text, re.S)
if not segs:
    sys.exit(f"bench-serve: no {src} segments found in {tmx}")
step = max(1, len(segs) // wanted)
chosen = [html.unescape(s) for s in segs[::step][:wanted]]
queries = [" ".join(q.split()[:-1]) if len(q.split()) > 4 else q for q in chosen]
print("local queries = {")
for q in queries:
    print('  "%s",' % urllib.parse.quote(q, safe=""))
print("}")
print('local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", "/v1/tm/search?q=" .. queries[(i % #queries) + 1])\nend')
PY

start=$(date +%s.%N)
serve_start "$bin/tlumach" "$work/serve.log" --tm "$TM" --log-level warning
ready=$(echo "$(date +%s.%N) - $start" | bc)
units=$(curl -s "http://127.0.0.1:$port/v1/tm/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
rss_ready=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")

wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" >"$work/wrk.log"
cpu_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
hz=$(getconf CLK_TCK)
load=$(cut -d' ' -f1-3 /proc/loadavg)

serve_stop
status=$serve_status
[ -n "$rm_kept" ] && [ -z "${KEEP:-}" ] && rm -rf "$rm_kept"

p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.log")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.log")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.log")
requests=$(awk '/requests in/ {print $1}' "$work/wrk.log")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.log")
socket=$(grep -o 'Socket errors:.*' "$work/wrk.log" || true)
cpu=$(echo "scale=1; ($cpu_after - $cpu_before) / $hz" | bc)
echo "units:            $units"
echo "ready after:      ${ready} s (start to /readyz 200; RSS then ${rss_ready} kB)"
echo "wrk:              ${DURATION} s, 1 thread, ${CONNECTIONS} connections, ${QUERIES} queries cycled"
echo "requests:         $requests (non-2xx: ${non2xx:-0}${socket:+; $socket})"
echo "lookups/s:        $rps"
echo "latency p50/p99:  $p50 / $p99"
echo "server CPU:       ${cpu} s user+sys during the load (${DURATION} s wall)"
echo "load average:     $load"
echo "exit on SIGTERM:  $status"
[ -n "${VERBOSE:-}" ] && cat "$work/wrk.log"
exit 0
