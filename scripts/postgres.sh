#!/usr/bin/env bash
# The machine's PostgreSQL for the tests (and for trying a bureau's shared library on one desk):
# starts Debian's cluster when it is not running (a container has no init to start it), makes the
# role and database `yusuan_test` when missing, and prints the URL that opens it:
#   yusuan --db "$(scripts/postgres.sh)" list
# Needs the `postgresql` package (scripts/install-deps.sh installs it). Idempotent.
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
if [ -z "$version" ]; then
  echo "postgres.sh: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
line=$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print; exit }')
if [ -z "$line" ]; then
  pg_createcluster "$version" main >/dev/null
  line=$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print; exit }')
fi
cluster=$(awk '{ print $2 }' <<<"$line")
port=$(awk '{ print $3 }' <<<"$line")
if [ "$(awk '{ print $4 }' <<<"$line")" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi

psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'yusuan_test'")" != "1" ]; then
  psql_admin "CREATE ROLE yusuan_test LOGIN PASSWORD 'yusuan_test' CREATEDB CREATEROLE" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'yusuan_test'")" != "1" ]; then
  as_postgres createdb -p "$port" -O yusuan_test yusuan_test >&2
fi
echo "postgres://yusuan_test:yusuan_test@localhost:$port/yusuan_test"
