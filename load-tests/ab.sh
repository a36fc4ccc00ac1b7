#!/usr/bin/env bash
# A change measured against the unchanged build in one run, as docs/benchmarks.md requires of every claim:
#   load-tests/ab.sh <before.jar> <after.jar> [rounds] [-- extra arguments of the after node]
# Starts the two builds side by side on this machine, each on a fresh embedded PostgreSQL and Redis, then runs the
# uncontended reservation capacity (ReservationCapacitySimulation, phase saturate) against each in turn, `rounds`
# times (default 3), so that both meet the same noise. The arguments after `--` go to the after node only, so that
# a setting can be measured against the same jar. Prints holds/s and transactions per hold of every window.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1 AFTER=$2 ROUNDS=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
JAVA=${JAVA:-java}
DIR=load-tests/target/ab
rm -rf "$DIR" && mkdir -p "$DIR"
SECRET=$(head -c 24 /dev/urandom | base64)
ADMIN=ab-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

start() { # name jar port [args]
    local name=$1 jar=$2 port=$3
    shift 3
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$DIR/$name" > /dev/null
    "$JAVA" -Xmx2g -jar "$DIR/$name/$(basename "$jar")" --server.port="$port" \
        --boxoffice.embedded.data-dir="$DIR/$name-data" --boxoffice.demo-data.enabled=false \
        --boxoffice.hold-duration=PT1H --boxoffice.rate-limit.enabled=false \
        --boxoffice.auth.issuer.secret="$SECRET" --boxoffice.auth.admin-password="$ADMIN" \
        --logging.level.root=WARN --logging.level.io.boxoffice.app.runtime=INFO "$@" > "$DIR/$name.log" 2>&1 &
    PIDS+=($!)
}
ready() {
    for _ in $(seq 1 180); do
        grep -aq "Boxoffice is ready" "$DIR/$1.log" && return
        sleep 1
    done
    echo "$1 did not start:" && tail -30 "$DIR/$1.log" && exit 1
}
start before "$BEFORE" 8101
start after "$AFTER" 8102 "$@"
ready before
ready after

measure() { # name port
    ./mvnw -q -pl load-tests gatling:test -Dgatling.simulationClass=io.boxoffice.loadtest.ReservationCapacitySimulation \
        -DbaseUrl="http://localhost:$2" -DissuerSecret="$SECRET" -DadminPassword="$ADMIN" -Dphase=saturate \
        > "$DIR/$1-gatling.log" 2>&1
    local figures=load-tests/target/flash-sale/capacity-saturate-boxoffice.json
    printf '%-7s %s\n' "$1" "$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); print("holds/s", f["holdsPerSecond"], " transactions/hold", f["transactionsPerHold"], " p99 ms", f["latencyHeldMs"].get("p99"))' "$figures")" \
        | tee -a "$DIR/results.txt"
}
measure before 8101 # warm-up of both, not counted
measure after 8102
: > "$DIR/results.txt"
for round in $(seq 1 "$ROUNDS"); do
    measure before 8101
    measure after 8102
done
echo "Results (also in $DIR/results.txt):"
cat "$DIR/results.txt"
