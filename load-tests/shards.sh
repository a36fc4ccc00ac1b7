#!/usr/bin/env bash
# Holds a second with one and with two seat shards on this machine, side by side (docs/seat-shards.md):
#   load-tests/shards.sh [extra -D options for SeatShardsSimulation, e.g. -Dseconds=60 -Dconcurrency=64]
# Builds the application once, then runs ROUNDS (3) alternating rounds of each configuration (one shard, two shards,
# one, two...): each on a fresh application from the extracted jar, as load-tests/run.sh starts it (embedded
# PostgreSQL and Redis, fresh data; fans' tokens minted with the run's issuer key, the administrator's password, no
# rate limits, holds of an hour), with --boxoffice.embedded.seat-shards=1 or =2 (a second embedded PostgreSQL,
# shard-1). SeatShardsSimulation keeps fans in flight on an event of 16 sections, warms up, then measures a window
# between two readings of each shard's PostgreSQL (xact_commit, CPU of its processes) and of the application's CPU.
# About 15 minutes. Figures: load-tests/target/seat-shards/report.md (and a JSON file a round), the application's
# logs beside them, Gatling's HTML reports in load-tests/target/gatling/. JAVA=<java> picks the JVM of the
# application (default: the machine's java).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8088}
ROUNDS=${ROUNDS:-3}
JAVA=${JAVA:-java}
TARGET_DIR=load-tests/target
OUT=$TARGET_DIR/seat-shards
DATA=$TARGET_DIR/seat-shards-data
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Port $PORT is in use: stop what runs there or choose another with PORT=..." >&2
    exit 1
fi
./mvnw -q -DskipTests install
rm -rf "$OUT" && mkdir -p "$OUT"
VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
# the same run-time settings as load-tests/run.sh: a known sign-in key, so that the fans get minted tokens; the first
# administrator's password, for the organizer; the extracted jar (spring-boot#51463)
ISSUER_SECRET=$(head -c 24 /dev/urandom | base64)
ADMIN_PASSWORD=load-test-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rm -rf "$TARGET_DIR/boxoffice"
"$JAVA" -Djarmode=tools -jar app/target/boxoffice.jar extract --destination "$TARGET_DIR/boxoffice" > /dev/null

APP=
stop_app() {
    if [ -n "$APP" ]; then
        kill "$APP" 2>/dev/null || true
        wait "$APP" 2>/dev/null || true
        APP=
    fi
}
trap stop_app EXIT

round() { # round number, seat shards, extra -D options...
    local number=$1 shards=$2 log
    shift 2
    log=$OUT/app-round-$number-$shards-shards.log
    echo "=== Round $number: $shards seat shard(s) (log: $log) ==="
    rm -rf "$DATA"
    "$JAVA" -Xmx3g -cp "$TARGET_DIR/boxoffice/boxoffice.jar" io.boxoffice.app.BoxofficeApplication \
        --server.port="$PORT" --boxoffice.embedded.data-dir="$DATA" --boxoffice.embedded.seat-shards="$shards" \
        --boxoffice.demo-data.enabled=false --boxoffice.hold-duration=PT1H \
        --boxoffice.auth.issuer.secret="$ISSUER_SECRET" --boxoffice.auth.admin-password="$ADMIN_PASSWORD" \
        --boxoffice.rate-limit.enabled=false \
        --logging.level.root=WARN --logging.level.io.boxoffice.app.runtime=INFO > "$log" 2>&1 &
    APP=$!
    for _ in $(seq 1 180); do
        grep -aq "Boxoffice is ready" "$log" && break
        kill -0 "$APP" 2>/dev/null || { echo "Boxoffice did not start:"; tail -40 "$log"; exit 1; }
        sleep 1
    done
    grep -a "Boxoffice is ready" "$log" || { echo "Boxoffice was not ready in 3 minutes"; tail -40 "$log"; exit 1; }
    # each shard's data directory, in the application's order: "postgres" is the primary, "postgres-shard-N" shard-N
    local seat_shards
    seat_shards=$(grep -ao "PostgreSQL started on port [0-9]* with its data in .*" "$log" | sed 's/.* with its data in //' \
        | while read -r dir; do
            case "$(basename "$dir")" in
                postgres) echo "0 primary=$dir" ;;
                postgres-shard-*) echo "${dir##*-} shard-${dir##*-}=$dir" ;;
            esac
        done | sort -n | cut -d' ' -f2- | paste -sd, -)
    echo "Seat shards: $seat_shards"
    ./mvnw -q -pl load-tests gatling:test -Dgatling.simulationClass=io.boxoffice.loadtest.SeatShardsSimulation \
        -DbaseUrl="http://localhost:$PORT" -DissuerSecret="$ISSUER_SECRET" -DadminPassword="$ADMIN_PASSWORD" \
        -DappPid="$APP" -DappJava="$VERSION" -DseatShards="$seat_shards" -Dround="$number" \
        -Dboxoffice.report-dir="$(pwd)/$OUT" "$@" \
        || echo "- round $number with $shards shard(s) failed: see its Gatling output above and $log" >> "$OUT/failures.md"
    stop_app
}

for number in $(seq 1 "$ROUNDS"); do
    round "$number" 1 "$@"
    round "$number" 2 "$@"
done
if [ -f "$OUT/failures.md" ]; then
    { echo "## Failures"; echo; cat "$OUT/failures.md"; } >> "$OUT/report.md"
fi
echo
cat "$OUT/report.md"
