#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for Robson under a run directory, on 127.0.0.1.
#   postgres.sh start <dir> <port>   initdb if needed, start, create role/db "robson"; idempotent
#   postgres.sh stop <dir>
#   postgres.sh url <port>           prints the DATABASE_URL
# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$pg_bin/initdb" ]] || { echo "postgres.sh: PostgreSQL server binaries not found" >&2; exit 1; }

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

command=${1:-}
case "$command" in
start)
    dir=$(realpath -m "$2")
    port=$3
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
        as_owner "$pg_bin/initdb" -D "$dir" -A trust -U postgres --no-sync -E UTF8 >/dev/null
    fi
    if ! as_owner "$pg_bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        as_owner "$pg_bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >/dev/null
    fi
    psql_admin=(as_owner psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAX)
    if [[ -z $("${psql_admin[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'robson'") ]]; then
        "${psql_admin[@]}" -c "CREATE ROLE robson LOGIN"
    fi
    if [[ -z $("${psql_admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'robson'") ]]; then
        "${psql_admin[@]}" -c "CREATE DATABASE robson OWNER robson"
    fi
    ;;
stop)
    dir=$(realpath -m "$2")
    if [[ -f "$dir/PG_VERSION" ]]; then
        as_owner "$pg_bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
url)
    echo "postgresql://robson@127.0.0.1:$2/robson"
    ;;
*)
    echo "usage: postgres.sh start <dir> <port> | stop <dir> | url <port>" >&2
    exit 2
    ;;
esac
