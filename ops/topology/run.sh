#!/usr/bin/env bash
# The production topology of docker-compose.yml without Docker, on this machine, from Debian's packages and the same
# settings files (ops/): a PostgreSQL primary and a streaming replica made with pg_basebackup, a second seat shard
# (its own PostgreSQL; SEAT_SHARDS=1 leaves it out and gives the nodes no seat-shard settings), Redis, NODES Boxoffice
# nodes on loopback ports (default 3; with 3 or more, the last one only serves reads: boxoffice.roles=web,query) and
# nginx in front as load balancer and edge cache. Then it measures and drills it and writes target/topology/report.md.
#
#   ops/topology/run.sh          start, measure, drill, report, stop (about 25 minutes)
#   ops/topology/run.sh start    start only, leave it running (http://127.0.0.1:18080); ops/topology/run.sh stop
#   ops/topology/run.sh shard-stats   commits and CPU seconds so far of each seat shard's PostgreSQL
#   ops/topology/run.sh shard-sale    start, a flash sale through the edge over SALE_SECTIONS + 1 sections (8 + 1) on
#                                     every node; per seat shard its sections and load; the books; report, stop (~7 min)
#
# Needs: apt-get install postgresql redis-server redis-tools nginx libnginx-mod-http-brotli-filter gettext-base curl
# python3 (and a JDK; Gatling comes through the Maven wrapper). Runs as root (PostgreSQL runs as the postgres user).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
W=$ROOT/target/topology
NODES=${NODES:-3}
SEAT_SHARDS=${SEAT_SHARDS:-2}  # 1: the primary only; 2: the primary and shard-1
case "$SEAT_SHARDS" in 1 | 2) ;; *) echo "SEAT_SHARDS is 1 or 2" >&2; exit 2 ;; esac
SALE_SECTIONS=${SALE_SECTIONS:-8}  # shard-sale: the flash sale's back section split into this many sections
JAVA=${JAVA:-java}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=15432
REPLICA_PORT=15433
SHARD_PORT=15434
REDIS_PORT=16379
EDGE_PORT=18080
ORIGIN_PORT=18090
EDGE=http://127.0.0.1:$EDGE_PORT
ORIGIN=http://127.0.0.1:$ORIGIN_PORT
SECRETS=$W/secrets.env
REPORT=$W/report.md
DRIVE="python3 ops/topology/drive.py"

node_port() { echo $((18080 + $1)); }
node_url() { echo "http://127.0.0.1:$(node_port "$1")"; }
node_roles() { # node number
    if [ "$NODES" -ge 3 ] && [ "$1" -eq "$NODES" ]; then echo web,query; else echo web,command,query,saga; fi
}

# The environment of one node: docker-compose.yml's x-node-environment and BOXOFFICE_ROLES with this machine's
# addresses (DeploymentFilesTest checks that both set the same names). node.env and the secrets come first.
node_env() { # node number, roles
    cat <<ENV
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/boxoffice
BOXOFFICE_QUERY_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$REPLICA_PORT/boxoffice
SPRING_DATA_REDIS_HOST=127.0.0.1
SPRING_DATA_REDIS_PORT=$REDIS_PORT
SERVER_PORT=$(node_port "$1")
BOXOFFICE_PUBLIC_URL=$EDGE
BOXOFFICE_ROLES=$2
ENV
    # the seat shards (shard-1's password comes with the secrets: BOXOFFICE_SEATSHARDS_1_PASSWORD)
    if [ "$SEAT_SHARDS" -ge 2 ]; then
        cat <<ENV
BOXOFFICE_SEATSHARDS_0_NAME=primary
BOXOFFICE_SEATSHARDS_1_NAME=shard-1
BOXOFFICE_SEATSHARDS_1_URL=jdbc:postgresql://127.0.0.1:$SHARD_PORT/boxoffice
BOXOFFICE_SEATSHARDS_1_USERNAME=boxoffice
ENV
    fi
}

# For the measurements only: every simulated fan comes from this machine's one address, and holds end within a
# minute so that the drills see the deadlines of a killed node run elsewhere.
measurement_env() {
    cat <<ENV
BOXOFFICE_RATELIMIT_ENABLED=false
BOXOFFICE_HOLDDURATION=PT1M
ENV
}

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
report() { echo "$*" >> "$REPORT"; }
as_postgres() { runuser -u postgres -- env PATH="$PG_BIN:$PATH" "$@"; }
primary_psql() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -XAtq "$@"; }
secret() { sed -n "s/^$1=//p" "$SECRETS"; }

check_tools() {
    local missing=()
    for tool in "$PG_BIN/initdb" "$PG_BIN/pg_basebackup" redis-server redis-cli nginx envsubst curl python3 "$JAVA"; do
        command -v "$tool" > /dev/null || missing+=("$tool")
    done
    [ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing+=(libnginx-mod-http-brotli-filter)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Missing: ${missing[*]}. apt-get install postgresql redis-server redis-tools nginx" \
            "libnginx-mod-http-brotli-filter gettext-base curl python3" >&2
        exit 1
    fi
}

start_postgres() {
    log "PostgreSQL primary on $PRIMARY_PORT"
    mkdir -p "$W/sockets" && chown postgres "$W" "$W/sockets"
    as_postgres initdb -D "$W/pg-primary" -U postgres --auth-local=trust --auth-host=scram-sha-256 > "$W/initdb.log"
    # the superuser connects from loopback without a password (this machine's operator); everyone else with one
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$W/pg-primary/pg_hba.conf"
    pg_ctl_primary start
    as_postgres psql -h "$W/sockets" -p "$PRIMARY_PORT" -U postgres -XAtq \
        -c "CREATE ROLE boxoffice LOGIN PASSWORD '$(secret SPRING_DATASOURCE_PASSWORD)'" \
        -c "CREATE DATABASE boxoffice OWNER boxoffice"
    as_postgres env PGDATA="$W/pg-primary" PGHOST="$W/sockets" PGPORT="$PRIMARY_PORT" POSTGRES_USER=postgres \
        REPLICATION_PASSWORD="$(secret REPLICATION_PASSWORD)" BOXOFFICE_POSTGRES_CONF="$ROOT/ops/postgres/boxoffice.conf" \
        ops/postgres/primary-init.sh
    pg_ctl_primary restart
}

pg_ctl_primary() { # start | stop | restart
    as_postgres pg_ctl -D "$W/pg-primary" -l "$W/pg-primary.log" -w -m fast \
        -o "-p $PRIMARY_PORT -k $W/sockets -c listen_addresses=127.0.0.1" "$1" > /dev/null
}

start_replica() {
    log "PostgreSQL replica on $REPLICA_PORT (pg_basebackup, streaming)"
    as_postgres env PGDATA="$W/pg-replica" PRIMARY_HOST=127.0.0.1 PRIMARY_PORT="$PRIMARY_PORT" \
        REPLICATION_PASSWORD="$(secret REPLICATION_PASSWORD)" REPLICA_PORT="$REPLICA_PORT" \
        setsid ops/postgres/replica.sh >> "$W/pg-replica.log" 2>&1 < /dev/null &
    for _ in $(seq 1 120); do
        pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" && return
        sleep 1
    done
    echo "The replica did not start: $W/pg-replica.log" >&2
    exit 1
}

# The second seat shard: an independent cluster made like the primary (same settings, the same user and password
# for the nodes), with an empty database boxoffice; the nodes run their migrations on it. No replica, no replication.
start_shard() {
    log "PostgreSQL seat shard shard-1 on $SHARD_PORT"
    mkdir -p "$W/sockets" && chown postgres "$W" "$W/sockets"
    as_postgres initdb -D "$W/pg-shard-1" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        > "$W/initdb-shard-1.log"
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$W/pg-shard-1/pg_hba.conf"
    pg_ctl_shard start
    as_postgres psql -h "$W/sockets" -p "$SHARD_PORT" -U postgres -XAtq \
        -c "CREATE ROLE boxoffice LOGIN PASSWORD '$(secret BOXOFFICE_SEATSHARDS_1_PASSWORD)'" \
        -c "CREATE DATABASE boxoffice OWNER boxoffice"
    as_postgres env PGDATA="$W/pg-shard-1" BOXOFFICE_POSTGRES_CONF="$ROOT/ops/postgres/boxoffice.conf" \
        ops/postgres/shard-init.sh
    pg_ctl_shard restart
}

pg_ctl_shard() { # start | stop | restart
    as_postgres pg_ctl -D "$W/pg-shard-1" -l "$W/pg-shard-1.log" -w -m fast \
        -o "-p $SHARD_PORT -k $W/sockets -c listen_addresses=127.0.0.1" "$1" > /dev/null
}

stop_replica() {
    as_postgres pg_ctl -D "$W/pg-replica" -w -m fast stop > /dev/null || true
}

start_redis() {
    log "Redis on $REDIS_PORT"
    redis-server ops/redis.conf --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$W/redis.pid" \
        --logfile "$W/redis.log" --dir "$W"
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1 && return; sleep 0.1; done
}

stop_redis() {
    redis-cli -p "$REDIS_PORT" shutdown nosave > /dev/null 2>&1 || true
}

start_node() { # node number
    local roles
    roles=$(node_roles "$1")
    log "Node $1 on $(node_port "$1"), roles $roles"
    (
        set -a
        . ops/node.env
        . "$SECRETS"
        . <(node_env "$1" "$roles")
        . <(measurement_env)
        set +a
        # one seat shard: no seat-shard settings at all, not even the password from the secrets
        if [ "$SEAT_SHARDS" -lt 2 ]; then unset "${!BOXOFFICE_SEATSHARDS_@}"; fi
        exec setsid "$JAVA" -Xmx1g -jar "$W/boxoffice/boxoffice.jar" --logging.level.root=WARN \
            --logging.level.io.boxoffice.app.runtime=INFO
    ) >> "$W/node-$1.log" 2>&1 < /dev/null &
    echo $! > "$W/node-$1.pid"
}

wait_ready() { # node number
    for _ in $(seq 1 240); do
        curl -fs "$(node_url "$1")/actuator/health/readiness" > /dev/null && return
        kill -0 "$(cat "$W/node-$1.pid")" 2> /dev/null || { tail -30 "$W/node-$1.log"; exit 1; }
        sleep 1
    done
    echo "Node $1 did not become ready: $W/node-$1.log" >&2
    exit 1
}

kill_node() { # node number, signal
    kill "-$2" "$(cat "$W/node-$1.pid")" 2> /dev/null || true
}

# nginx in front of nodes 1..$1: reads to every web node, the rest to the command nodes
edge() { # number of nodes
    local browse="" command="" i
    for i in $(seq 1 "$1"); do
        browse+="server 127.0.0.1:$(node_port "$i") max_fails=1 fail_timeout=5s; "
        [[ $(node_roles "$i") == *command* ]] && command+="server 127.0.0.1:$(node_port "$i") max_fails=1 fail_timeout=5s; "
    done
    mkdir -p "$W/nginx"
    EDGE_PORT=$EDGE_PORT ORIGIN_PORT=$ORIGIN_PORT BROWSE_SERVERS=$browse COMMAND_SERVERS=$command \
        NGINX_STATE="$W/nginx" ops/nginx/render.sh "$W/nginx/nginx.conf"
    if [ -f "$W/nginx/nginx.pid" ] && kill -0 "$(cat "$W/nginx/nginx.pid")" 2> /dev/null; then
        nginx -c "$W/nginx/nginx.conf" -s reload
        sleep 1
    else
        log "nginx: edge on $EDGE_PORT, origin (no cache) on $ORIGIN_PORT"
        nginx -c "$W/nginx/nginx.conf"
    fi
}

stop_all() {
    [ -f "$W/nginx/nginx.pid" ] && nginx -c "$W/nginx/nginx.conf" -s stop 2> /dev/null || true
    for pid in "$W"/node-*.pid; do
        [ -f "$pid" ] && kill "$(cat "$pid")" 2> /dev/null || true
    done
    sleep 2
    stop_redis
    stop_replica
    [ -d "$W/pg-shard-1" ] && pg_ctl_shard stop 2> /dev/null || true
    [ -d "$W/pg-primary" ] && pg_ctl_primary stop 2> /dev/null || true
}

start_all() { # nodes to start
    check_tools
    stop_all 2> /dev/null || true
    rm -rf "$W" && mkdir -p "$W"
    ulimit -n "$(ulimit -Hn)"  # 10,000 live streams need as many sockets
    ./mvnw -q -DskipTests install
    "$JAVA" -Djarmode=tools -jar app/target/boxoffice.jar extract --destination "$W/boxoffice" > /dev/null
    ops/make-secrets.sh > "$SECRETS"
    chmod 600 "$SECRETS"
    start_postgres
    start_replica
    if [ "$SEAT_SHARDS" -ge 2 ]; then start_shard; fi
    start_redis
    local i
    for i in $(seq 1 "$1"); do
        start_node "$i"
        wait_ready "$i"
    done
    edge "$1"
}

# CPU seconds a process has used (user + system)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat" 2> /dev/null || echo 0; }

# For each running seat shard's cluster (primary, shard-1), one line: the commits of database boxoffice so far
# (pg_stat_database.xact_commit) and the CPU seconds so far of all its processes, user + system: the postmaster
# (postmaster.pid) with the children it has reaped (autovacuum workers, ended connections: cutime + cstime) and its
# live children (backends, checkpointer, WAL writer...). E.g. "primary xact=123 cpu_s=4.56"; take it before and
# after a window and subtract (the one psql connection each call makes is in the figures).
shard_stats() {
    local name data port pid xact cpu
    for name in primary shard-1; do
        data=$W/pg-$name
        port=$(shard_port "$name")
        [ -f "$data/postmaster.pid" ] || continue
        pid=$(head -1 "$data/postmaster.pid")
        kill -0 "$pid" 2> /dev/null || continue
        xact=$(psql -h 127.0.0.1 -p "$port" -U postgres -XAtq -d postgres \
            -c "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = 'boxoffice'")
        # a child that ends between ps and awk is left out (its time moves to the postmaster's cutime)
        cpu=$( (cat "/proc/$pid/stat"; for child in $(ps --ppid "$pid" -o pid=); do
                    cat "/proc/$child/stat" 2> /dev/null || true; done) \
            | sed 's/^.*) //' | awk -v hz="$(getconf CLK_TCK)" -v postmaster=1 '
                # fields after "(comm) ": utime, stime, cutime, cstime are the 12th to 15th
                { s += $12 + $13; if (postmaster) s += $14 + $15; postmaster = 0 }
                END { printf "%.2f", s / hz }')
        echo "$name xact=$xact cpu_s=$cpu"
    done
}

shard_port() { [ "$1" = primary ] && echo "$PRIMARY_PORT" || echo "$SHARD_PORT"; }
# the seat shards the nodes are given, in their order (SeatLayout's list)
shard_names() { if [ "$SEAT_SHARDS" -ge 2 ]; then echo primary,shard-1; else echo primary; fi; }

# Per seat shard, what two shard_stats readings (files) differ by, and the event's sections on it by the rule
# (sectionsByShard in the simulation's JSON, if given): "primary: 1 section (H), 5123 transactions, 12.34 CPU s; ..."
shard_delta() { # stats before, stats after, [simulation's JSON]
    python3 - "$@" <<'PY' 2> /dev/null || echo "no figures"
import json, sys
def read(path):
    return {line.split()[0]: dict(kv.split("=") for kv in line.split()[1:]) for line in open(path) if line.strip()}
before, after = read(sys.argv[1]), read(sys.argv[2])
sections = {}
if len(sys.argv) > 3:
    try:
        sections = json.load(open(sys.argv[3])).get("sectionsByShard") or {}
    except (OSError, ValueError):
        pass
parts = []
for name in after:
    mine = sections.get(name)
    where = "" if mine is None else f"{len(mine)} section{'' if len(mine) == 1 else 's'} ({', '.join(mine) or 'none'}), "
    parts.append(f"{name}: {where}{int(after[name]['xact']) - int(before.get(name, {}).get('xact', 0))} transactions, "
                 f"{float(after[name]['cpu_s']) - float(before.get(name, {}).get('cpu_s', 0)):.2f} CPU s")
print("; ".join(parts))
PY
}

# One seat shard's share of an event, from its own tables: the reservations placed on it (placed_reservation, written
# with each hold), the seats held there at least once (their Seat aggregates, <eventId>/<seatId>, in
# domain_event_entry) and those seats' sections. One line: "reservations|seats|C1,C4,H".
shard_share() { # shard name, event
    psql -h 127.0.0.1 -p "$(shard_port "$1")" -U postgres -XAtq -d boxoffice -c "
        WITH seat AS (SELECT DISTINCT aggregate_identifier AS seat_key FROM domain_event_entry
                      WHERE aggregate_identifier LIKE '$2/%'),
             section AS (SELECT DISTINCT split_part(substr(seat_key, length('$2') + 2), '-', 1) AS id FROM seat)
        SELECT (SELECT count(*) FROM placed_reservation WHERE event_id = '$2'), (SELECT count(*) FROM seat),
               (SELECT coalesce(string_agg(id, ',' ORDER BY length(id), id), '') FROM section)"
}

# The flash-sale simulation of load-tests through the edge; its report lands in $W/results/<label>.md
flash_sale() { # label, extra -D options...
    local label=$1
    shift
    ./mvnw -q -pl load-tests gatling:test -Dgatling.simulationClass=io.boxoffice.loadtest.FlashSaleSimulation \
        -DbaseUrl="$EDGE" -DissuerSecret="$(secret BOXOFFICE_AUTH_ISSUER_SECRET)" -DseatShards="$(shard_names)" \
        -DadminPassword="$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" -DappPid="$(cat "$W/node-1.pid")" \
        -DappJava="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')" \
        -Dtarget=boxoffice -Dlabel="$label" -Dboxoffice.report-dir="$W/results" "$@" > "$W/$label.out" 2>&1 \
        || report "- the flash sale $label failed: see $W/$label.out"
}

# Requests each node served during a window, from the edge's log (upstream=...)
requests_per_node() { # first line of the access log to count from
    tail -n +"$1" "$W/nginx/access.log" | grep -o 'upstream=[0-9.:]\+' | sort | uniq -c \
        | awk '{sub("upstream=", "", $2); print $2 ": " $1}' | tr '\n' ';'
}

measure_scale() {
    report "## The flash sale through the edge against 1, 2 and $NODES nodes"
    report ""
    report "FlashSaleSimulation (load-tests) with its defaults (3,000 fans for 2,200 seats, 80% wanting the front section),"
    report "through nginx; one node more each time. CPU seconds per node from /proc; requests per node from nginx's log;"
    report "per seat shard, the event's sections on it (of H and C) and its PostgreSQL's transactions and CPU seconds from"
    report "just before to just after the simulation (shard_stats; the nodes' background work is in them)."
    report ""
    report "| nodes | the sale (the simulation's figures) | CPU seconds per node | requests per node | per seat shard |"
    report "|---|---|---|---|---|"
    local n i
    for n in $(seq 1 "$NODES"); do
        if [ "$n" -gt 1 ]; then
            start_node "$n"
            wait_ready "$n"
            edge "$n"
        fi
        local before=() line
        for i in $(seq 1 "$n"); do before[$i]=$(cpu_of "$(cat "$W/node-$i.pid")"); done
        line=$(($(wc -l < "$W/nginx/access.log") + 1))
        log "Flash sale against $n node(s)"
        start_lag_sampler "nodes-$n"
        shard_stats > "$W/shards-before-nodes-$n.txt"
        flash_sale "nodes-$n"
        shard_stats > "$W/shards-after-nodes-$n.txt"
        stop_lag_sampler
        local cpu=""
        for i in $(seq 1 "$n"); do
            cpu+="node $i: $(echo "$(cpu_of "$(cat "$W/node-$i.pid")") - ${before[$i]}" | bc)s; "
        done
        report "| $n | $(summary_of "nodes-$n") | $cpu | $(requests_per_node "$line") |" \
            "$(shard_delta "$W/shards-before-nodes-$n.txt" "$W/shards-after-nodes-$n.txt" "$W/results/nodes-$n.json") |"
    done
    report ""
    for n in $(seq 1 "$NODES"); do
        report "Replica lag during the sale with $n node(s): $(lag_summary "nodes-$n")"
    done
    report ""
}

# A simulation's headline figures, from the JSON it wrote
summary_of() { # label
    python3 - "$W/results/$1.json" <<'PY' 2> /dev/null || echo "no figures"
import json, sys
d = json.load(open(sys.argv[1]))
books = d.get("books") or {}
print(f"{d['fans']} fans, {d['successfulHolds']} holds, {d['paid']} paid (last {d['lastPaymentSeconds']} s), "
      f"{d['errors']} errors, {d['failedFans']} fans failed, holds/s {d['holdsPerSecond']}, "
      f"all requests p50/p99 {d['latencyAllMs']['p50']}/{d['latencyAllMs']['p99']} ms, "
      f"line checks p99 {(d.get('latencyLineMs') or {}).get('p99')} ms, "
      f"books {'clean' if books.get('clean') else 'NOT CLEAN'} ({len(books.get('violations', []))} violations)")
PY
}

LAG_PID=
start_lag_sampler() { # label
    ( while true; do $DRIVE replication -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres; sleep 0.5; done ) \
        > "$W/lag-$1.jsonl" 2> /dev/null &
    LAG_PID=$!
}
stop_lag_sampler() { kill "$LAG_PID" 2> /dev/null || true; }
lag_summary() { # label
    python3 - "$W/lag-$1.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
lags = sorted(float(r["replayLagSeconds"]) for r in rows if r["replayLagSeconds"] not in ("null", ""))
behind = sorted(float(r["bytesBehind"]) for r in rows if r["bytesBehind"] not in ("null", ""))
if not lags:
    print("no samples")
else:
    print(f"{len(lags)} samples, replay lag p50 {lags[len(lags)//2]:.3f} s, max {lags[-1]:.3f} s; "
          f"WAL not yet replayed max {int(behind[-1])} bytes")
PY
}

# Requests the nodes have served for a URI pattern, all together
origin_requests() { # uri pattern, node URLs...
    $DRIVE origin-requests "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" "$@" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}

measure_edge() { # an event, an event with a waiting room
    local nodes=() i
    for i in $(seq 1 "$NODES"); do nodes+=("$(node_url "$i")"); done
    report "## The origin's load with and without the edge"
    report ""
    report "wrk, 200 connections for 20 s, on one event's availability and on its waiting room's line, once through the"
    report "edge (port $EDGE_PORT) and once through the same routes without the cache (port $ORIGIN_PORT). Origin requests"
    report "are the nodes' own count (http.server.requests)."
    report ""
    report "| URL | through | requests/s the crowd made | requests the nodes served | per second |"
    report "|---|---|---|---|---|"
    local path uri through port before after made event
    for path in availability waiting-room/line; do
        uri="/api/events/{eventId}/$path"
        event=$([ "$path" = availability ] && echo "$1" || echo "$2")
        for through in edge origin; do
            port=$([ "$through" = edge ] && echo "$EDGE_PORT" || echo "$ORIGIN_PORT")
            before=$(origin_requests "$uri" "${nodes[@]}")
            made=$(wrk -t 2 -c 200 -d 20s "http://127.0.0.1:$port/api/events/$event/$path" \
                | awk '/Requests\/sec/ {print $2}')
            after=$(origin_requests "$uri" "${nodes[@]}")
            report "| $path | $through | $made | $((after - before)) | $(echo "scale=1; ($after - $before) / 20" | bc) |"
        done
    done
    report ""
}

# a full collection on every node, so that heap used is what is retained
collect_garbage() {
    local i
    for i in $(seq 1 "$NODES"); do jcmd "$(cat "$W/node-$i.pid")" GC.run > /dev/null 2>&1 || true; done
}

measure_sse() {
    local clients=${SSE_CLIENTS:-10000} nodes=() i event
    for i in $(seq 1 "$NODES"); do nodes+=("$(node_url "$i")"); done
    log "$clients live seat-update streams through the edge for 75 s"
    # an event of its own: no earlier holds ending during the window, so its first change is the fan's first hold
    event=$($DRIVE event "$EDGE" "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" 2000)
    local before during after
    collect_garbage
    before=$($DRIVE jvm "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" "${nodes[@]}")
    # the crowd arrives at 1,000 a second; once it is in, a fan holds seats for 15 s (the changes to pass on), then
    # the streams stay open until the crowd has been there 75 s
    "$JAVA" ops/topology/SseCrowd.java "$EDGE/api/events/$event/seat-updates" "$clients" 75 > "$W/sse.json" &
    local crowd=$!
    sleep 20
    collect_garbage
    during=$($DRIVE jvm "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" "${nodes[@]}")
    $DRIVE traffic "$EDGE" "$event" 15 0 > "$W/sse-traffic.json"
    after=$($DRIVE jvm "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" "${nodes[@]}")
    wait "$crowd" || true
    report "## $clients live seat-update streams through the edge for 75 s"
    report ""
    report "- the crowd (ops/topology/SseCrowd.java): $(cat "$W/sse.json")"
    report "- the holds made meanwhile: $(cat "$W/sse-traffic.json")"
    report "- the nodes before (heap after a full collection): $before"
    report "- the nodes with the streams open: $during"
    report "- the nodes after the holds (batches written to streams, slowest pass over a node's streams): $after"
    report ""
}

books() { # event
    $DRIVE books "$EDGE" "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" "$1" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
        -d boxoffice
}

drill() { # title, event, first seat of its fans, action (a function run while fans hold seats)
    local title=$1 event=$2 first=$3 action=$4
    log "Drill: $title"
    $DRIVE traffic "$EDGE" "$event" 40 "$first" > "$W/drill.json" &
    local traffic=$!
    sleep 10
    # the action writes what it did to a file, not to a pipe: a server it starts in the background must not hold
    # the pipe of a command substitution open (the script would wait for it)
    $action > "$W/drill-action.txt"
    local what
    what=$(cat "$W/drill-action.txt")
    wait "$traffic" || true
    # holds last a minute: wait them out, so that the books show each one ended on time
    sleep 75
    report "### $title"
    report ""
    report "- what was done: $what"
    report "- fans holding seats through the edge meanwhile (40 s): $(cat "$W/drill.json")"
    report "- afterwards: $(books "$event")"
    report ""
}

kill_second_node() {
    kill_node 2 KILL
    echo "node 2 (all roles) killed with SIGKILL 10 s into the window; restarted after it"
    sleep 35
    start_node 2 > /dev/null
}

restart_redis() {
    stop_redis
    sleep 5
    start_redis > /dev/null
    echo "Redis stopped (no data kept) 10 s into the window and started again, empty, 5 s later"
}

stop_the_replica() {
    stop_replica
    local statuses
    statuses=$(for _ in $(seq 1 20); do
        curl -s -o /dev/null -w '%{http_code}\n' "$ORIGIN/api/events/$DRILL_EVENT/availability"; sleep 0.5
    done | sort | uniq -c | awk '{print $2 " x" $1}' | tr '\n' ' ')
    start_replica > /dev/null
    echo "the replica stopped 10 s into the window for 10 s; browsing (no cache) answered: $statuses"
}

restart_primary() {
    pg_ctl_primary stop
    sleep 8
    pg_ctl_primary start
    echo "the primary stopped (fast) 10 s into the window and started again 8 s later; no node restarted"
}

# what ran where: the command, the machine, the nodes and the versions
report_setup() { # the command
    report "$1 on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; $SEAT_SHARDS seat shard(s) ($(shard_names)); $NODES nodes ($(for i in $(seq 1 "$NODES"); do echo -n "node $i: $(node_roles "$i"); "; done))"
    report "$("$JAVA" -version 2>&1 | head -1); $(nginx -v 2>&1); $("$PG_BIN/postgres" --version); $(redis-server --version | cut -d' ' -f1-3)"
    report ""
}

# A flash sale over the seat shards: FlashSaleSimulation through the edge against every node, its back section split
# into SALE_SECTIONS sections of the same category (a section is a bucket of its own, and SeatLayout's rule puts each
# bucket on a shard). Per shard: the sections the rule put there, what its own tables show of the sale (reservations
# placed, seats held and their sections), and its PostgreSQL's transactions and CPU seconds during the sale next to
# those of as long a time idle just before; then the sale's figures and the books.
shard_sale() {
    local idle=30 start end event
    : > "$REPORT"
    report "# The topology: a flash sale over the seat shards"
    report ""
    report_setup "ops/topology/run.sh shard-sale"
    log "The seat shards idle for $idle s"
    shard_stats > "$W/shards-idle-start.txt"
    sleep "$idle"
    shard_stats > "$W/shards-idle-end.txt"
    log "Flash sale over $((SALE_SECTIONS + 1)) sections against $NODES node(s)"
    shard_stats > "$W/shards-before-shard-sale.txt"
    start=$(date +%s.%N)
    flash_sale shard-sale -DcoldSections="$SALE_SECTIONS"
    end=$(date +%s.%N)
    shard_stats > "$W/shards-after-shard-sale.txt"
    event=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["eventId"])' \
        "$W/results/shard-sale.json" 2> /dev/null) || event=
    report "## A flash sale over $((SALE_SECTIONS + 1)) sections and the seat shards"
    report ""
    report "FlashSaleSimulation (load-tests) through the edge against $NODES node(s), with its defaults but for"
    report "-DcoldSections=$SALE_SECTIONS: 3,000 fans, 80% wanting the front section H (200 seats); the back section's"
    report "2,000 seats split into C1..C$SALE_SECTIONS of the same category and price. Each section is a bucket of its own,"
    report "on the shard that SeatLayout's rule names (sections by the rule: the simulation computes them). What each"
    report "shard's own tables show: placed_reservation (written with each hold) and the Seat aggregates"
    report "(<eventId>/<seatId>) in domain_event_entry. Transactions (pg_stat_database.xact_commit of database"
    report "boxoffice) and CPU seconds of the cluster's processes (shard_stats) from just before the simulation started"
    report "to just after it ended (the venue and event created, the sale, its payments, the simulation's wait for quiet"
    report "and its verify), next to the same over as long a time with the topology idle just before ($idle s, scaled)."
    report ""
    if [ -z "$event" ]; then
        report "No figures: the simulation wrote none (see $W/shard-sale.out)."
        return
    fi
    local name
    for name in $(shard_names | tr , ' '); do
        echo "$name|$(shard_share "$name" "$event")"
    done > "$W/shards-share.txt"
    python3 - "$W/shards-idle-start.txt" "$W/shards-idle-end.txt" "$idle" "$W/shards-before-shard-sale.txt" \
        "$W/shards-after-shard-sale.txt" "$start" "$end" "$W/results/shard-sale.json" \
        "$W/shards-share.txt" <<'PY' >> "$REPORT" || report "No per-shard figures (a reading failed)."
import json, sys
def read(path):
    return {line.split()[0]: {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
            for line in open(path) if line.strip()}
idle0, idle1, idle_s, before, after = (read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3]), read(sys.argv[4]),
                                       read(sys.argv[5]))
sale_s = float(sys.argv[7]) - float(sys.argv[6])
sale = json.load(open(sys.argv[8]))
by_rule = sale.get("sectionsByShard") or {}
share = {}
for line in open(sys.argv[9]):
    if line.strip():
        name, placed, seats, sections = (line.rstrip("\n").split("|") + ["", "", ""])[:4]
        share[name] = (int(placed or 0), int(seats or 0), [s for s in sections.split(",") if s])
print(f"The sale's window: {sale_s:.0f} s.")
print()
print("| seat shard | sections by the rule | sections with seats held in its event store | seats held there "
      "| reservations placed there | transactions during the sale | PostgreSQL CPU s during the sale "
      "| idle as long: transactions, CPU s |")
print("|---|---|---|---|---|---|---|---|")
spread = True
for name in after:
    xact = after[name]["xact"] - before[name]["xact"]
    cpu = after[name]["cpu_s"] - before[name]["cpu_s"]
    scale = sale_s / idle_s
    idle_xact = (idle1[name]["xact"] - idle0[name]["xact"]) * scale
    idle_cpu = (idle1[name]["cpu_s"] - idle0[name]["cpu_s"]) * scale
    rule = by_rule.get(name, [])
    placed, seats, held_in = share.get(name, (0, 0, []))
    spread = spread and bool(rule) and placed > 0 and xact > idle_xact
    print(f"| {name} | {len(rule)}: {', '.join(rule) or 'none'} | {len(held_in)}: {', '.join(held_in) or 'none'} "
          f"| {seats} | {placed} | {xact:.0f} | {cpu:.2f} | {idle_xact:.0f}, {idle_cpu:.2f} |")
print()
print(f"Spread over {len(after)} seat shard(s): {'yes' if spread and len(after) > 1 else 'NO'} (each has sections by "
      "the rule, reservations placed on it and more transactions than idle). Reservations placed on the shards "
      f"together: {sum(placed for placed, _, _ in share.values())}; holds the fans were granted (201): "
      f"{sale.get('successfulHolds')}.")
print()
PY
    report "- the sale (the simulation's figures): $(summary_of shard-sale)"
    log "Waiting out the sale's holds (a minute here), then the books"
    # holds last a minute here: wait them out, so that the books show each one ended on time
    sleep 75
    report "- the books afterwards (the auditors' verify of the event, paid reservations not CONFIRMED, holds past their"
    report "  end): $(books "$event")"
    report ""
}

measure_and_drill() {
    : > "$REPORT"
    report "# The topology, measured and drilled"
    report ""
    report_setup "ops/topology/run.sh"
    measure_scale
    # one event on sale to all (the fans of the measurements and drills hold seats in it), one behind a waiting room
    local event line_event
    event=$($DRIVE event "$EDGE" "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" 20000)
    line_event=$($DRIVE event "$EDGE" "$(secret BOXOFFICE_AUTH_ADMIN_PASSWORD)" 500 waiting-room)
    DRILL_EVENT=$event
    measure_edge "$event" "$line_event"
    report "## Browsing from the replica: how stale"
    report ""
    start_lag_sampler staleness
    report "- a seat held through the edge, then the origin's availability (the replica) polled until it shows it, once a"
    report "  second for 60 s while fans hold seats: $( ( $DRIVE traffic "$EDGE" "$event" 60 0 > /dev/null & ); $DRIVE staleness "$EDGE" "$ORIGIN" "$event" 60 5000)"
    stop_lag_sampler
    report "- replica lag meanwhile: $(lag_summary staleness)"
    report ""
    measure_sse
    report "## Failure drills"
    report ""
    report "Each: a fan holds seats one after another through the edge for 40 s (an Idempotency-Key each, every 2xx read"
    report "back afterwards); 10 s in, the failure; then the holds are waited out (they last a minute here) and the books"
    report "checked: the auditors' verify of the event, paid reservations that are not CONFIRMED, holds past their end."
    report ""
    # each drill's fans hold seats of their own (3,000 seats apart): the holds of one do not refuse the next
    drill "A node killed with SIGKILL mid-sale" "$event" 8000 kill_second_node
    wait_ready 2
    drill "Redis stopped and started again mid-sale" "$event" 11000 restart_redis
    drill "The replica stopped" "$event" 14000 stop_the_replica
    drill "The primary restarted" "$event" 17000 restart_primary
    report "## The books of the flash sales, after the drills"
    report ""
    local sale
    for sale in "$W"/results/nodes-*.json; do
        report "- $(basename "$sale" .json): $(books "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["eventId"])' "$sale")")"
    done
}

case "${1:-all}" in
    start)
        start_all "$NODES"
        log "Running: $EDGE (the edge), nodes on $(node_port 1)..$(node_port "$NODES"); admin password in $SECRETS"
        ;;
    stop)
        stop_all
        ;;
    shard-stats)
        shard_stats
        ;;
    shard-sale)
        trap stop_all EXIT
        start_all "$NODES"
        shard_sale
        log "Report: $REPORT"
        ;;
    all)
        trap stop_all EXIT
        start_all 1
        measure_and_drill
        log "Report: $REPORT"
        ;;
    *)
        sed -n '2,15p' "$0"
        exit 2
        ;;
esac
