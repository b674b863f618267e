#!/usr/bin/env bash
# Applies ops/db/migrations/*.sql in order, each once, in its own transaction, recording it in
# schema_migrations. Usage: migrate.sh <DATABASE_URL>. Idempotent; safe to run at every start.
set -euo pipefail
url=${1:?usage: migrate.sh <DATABASE_URL>}
dir="$(dirname "$0")/migrations"
psql_cmd=(psql "$url" -v ON_ERROR_STOP=1 -qtAX)
"${psql_cmd[@]}" -c "SET client_min_messages = warning; CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
for file in "$dir"/*.sql; do
    version=$(basename "$file" .sql)
    if [[ -z $("${psql_cmd[@]}" -c "SELECT 1 FROM schema_migrations WHERE version = '$version'") ]]; then
        { echo "BEGIN;"; cat "$file"; echo "INSERT INTO schema_migrations (version) VALUES ('$version');"; echo "COMMIT;"; } |
            "${psql_cmd[@]}" >/dev/null
        echo "migrate: applied $version"
    fi
done
