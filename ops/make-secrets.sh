#!/usr/bin/env bash
# Prints a new set of the deployment's secrets in env-file form: ops/make-secrets.sh > ops/secrets.env
# docker-compose.yml and ops/topology/run.sh read them from there; keep the file out of version control (it is
# ignored) and readable by the operators only. Every node must have the same values (tokens, tickets and admissions
# signed on one node are checked on the others).
set -euo pipefail
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n/+=' | head -c "$2"; }
db=$(random 48 40)
cat <<SECRETS
# made by ops/make-secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)
POSTGRES_PASSWORD=$db
SPRING_DATASOURCE_PASSWORD=$db
BOXOFFICE_QUERY_DATASOURCE_PASSWORD=$db
BOXOFFICE_SEATSHARDS_1_PASSWORD=$db
REPLICATION_PASSWORD=$(random 48 40)
BOXOFFICE_AUTH_ADMIN_PASSWORD=$(random 48 24)
BOXOFFICE_AUTH_ISSUER_SECRET=$(random 96 64)
BOXOFFICE_PAYMENT_WEBHOOK_SECRET=whsec_$(random 48 40)
BOXOFFICE_TICKETS_SIGNING_SECRET=$(random 96 64)
BOXOFFICE_WAITING_ROOM_SIGNING_SECRET=$(random 96 64)
SECRETS
