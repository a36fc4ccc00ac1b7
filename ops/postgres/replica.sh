#!/usr/bin/env bash
# A streaming replica of the primary: the first time (empty PGDATA), a base backup with pg_basebackup that writes
# standby.signal and primary_conninfo (-R) and its own replication slot; then PostgreSQL as a hot standby.
# Run as the postgres user, by docker-compose.yml (the replica's entrypoint) or ops/topology/run.sh. Needs PGDATA,
# PRIMARY_HOST, PRIMARY_PORT, REPLICATION_PASSWORD; optional REPLICA_PORT (5432).
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -q -h "$PRIMARY_HOST" -p "$PRIMARY_PORT"; do sleep 1; done
    PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U replicator \
        -D "$PGDATA" -R -X stream -C -S boxoffice_replica
    chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA" -p "${REPLICA_PORT:-5432}"
