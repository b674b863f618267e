#!/usr/bin/env bash
# What `make run` starts: the whole system on this machine.
#   - PostgreSQL: a private cluster in run/pgdata on 127.0.0.1:${ROBSON_PG_PORT:-55432}, unless
#     DATABASE_URL points at an existing database; migrations applied;
#   - the exchange simulator (the default exchange; LIVE orders go there) on :8765;
#   - the broker, the sweeper (also the pattern scanner's scheduler), WORKERS (default 1)
#     workers of each pool (plan, validate, execute, scan) and the API (+ web UI when built)
#     on :8080;
#   - a demo tenant and login (demo / robson-demo), printed at the end;
#   - with MONITORING=1, Prometheus on :9096 scraping every /metrics (ops/monitoring/).
# Running it twice is harmless: what runs already is kept. `make stop` stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=build/release
run_dir=run
mkdir -p "$run_dir"

sim_port=${ROBSON_SIM_PORT:-8765}
api_port=${ROBSON_API_PORT:-8080}
broker_port=${ROBSON_BROKER_PORT:-5555}
pg_port=${ROBSON_PG_PORT:-55432}
workers=${WORKERS:-1}
demo_user=${ROBSON_DEMO_USER:-demo}
demo_password=${ROBSON_DEMO_PASSWORD:-robson-demo}
[[ $workers =~ ^[1-9][0-9]?$ ]] || { echo "WORKERS must be a number from 1 to 99" >&2; exit 2; }

running() {  # running <name>: its pid file names a live process
    [[ -f "$run_dir/$1.pid" ]] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null
}

start() {  # start <name> <command...>: in the background, logs in run/<name>.log
    local name=$1
    shift
    if running "$name"; then
        return
    fi
    "$@" >>"$run_dir/$name.log" 2>&1 &
    echo $! >"$run_dir/$name.pid"
}

wait_for() {  # wait_for <what> <command...>: up to 15 s
    local what=$1
    shift
    for _ in $(seq 1 150); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "run: $what did not come up; see $run_dir/*.log" >&2
    exit 1
}

# 1. PostgreSQL, the truth.
if [[ -z ${DATABASE_URL:-} ]]; then
    ops/local/postgres.sh start "$run_dir/pgdata" "$pg_port"
    DATABASE_URL=$(ops/local/postgres.sh url "$pg_port")
fi
export DATABASE_URL
ops/db/migrate.sh "$DATABASE_URL"

# 2. The exchange (simulator) and the broker.
sim_url="http://127.0.0.1:$sim_port"
# /metrics of the simulator and the API sit just below the broker's: base-2 and base-1.
metrics_base=${ROBSON_METRICS_BASE:-9099}
start sim "$bin/sim/robson-exchange-sim" --port "$sim_port" \
    --metrics "127.0.0.1:$((metrics_base - 2))"
wait_for "the simulator" curl -fsS "$sim_url/api/v3/ping"
broker="tcp://127.0.0.1:$broker_port"
# /metrics ports: broker 9099, sweeper 9100, workers from 9101 (ROBSON_METRICS_BASE moves them).
metrics_base=${ROBSON_METRICS_BASE:-9099}
start broker "$bin/broker/robson-broker" --bind "$broker" --metrics "127.0.0.1:$metrics_base"

# 3. The sweeper and the worker pools.
export ROBSON_EXCHANGE_URL=${ROBSON_EXCHANGE_URL:-$sim_url}
start sweeper "$bin/workers/robson-sweeper" --broker "$broker" --database "$DATABASE_URL" \
    --metrics "127.0.0.1:$((metrics_base + 1))"
metrics_port=$((metrics_base + 2))
# The execute stage keeps MAX_NUM_ORDERS room for every execution that may run at once
# (robson-worker --concurrent-executions, default 4): a larger pool says its size.
pool_args=()
if ((workers > 4)); then
    pool_args=(--concurrent-executions "$workers")
fi
for service in plan validate execute scan; do
    for i in $(seq 1 "$workers"); do
        start "worker-$service-$i" "$bin/workers/robson-worker" --service "$service" \
            --broker "$broker" --database "$DATABASE_URL" --metrics "127.0.0.1:$metrics_port" \
            "${pool_args[@]}"
        metrics_port=$((metrics_port + 1))
    done
done

# 4. The API (serving the web UI when it has been built) and the demo login.
"$bin/api/robson-api" add-user --database "$DATABASE_URL" --tenant demo \
    --username "$demo_user" --password "$demo_password" >/dev/null
api_args=(--port "$api_port" --database "$DATABASE_URL" --broker "$broker"
          --exchange "$ROBSON_EXCHANGE_URL" --jwt-secret-file "$root/$run_dir/jwt.secret"
          --openapi "$root/api/openapi.yaml")
[[ -f web/dist/index.html ]] && api_args+=(--web-root "$root/web/dist")
api_args+=(--metrics "127.0.0.1:$((metrics_base - 1))")
start api "$bin/api/robson-api" "${api_args[@]}"
api_url="http://127.0.0.1:$api_port"
wait_for "the API" curl -fsS "$api_url/healthz"

# 5. MONITORING=1: Prometheus (Debian's package) scraping every /metrics, with the alert rules.
prometheus_port=${ROBSON_PROMETHEUS_PORT:-9096}
if [[ ${MONITORING:-0} == 1 ]]; then
    command -v prometheus >/dev/null ||
        { echo "run: MONITORING=1 needs prometheus (ops/bootstrap.sh installs it)" >&2; exit 1; }
    ROBSON_METRICS_BASE=$metrics_base WORKERS=$workers \
        ops/monitoring/prometheus-config.sh --out "$run_dir/prometheus.yml"
    start prometheus prometheus --config.file="$root/$run_dir/prometheus.yml" \
        --storage.tsdb.path="$root/$run_dir/prometheus-data" \
        --web.listen-address="127.0.0.1:$prometheus_port"
    wait_for "Prometheus" curl -fsS "http://127.0.0.1:$prometheus_port/-/ready"
fi

cat <<EOT

== Robson is running
   API + UI    $api_url            (API docs: $api_url/api/docs/)
   login       $demo_user / $demo_password
   exchange    $ROBSON_EXCHANGE_URL   (the simulator: LIVE orders go there, never to Binance)
   database    $DATABASE_URL
   workers     $workers per pool (plan, validate, execute, scan); logs in $run_dir/
   metrics     http://127.0.0.1:$metrics_base/metrics (broker), :$((metrics_base + 1)) (sweeper), :$((metrics_base + 2))… (workers)
               :$((metrics_base - 2)) (simulator), :$((metrics_base - 1)) (API)
   prometheus  $([[ ${MONITORING:-0} == 1 ]] && echo "http://127.0.0.1:$prometheus_port" || echo "not started (MONITORING=1 make run starts it)")

Try:
   $bin/cli/robson login --server $api_url --username $demo_user --password $demo_password
   $bin/cli/robson plan buy BTCUSDT --strategy "All In" --capital 100
   $bin/cli/robson execute <intent-id>            # DRY-RUN; --live --acknowledge-risk for LIVE

Stop everything with: make stop
EOT
