#!/usr/bin/env bash
# Benchmarks of the chuyenhoa decision service (results and how to read them: docs/benchmarks.md).
#
#   bench/run.sh check           hand-coded yardstick = Drools path, on fixed and random inputs
#   bench/run.sh jmh [REGEX] [JMH args]
#                                in process: Drools path vs hand-coded (after check); REGEX defaults to
#                                EvaluationBench (VariantsBench: possible changes to Evaluator); e.g. -prof gc
#   bench/run.sh cpu [WARM MEASURE [NAMES]]
#                                the same in CPU time of the benchmark thread, one JVM per benchmark (CpuBench):
#                                robust when other work shares the 2 cores; WARM/MEASURE in CPU seconds (8, 6)
#   bench/run.sh http [args]     the service in its own JVM (profile bench, its own H2 file under /tmp) driven
#                                over 127.0.0.1 by LoadDriver in another JVM: start-up to the first 201, then
#                                stored POST, dry-run POST and the hand-coded endpoint, rounds of each;
#                                args go to LoadDriver, e.g. --settle 40 --connections 16 --duration 20 --rounds 3
#                                BENCH_DB=postgres: the same on PostgreSQL (profile bench,postgres, a new database
#                                on the server of CHUYENHOA_TEST_POSTGRES_URL), e.g. with a throw-away cluster:
#                                BENCH_DB=postgres CHUYENHOA_PG_OPTIONS= .ci/run bench/run.sh http
#                                (CHUYENHOA_PG_OPTIONS= : PostgreSQL's durable defaults, not the tests' fsync=off)
#   bench/run.sh big [ROWS]      a hostile upload: the profiles workbook with ROWS (200000) threshold rows, checked as
#                                an upload with the default limits: time, heap growth, report size (BigUpload)
#   bench/run.sh batch [ROUNDS [args]]
#                                the service as for http, then the whole country in one call: the 10,047 communes of
#                                the 2024 list as one POST /api/v1/evaluation-batches, stored and as a dry run,
#                                ROUNDS times (3) after one untimed dry run (CountryBatch); args go to CountryBatch,
#                                e.g. --settle 3 (untimed rounds first)
#   bench/run.sh store [COUNT]   the evaluation store alone (StoreGrowth): COUNT (5000) documents rendered from the
#                                benchmark requests, stored by 8 threads into a fresh database; growth of the store's
#                                files and CPU per stored evaluation. BENCH_H2_OPTIONS=";WRITE_DELAY=500;…": other H2 URL
#                                options in place of the shipped ones. BENCH_DB=postgres: on CHUYENHOA_TEST_POSTGRES_URL's
#                                server (a new database), e.g. BENCH_DB=postgres CHUYENHOA_PG_OPTIONS= .ci/run bench/run.sh store
#   bench/run.sh all             check, cpu, jmh, http
#
# Environment: BENCH_PORT (default 18089), APP_JAVA_OPTS (JVM options of the service), APP_ARGS (more Spring
# arguments of the service, e.g. --server.tomcat.threads.max=16), DRIVER_JAVA_OPTS,
# BENCH_QUIET_LOAD / BENCH_QUIET_WAIT (wait up to WAIT s for the load average to fall below LOAD; default 1.0, 600),
# BENCH_RESTART=1 (http, batch: start the service once on the new database and stop it, then measure the second start,
# as a restart or another instance joining meets it: schema and version in force already stored).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
MVN=(mvn -B -q -Dstyle.color=never)
PORT=${BENCH_PORT:-18089}

machine() {
  echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  $(free -h | awk '/^Mem:/ {print $2}') RAM  load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -2 | tr '\n' ' '; echo
  echo "== git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- bench src rules decision-tables || echo ' (uncommitted changes)')"
}

# The machine has 2 cores and is shared: wait (bounded) until the 1-minute load average is below BENCH_QUIET_LOAD
# before measuring, and say what it was. BENCH_QUIET_WAIT=0 measures at once.
wait_quiet() {
  local limit=${BENCH_QUIET_LOAD:-1.0} wait=${BENCH_QUIET_WAIT:-600} waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$limit" 'BEGIN {exit !(l >= m)}' && [ "$waited" -lt "$wait" ]; do
    sleep 10
    waited=$((waited + 10))
  done
  echo "== load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) (waited ${waited} s for < $limit)"
}

build() {
  # (maven's console library still prints colour resets under -q; drop them)
  "${MVN[@]}" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

  CP="target/classes:$(cat target/classpath.txt)"
}

check() {
  java -cp "$CP" -Dbench.root="$ROOT" vn.chuyenhoa.bench.Check
}

jmh() {
  mkdir -p target/results
  local out=target/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json
  wait_quiet
  local which=EvaluationBench
  if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then which=$1; shift; fi
  java -cp "$CP" -Dbench.root="$ROOT" org.openjdk.jmh.Main "$which" -rf json -rff "$out" "$@"
  echo "== JMH results: bench/$out"
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The same benchmarks timed in CPU time of the benchmark thread (CpuBench), one JVM each: comparable between a quiet
# and a busy machine, which wall-clock JMH numbers are not. Args: [warm-up CPU s] [measured CPU s] [names...]
cpu() {
  local warm=${1:-8} measure=${2:-6}
  shift 2 || shift $#
  local names=("$@")
  if [ ${#names[@]} -eq 0 ]; then
    names=(drools_decide drools_render drools_full drools_emptyStateless hand_decide hand_full
      service_dryRun_drools service_dryRun_hand
      variant_identityOrder variant_pooledSession variant_pooledAndIdentity variant_full_pooledAndIdentity)
  fi
  wait_quiet
  echo "| benchmark | CPU µs/call, median of batches | p10 – p90 | wall µs/call, median | bytes allocated/call | calls |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for n in "${names[@]}"; do
    java -cp "$CP" -Dbench.root="$ROOT" vn.chuyenhoa.bench.CpuBench "$n" "$warm" "$measure" | grep '^|'
  done
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# One JVM with a 1 GB heap, as small as a service instance might have; the table is written by SXSSF in the same JVM
# before the measurement starts.
big() {
  wait_quiet
  echo "| workbook | file | result | wall time | heap peak growth | problems | report |"
  echo "| --- | ---: | --- | ---: | ---: | --- | ---: |"
  java -Xmx1g -cp "$CP" -Dbench.root="$ROOT" vn.chuyenhoa.bench.BigUpload "$@"
}

# Starts the service in its own JVM (profile bench, its own H2 file under a temp dir, removed on exit); sets APP, DATA
# and LAUNCHED. No sample programme (chuyenhoa.demo=): its 44 evaluations would break the check that every 201 is a
# stored row.
start_service() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is taken; set BENCH_PORT" >&2
    exit 1
  fi
  DATA=$(mktemp -d /tmp/chuyenhoa-bench.XXXXXX)
  wait_quiet
  LAUNCHED=$(date +%s%3N)
  local database=(--spring.profiles.active=bench --spring.datasource.url="jdbc:h2:file:$DATA/bench;DB_CLOSE_ON_EXIT=FALSE${DB_OPTS:-}")
  if [ "${BENCH_DB:-h2}" = "postgres" ]; then
    local server=${CHUYENHOA_TEST_POSTGRES_URL:?BENCH_DB=postgres needs CHUYENHOA_TEST_POSTGRES_URL (run under .ci/run)}
    local name
    name="bench_$(date -u +%Y%m%d%H%M%S)"
    [[ $server =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([^?]+)\?user=(.+)$ ]] || { echo "cannot read $server" >&2; exit 1; }
    psql -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U "${BASH_REMATCH[4]}" -d "${BASH_REMATCH[3]}" \
      -c "CREATE DATABASE $name" -c "SHOW synchronous_commit" -c "SHOW fsync"
    # the postgres profile creates no account unless asked: the benchmark's caller is the demo system
    database=(--spring.profiles.active=bench,postgres --spring.datasource.url="jdbc:postgresql://${BASH_REMATCH[1]}:${BASH_REMATCH[2]}/$name?user=${BASH_REMATCH[4]}"
      --chuyenhoa.access.seed=classpath:access/demo-accounts.csv)
    echo "== store: PostgreSQL, database $name at ${BASH_REMATCH[1]}:${BASH_REMATCH[2]}"
    # the store's files: the database's tables, indexes and TOAST as PostgreSQL counts them (WAL aside)
    STORE_BYTES="psql -Atq -h ${BASH_REMATCH[1]} -p ${BASH_REMATCH[2]} -U ${BASH_REMATCH[4]} -d $name -c 'SELECT pg_database_size(current_database())'"
  else
    echo "== store: H2 file under $DATA"
    STORE_BYTES="stat -c %s '$DATA/bench.mv.db'"
  fi
  if [ -n "${BENCH_RESTART:-}" ]; then
    # a restart, or another instance joining: the database already holds the schema and the version in force
    launch_service "$DATA/first-start.log"
    local waited=0
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
      sleep 1; waited=$((waited + 1))
      [ "$waited" -lt 600 ] || { echo "the first start never became ready" >&2; tail -n 40 "$DATA/first-start.log"; exit 1; }
    done
    kill "$APP"; wait "$APP" 2>/dev/null || true
    echo "== BENCH_RESTART: started once on this database and stopped it; the start measured is the second"
    wait_quiet
    LAUNCHED=$(date +%s%3N)
  fi
  launch_service "$DATA/service.log"
  # shellcheck disable=SC2064
  trap "kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf '$DATA'" EXIT
}

# The service on $DATA's database, its output to $1; sets APP. No sample programme (chuyenhoa.demo=): its 44
# evaluations would break the check that every 201 is a stored row.
launch_service() {
  # shellcheck disable=SC2086
  java ${APP_JAVA_OPTS:-} -cp "$CP" vn.chuyenhoa.ChuyenhoaApplication \
    "${database[@]}" \
    --server.port="$PORT" \
    --chuyenhoa.ruleset.root="$ROOT" \
    --chuyenhoa.demo= \
    ${APP_ARGS:-} \
    >"$1" 2>&1 &
  APP=$!
}

# What the service said about itself, the size of its database, and its log when the driver failed (exit code $1).
stop_report() {
  local rc=$1
  grep -E "Started ChuyenhoaApplication|Warm-up:" "$DATA/service.log" | sed 's/^.*\] //' || true
  echo "== benchmark database: $(du -sh "$DATA" | cut -f1) under $DATA (removed)"
  mkdir -p target/results
  local kept
  kept=target/results/service-$(date -u +%Y%m%dT%H%M%SZ).log
  cp "$DATA/service.log" "$kept" && echo "== service log kept as bench/$kept"
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$rc" -ne 0 ]; then
    echo "== service log tail:"; tail -n 40 "$DATA/service.log"
    exit "$rc"
  fi
}

http() {
  # the database options of application.properties: a 201 is on disk (WRITE_DELAY=0), as in production
  DB_OPTS=";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768;PAGE_SIZE=4096"
  start_service
  local rc=0
  # shellcheck disable=SC2086
  java ${DRIVER_JAVA_OPTS:-} -cp "$CP" vn.chuyenhoa.bench.LoadDriver --port "$PORT" --startup-since-ms "$LAUNCHED" --service-pid "$APP" \
    --store-bytes "$STORE_BYTES" "$@" || rc=$?
  stop_report "$rc"
}

# The whole country in one call: 10,047 communes as one batch, stored, then as a dry run, ROUNDS times (default 3).
batch() {
  # the database options of application.properties: a 201 is on disk, and documents are kept inside their rows
  DB_OPTS=";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768;PAGE_SIZE=4096"
  start_service
  local rc=0
  # shellcheck disable=SC2086
  java ${DRIVER_JAVA_OPTS:-} -cp "$CP" vn.chuyenhoa.bench.CountryBatch --port "$PORT" --root "$ROOT" --rounds "${1:-3}" "${@:2}" --service-pid "$APP" || rc=$?
  stop_report "$rc"
}

store() {
  wait_quiet
  if [ "${BENCH_DB:-h2}" = "postgres" ]; then
    local server=${CHUYENHOA_TEST_POSTGRES_URL:?BENCH_DB=postgres needs CHUYENHOA_TEST_POSTGRES_URL (run under .ci/run)}
    local name
    name="growth_$(date -u +%Y%m%d%H%M%S)"
    [[ $server =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([^?]+)\?user=(.+)$ ]] || { echo "cannot read $server" >&2; exit 1; }
    psql -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U "${BASH_REMATCH[4]}" -d "${BASH_REMATCH[3]}" \
      -c "CREATE DATABASE $name" -c "SHOW synchronous_commit" -c "SHOW fsync"
    java -cp "$CP" -Dbench.root="$ROOT" vn.chuyenhoa.bench.StoreGrowth postgres \
      "jdbc:postgresql://${BASH_REMATCH[1]}:${BASH_REMATCH[2]}/$name?user=${BASH_REMATCH[4]}" "${1:-5000}"
  else
    local dir
    dir=$(mktemp -d /tmp/chuyenhoa-growth.XXXXXX)
    java ${BENCH_H2_OPTIONS:+"-Dbench.h2.options=$BENCH_H2_OPTIONS"} -cp "$CP" -Dbench.root="$ROOT" vn.chuyenhoa.bench.StoreGrowth h2 "$dir" "${1:-5000}" || { rm -rf "$dir"; exit 1; }
    rm -rf "$dir"
  fi
}

cmd=${1:-all}
shift || true
machine
build
case "$cmd" in
  check) check ;;
  jmh) check; jmh "$@" ;;
  cpu) check; cpu "$@" ;;
  http) http "$@" ;;
  big) big "$@" ;;
  batch) batch "$@" ;;
  store) store "$@" ;;
  all) check; cpu; jmh; http ;;
  *) echo "usage: bench/run.sh check|jmh|cpu|http|big|batch|store|all [args]" >&2; exit 2 ;;
esac
