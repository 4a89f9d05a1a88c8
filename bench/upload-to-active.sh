#!/usr/bin/env bash
# Time from upload to active, through the running service with its own database: the shipped tables with one cell
# changed, and a profiles table of 2,000 threshold rows. Each round uploads a new version (validation: Drools build,
# checks, the staff-written test cases) and activates it.
#   bench/upload-to-active.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
port=18089
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="target/classes:$(cat "$work/cp.txt")"
java -jar target/chuyenhoa-*.jar --server.port=$port --spring.datasource.url="jdbc:h2:file:$work/db" \
     --chuyenhoa.warmup.evaluations=0 --chuyenhoa.ruleset.watch=false --logging.level.root=WARN > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do sleep 0.5; done

ms() { date +%s%3N; }
run() { # name extra-profiles
  local name=$1 extra=$2
  for i in $(seq 1 "$rounds"); do
    java -cp "$cp" bench/BigTable.java decision-tables/profiles.drl.xlsx "$work/$name-$i/profiles.drl.xlsx" "$extra" "$name-$i" > /dev/null
    local t0 t1 t2 version
    t0=$(ms)
    version=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/rulesets" -H 'Authorization: Bearer demo-token-soanthao' -F comment="$name $i" \
      -F files=@"$work/$name-$i/profiles.drl.xlsx" | sed -E 's/.*"version":"([0-9a-f]{64})".*/\1/')
    t1=$(ms)
    curl -sf -X POST "http://127.0.0.1:$port/api/v1/rulesets/$version/activate" -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer demo-token-pheduyet' -d "{\"comment\":\"$name $i\"}" > /dev/null
    t2=$(ms)
    echo "$name round $i: upload+validate $((t1 - t0)) ms, activate $((t2 - t1)) ms, upload to active $((t2 - t0)) ms"
  done
}
run shipped-one-cell 0
run rows-2000 200
