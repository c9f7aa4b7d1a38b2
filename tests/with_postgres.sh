#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster on a loopback port,
# stopped and removed afterwards whatever the command's outcome.
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$work"

stop() {
  as_postgres "$pgbin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

as_postgres "$pgbin/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/data" -w -l "$work/server.log" start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c full_page_writes=off" >/dev/null
for name in planner_test planner_e2e; do
  as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
done

export PLANNER_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/planner_test"
export PLANNER_TEST_E2E_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/planner_e2e"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
