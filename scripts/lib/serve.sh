# Shared by the scripts that run `tlumach serve` (source it): start the server on a free loopback port and wait until
# its index is built; stop it.

# serve_start BIN LOG [SERVE ARGS…]: sets $server (its pid) and $port; returns once /readyz answers 200, or fails
# (printing the server's log) when the server does not start or exits.
serve_start() {
    local bin=$1 log=$2
    shift 2
    "$bin" serve --port 0 "$@" 2>"$log" &
    server=$!
    port=""
    for _ in $(seq 1 600); do
        port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$log" | head -1)
        [ -n "$port" ] && break
        kill -0 "$server" 2>/dev/null || break
        sleep 0.05
    done
    if [ -z "$port" ]; then
        cat "$log" >&2
        echo "the server did not start" >&2
        return 1
    fi
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
        kill -0 "$server" 2>/dev/null || { cat "$log" >&2; return 1; }
        sleep 0.05
    done
}

# serve_stop: SIGTERM to the server when it runs; sets $serve_status to its exit status.
serve_stop() {
    serve_status=""
    if [ -n "${server:-}" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        set +e
        wait "$server"
        serve_status=$?
        set -e
    fi
    server=""
}
