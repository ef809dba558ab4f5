#!/usr/bin/env bash
# Issue 15's "a write by one instance is searchable by another within a second", timed: two `tlumach serve`
# instances on one memory (TM: an SQLite file, which this script COPIES first and writes only in the copy, or a
# postgres:// URL, written into). ROUNDS times: a new unit is POSTed through instance A, then instance B is searched
# every 10 ms until it finds the unit; then the unit is DELETEd through A and B searched until it no longer does.
# Prints each write's time (request sent to B's first answer reflecting it), median and maximum, split into A's
# answer and B following after it, B's CPU while following, and the load average. (A deleted unit's text is gone at
# once, so B stops returning it before its index drops it: the deletion figure is the store's, not the index's.)
#
#   TM=/tmp/serve-bench/memory.tmdb scripts/bench-serve-follow.sh
#   TM='postgres://user@127.0.0.1:5432/db?schema=bench' ROUNDS=20 scripts/bench-serve-follow.sh
#   BIN_DIR=/path/.build/release …   # use these release binaries instead of building
#
# Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh
ROUNDS=${ROUNDS:-10}
[ -n "${TM:-}" ] || { echo "bench-serve-follow: set TM (an SQLite memory or a postgres:// URL)" >&2; exit 2; }
work=$(mktemp -d /tmp/tlumach-bench-follow.XXXXXX)
first="" second=""
cleanup() {
    for pid in $first $second; do server=$pid; serve_stop; done
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BIN_DIR:-}" ]; then
    bin=$BIN_DIR
else
    swift build -c release --product tlumach >/dev/null
    bin=$(swift build -c release --show-bin-path)
fi
memory=$TM
if [[ "$TM" != postgres://* && "$TM" != postgresql://* ]]; then
    memory="$work/memory.tmdb"
    cp "$TM" "$memory"
fi

serve_start "$bin/tlumach" "$work/a.log" --tm "$memory" --log-level warning
first=$server a=$port
start=$(date +%s.%N)
serve_start "$bin/tlumach" "$work/b.log" --tm "$memory" --log-level warning
second=$server b=$port
echo "instance B ready after $(echo "$(date +%s.%N) - $start" | bc) s"
hz=$(getconf CLK_TCK)
cpu_before=$(awk '{print $14 + $15}' "/proc/$second/stat")

python3 - "$a" "$b" "$ROUNDS" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse
a, b, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
ca, cb = http.client.HTTPConnection("127.0.0.1", a), http.client.HTTPConnection("127.0.0.1", b)

def call(connection, method, path, body=None):
    connection.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
    response = connection.getresponse()
    return response.status, response.read().decode()

def matches(query):
    status, text = call(cb, "GET", "/v1/tm/search?min=90&q=" + urllib.parse.quote(query))
    assert status == 200, text
    return json.loads(text)["matches"]

def wait(condition, limit=30.0):
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > limit:
            sys.exit("bench-serve-follow: B did not follow within %.0f s" % limit)
        time.sleep(0.01)

adds, deletes, answered_adds, answered_deletes = [], [], [], []
for round in range(rounds):
    source = "Follow probe %d quartz harbour %d lantern meadow %d." % (round, time.time_ns() % 100000, round * 7)
    body = json.dumps({"units": [{"source": source, "target": "Проба %d." % round}]})
    sent = time.monotonic()
    status, text = call(ca, "POST", "/v1/tm/units", body)
    assert status == 201, text
    answered_adds.append(time.monotonic() - sent)
    wait(lambda: any(m["source"] == source for m in matches(source)))
    adds.append(time.monotonic() - sent)
    unit = next(m["id"] for m in matches(source) if m["source"] == source)
    sent = time.monotonic()
    status, text = call(ca, "DELETE", "/v1/tm/units/%d" % unit)
    assert status == 200, text
    answered_deletes.append(time.monotonic() - sent)
    wait(lambda: not any(m["source"] == source for m in matches(source)))
    deletes.append(time.monotonic() - sent)
    time.sleep(0.3)
for name, values, answered in (("add", adds, answered_adds), ("delete", deletes, answered_deletes)):
    after = [v - a for v, a in zip(values, answered)]
    print("%-7s request to A -> B follows: median %.3f s, max %.3f s over %d (%s)" % (
        name, statistics.median(values), max(values), len(values), " ".join("%.3f" % v for v in values)))
    print("%-7s   of which A answering: median %.3f s; A's answer -> B follows: median %.3f s, max %.3f s" % (
        "", statistics.median(answered), statistics.median(after), max(after)))
PY
cpu_after=$(awk '{print $14 + $15}' "/proc/$second/stat")
echo "instance B CPU while following: $(echo "scale=2; ($cpu_after - $cpu_before) / $hz" | bc) s user+sys"
echo "units: $(curl -s "http://127.0.0.1:$b/v1/tm/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
