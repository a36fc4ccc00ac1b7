#!/usr/bin/env bash
# Writes the edge's nginx.conf from boxoffice.conf.template: render.sh <output file>. Needs EDGE_PORT, ORIGIN_PORT,
# BROWSE_SERVERS and COMMAND_SERVERS (nginx "server host:port ...;" lines), NGINX_STATE (a writable folder for the
# cache, logs and temporary files) and NGINX_CONF (the folder holding routes.conf and cached.conf).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$NGINX_STATE/cache"
chown -R www-data "$NGINX_STATE" 2>/dev/null || true
envsubst '${EDGE_PORT} ${ORIGIN_PORT} ${BROWSE_SERVERS} ${COMMAND_SERVERS} ${NGINX_STATE} ${NGINX_CONF}' \
    < "$here/boxoffice.conf.template" > "$1"
