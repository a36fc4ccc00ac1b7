#!/usr/bin/env bash
# Writes the edge's nginx.conf from boxoffice.conf.template, with routes.conf and cached.conf beside it:
# render.sh <output file>. Needs EDGE_PORT, ORIGIN_PORT, BROWSE_SERVERS and COMMAND_SERVERS (nginx
# "server host:port ...;" lines) and NGINX_STATE (a writable folder for the cache, logs and temporary files).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$NGINX_STATE/cache"
chown -R www-data "$NGINX_STATE" 2>/dev/null || true
out=$(cd "$(dirname "$1")" && pwd)
[ "$out" = "$here" ] || cp "$here/routes.conf" "$here/cached.conf" "$out/"
envsubst '${EDGE_PORT} ${ORIGIN_PORT} ${BROWSE_SERVERS} ${COMMAND_SERVERS} ${NGINX_STATE}' \
    < "$here/boxoffice.conf.template" > "$1"
