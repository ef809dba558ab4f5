#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb into a temporary folder (as an unprivileged user when
# run as root, since the server refuses to run as root), a Unix socket in that folder, a free TCP port on 127.0.0.1,
# trust authentication for local connections. Exports TLUMACH_TEST_POSTGRES_URL (and PGHOST/PGPORT/PGUSER) for the
# command, then stops the server and removes the folder however the command ends.
#   scripts/with-postgres.sh swift test --filter TlumachMemoryPostgresTests
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS…]" >&2
  exit 2
fi

bin=""
for candidate in "${PG_BINDIR:-}" /usr/lib/postgresql/*/bin; do
  if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then bin="$candidate"; fi
done
if [[ -z "$bin" ]] && command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; fi
if [[ -z "$bin" ]]; then
  echo "with-postgres: no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql" >&2
  exit 2
fi

# The server's user: ourselves, or (as root) an unprivileged one made for it.
as_user=()
owner="$(id -un)"
if [[ "$(id -u)" == 0 ]]; then
  owner="${TLUMACH_PG_USER:-tlumach-ci}"
  if ! id "$owner" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  as_user=(runuser -u "$owner" --)
fi

folder="$(mktemp -d "${TMPDIR:-/tmp}/tlumach-pg.XXXXXX")"
chmod 755 "$folder"
mkdir "$folder/data" "$folder/socket"
if [[ "$(id -u)" == 0 ]]; then chown -R "$owner" "$folder"; fi

cleanup() {
  local status=$?
  "${as_user[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Tests need no durability (the cluster is thrown away); benchmarks set TLUMACH_PG_OPTIONS="" to measure a durable one.
server_options="${TLUMACH_PG_OPTIONS--c fsync=off -c synchronous_commit=off -c full_page_writes=off}"

# A free port: bind port 0 and read what the kernel gave.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

"${as_user[@]}" "$bin/initdb" -D "$folder/data" -U "$owner" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 2; }
# One role must give a password over TCP (the tests check that a wrong one is refused); everyone else is trusted.
"${as_user[@]}" sed -i '1i host all tlumach_password 127.0.0.1/32 scram-sha-256' "$folder/data/pg_hba.conf"
"${as_user[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder/socket -c max_connections=50 $server_options" \
  start >/dev/null || { cat "$folder/server.log" >&2; exit 2; }

export PGHOST=127.0.0.1 PGPORT="$port" PGUSER="$owner" PGDATABASE=postgres
export TLUMACH_TEST_POSTGRES_URL="postgres://$owner@127.0.0.1:$port/postgres"
export TLUMACH_TEST_POSTGRES_SOCKET="$folder/socket"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($folder)" >&2
"$@"
