#!/usr/bin/env bash
# Makes a fresh seat shard (an independent PostgreSQL, not a replica: docs/seat-shards.md) use the shared settings.
# Run once against the new cluster: by the postgres image's entrypoint (docker-entrypoint-initdb.d) or by
# ops/topology/run.sh. Needs PGDATA and BOXOFFICE_POSTGRES_CONF (this directory's boxoffice.conf). The database
# boxoffice and its owner are made by whoever runs this (POSTGRES_USER/POSTGRES_DB, or run.sh); the nodes run their
# migrations on it.
set -euo pipefail
echo "include '$BOXOFFICE_POSTGRES_CONF'" >> "$PGDATA/postgresql.conf"
