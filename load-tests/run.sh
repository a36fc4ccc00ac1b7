#!/usr/bin/env bash
# One command for the flash-sale benchmark on this machine (see docs/benchmarks.md):
#   load-tests/run.sh [extra -D options for the simulations, e.g. -Dfans=6000]
# Builds the application, starts it on its embedded PostgreSQL and Redis (fresh data, naive baseline added), measures
# the raw limits of those servers for scale (redis-benchmark SET NX, pgbench single-row inserts at 32 clients, when
# the tools are installed: apt-get install redis-tools postgresql-client), then runs the Gatling simulations: the
# flash sale against Boxoffice, the same against the baseline, and the waiting room with 100,000 fans, whose two
# calls' capacity wrk then measures alone (when wrk and python3 are installed: apt-get install wrk python3). Figures
# go to load-tests/target/flash-sale/report.md, Gatling's HTML reports to load-tests/target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8088}
JAVA=${JAVA:-java}
TARGET_DIR=load-tests/target
OUT=$TARGET_DIR/flash-sale
DATA=$TARGET_DIR/data

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Port $PORT is in use: stop what runs there or choose another with PORT=..." >&2
    exit 1
fi
./mvnw -q -DskipTests install
rm -rf "$DATA" "$OUT"
mkdir -p "$OUT"
# a known sign-in key for this run, so that the simulated fans are given tokens without a sign-in (a password
# hash) each, as fans who signed in before the on-sale; and the first administrator's password, for the organizer
ISSUER_SECRET=$(head -c 24 /dev/urandom | base64)
ADMIN_PASSWORD=load-test-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

# Run from the extracted jar, as in production: on Java 21+ (virtual threads), loading classes from the nested jar
# can deadlock under load (spring-boot#51463). Holds last an hour here, so that no simulation's unpaid holds expire
# (and cost transactions) while another is measured.
rm -rf "$TARGET_DIR/boxoffice"
"$JAVA" -Djarmode=tools -jar app/target/boxoffice.jar extract --destination "$TARGET_DIR/boxoffice" > /dev/null
echo "Starting Boxoffice on port $PORT, the naive baseline beside it (log: $TARGET_DIR/app.log)"
# the extracted jar's manifest lists its libraries; the baseline's jar is added after it, for this run only
"$JAVA" -Xmx3g -cp "$TARGET_DIR/boxoffice/boxoffice.jar:$TARGET_DIR/boxoffice-baseline.jar" \
    io.boxoffice.app.BoxofficeApplication --server.port="$PORT" --boxoffice.embedded.data-dir="$DATA" \
    --boxoffice.demo-data.enabled=false --boxoffice.hold-duration=PT1H \
    --boxoffice.auth.issuer.secret="$ISSUER_SECRET" --boxoffice.auth.admin-password="$ADMIN_PASSWORD" \
    --boxoffice.rate-limit.enabled=false \
    --logging.level.root=WARN --logging.level.io.boxoffice.app.runtime=INFO > "$TARGET_DIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    grep -aq "Boxoffice is ready" "$TARGET_DIR/app.log" && break
    kill -0 $APP 2>/dev/null || { echo "Boxoffice did not start:"; tail -40 "$TARGET_DIR/app.log"; exit 1; }
    sleep 1
done
grep -a "Boxoffice is ready" "$TARGET_DIR/app.log"
PG_PORT=$(grep -ao "PostgreSQL started on port [0-9]*" "$TARGET_DIR/app.log" | grep -o "[0-9]*$")
REDIS_PORT=$(grep -ao "Redis at redis://127.0.0.1:[0-9]*" "$TARGET_DIR/app.log" | head -1 | grep -o "[0-9]*$")

redis_set_nx=null
if command -v redis-benchmark >/dev/null; then
    echo "Raw limit: redis-benchmark SET NX, 32 clients"
    redis_set_nx=$(redis-benchmark -p "$REDIS_PORT" -n 300000 -c 32 -r 100000000 -q \
        SET "bench:__rand_int__" v NX | grep -o "[0-9.]* requests per second" | grep -o "^[0-9.]*")
    redis-cli -p "$REDIS_PORT" --scan --pattern "bench:*" | xargs -r -n 1000 redis-cli -p "$REDIS_PORT" DEL >/dev/null
fi
pgbench_inserts=null
if command -v pgbench >/dev/null; then
    echo "Raw limit: pgbench single-row insert, 32 clients, 15 s"
    psql -q -h localhost -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
    psql -q -h localhost -p "$PG_PORT" -U postgres -d bench -c "CREATE TABLE hold (id BIGSERIAL PRIMARY KEY, v INT)"
    echo "INSERT INTO hold (v) VALUES (1);" > "$TARGET_DIR/insert.sql"
    pgbench_inserts=$(pgbench -h localhost -p "$PG_PORT" -U postgres -n -c 32 -j 2 -T 15 -f "$TARGET_DIR/insert.sql" \
        bench | grep -o "tps = [0-9.]*" | grep -o "[0-9.]*$")
    psql -q -h localhost -p "$PG_PORT" -U postgres -c "DROP DATABASE bench"
fi
echo "{\"redisSetNxPerSecond\": $redis_set_nx, \"pgbenchInsertsPerSecond\": $pgbench_inserts}" > "$OUT/raw-limits.json"

simulate() {
    ./mvnw -q -pl load-tests gatling:test -Dgatling.simulationClass="io.boxoffice.loadtest.$1" \
        -DbaseUrl="http://localhost:$PORT" -DissuerSecret="$ISSUER_SECRET" -DadminPassword="$ADMIN_PASSWORD" "${@:2}"
}
# a short sale on each first, so that both are measured with a warm JVM, not the first to run with a cold one
simulate FlashSaleSimulation -Dtarget=boxoffice -Dlabel=warm-up-boxoffice "$@" -Dfans=300 -DrampSeconds=5
simulate FlashSaleSimulation -Dtarget=baseline -Dlabel=warm-up-baseline "$@" -Dfans=300 -DrampSeconds=5
simulate FlashSaleSimulation -Dtarget=boxoffice "$@"
simulate FlashSaleSimulation -Dtarget=baseline "$@"
simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=saturate "$@"
simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=at80 "$@"
simulate ReservationCapacitySimulation -Dtarget=baseline -Dphase=saturate "$@"
simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=hot "$@"
simulate ReservationCapacitySimulation -Dtarget=baseline -Dphase=hot "$@"
# signed-in fans join and follow the line through Gatling at a rate this box carries; wrk adds more fans below
simulate WaitingRoomSimulation -DqueuedFans=20000 -DjoinRate=200 "$@"

# The waiting room's two calls alone, with the fans above still queued: wrk is lighter than Gatling, so more of
# the two cores go to the application. Joins are all new fans; the line is what every queued page polls.
if command -v wrk >/dev/null && command -v python3 >/dev/null; then
    ROOM=$(grep -o '"eventId" *: *"[^"]*"' "$OUT/waiting-room.json" | grep -o '[^"]*"$' | tr -d '"')
    python3 load-tests/wrk/tokens.py "$ISSUER_SECRET" 200000 wrk-fan > "$TARGET_DIR/tokens.txt"
    measure() {
        local label=$1 seconds=$2
        shift 2
        wrk -t2 -c64 -d"${seconds}s" --latency "$@" > "$OUT/wrk-$label.txt"
        local rate p50 p99 failed
        rate=$(grep -o "Requests/sec: *[0-9.]*" "$OUT/wrk-$label.txt" | grep -o "[0-9.]*$")
        p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$label.txt")
        p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$label.txt")
        failed=$(grep -o "Non-2xx or 3xx responses: [0-9]*\|timeout [0-9]*" "$OUT/wrk-$label.txt" | tr '\n' ' ' || true)
        echo "- $label (wrk, 64 connections, $seconds s): **${rate%.*} requests/s**, p50 $p50, p99 $p99 $failed" \
            | tee -a "$OUT/report.md"
    }
    echo | tee -a "$OUT/report.md"
    echo "Waiting room calls alone, measured with wrk after the simulations:" | tee -a "$OUT/report.md"
    ICON=$(curl -s "http://localhost:$PORT/" | grep -o '/assets/[^"]*favicon.svg' | head -1)
    measure "a static file (the HTTP stack's floor)" 15 "http://localhost:$PORT$ICON"
    measure "line checks" 15 "http://localhost:$PORT/api/events/$ROOM/waiting-room/line"
    measure "joins by new fans" 30 -s load-tests/wrk/join.lua "http://localhost:$PORT" -- "$TARGET_DIR/tokens.txt" "$ROOM"
fi
if command -v redis-cli >/dev/null; then
    QUEUE=$(redis-cli -p "$REDIS_PORT" --scan --pattern "waitingroom:*:queue" | while read -r key; do
        echo "$(redis-cli -p "$REDIS_PORT" ZCARD "$key") $(redis-cli -p "$REDIS_PORT" MEMORY USAGE "$key" SAMPLES 0)"
    done | sort -n | tail -1)
    echo "Largest queue in Redis at the end: ${QUEUE% *} fans in ${QUEUE#* } bytes" | tee -a "$OUT/report.md"
fi
echo
cat "$OUT/report.md"
