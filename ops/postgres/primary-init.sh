#!/usr/bin/env bash
# Makes a fresh primary ready for its replica: the replication role, its pg_hba line and the shared settings.
# Run once, as the database's owner, against the running server: by the postgres image's entrypoint
# (docker-entrypoint-initdb.d) or by ops/topology/run.sh. Needs PGDATA, POSTGRES_USER, REPLICATION_PASSWORD and
# BOXOFFICE_POSTGRES_CONF (this directory's boxoffice.conf).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     --set=password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
echo "include '$BOXOFFICE_POSTGRES_CONF'" >> "$PGDATA/postgresql.conf"
