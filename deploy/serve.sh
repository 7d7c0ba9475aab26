#!/usr/bin/env bash
# make serve: the portal's gunicorn on a loopback port, with nginx in front on HOST:PORT (a user process with
# its own configuration, rendered from deploy/nginx.conf.template into a run folder). Both stop together.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8050}
UPSTREAM_HOST=127.0.0.1
UPSTREAM_PORT=${UPSTREAM_PORT:-$((PORT + 1))}
RUN_DIR=${IMW_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/imw-serve.XXXXXX")}
BIN=${BIN:-.venv/bin}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
mkdir -p "$RUN_DIR"
case "$HOST" in *:*) LISTEN="[$HOST]:$PORT" ;; *) LISTEN="$HOST:$PORT" ;; esac
sed -e "s|@LISTEN@|$LISTEN|g" -e "s|@UPSTREAM@|$UPSTREAM_HOST:$UPSTREAM_PORT|g" \
    -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@ERRORS_DIR@|$PWD/deploy/errors|g" \
    deploy/nginx.conf.template > "$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -g 'daemon off;'

UPSTREAM_HOST=$UPSTREAM_HOST UPSTREAM_PORT=$UPSTREAM_PORT "$BIN/gunicorn" -c deploy/gunicorn.conf.py app:server &
GUNICORN=$!
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
stop() { kill -TERM "$NGINX_PID" "$GUNICORN" 2>/dev/null || true; wait "$NGINX_PID" "$GUNICORN" 2>/dev/null || true; }
trap stop EXIT INT TERM
echo "serving on http://$LISTEN (nginx) -> gunicorn on $UPSTREAM_HOST:$UPSTREAM_PORT; run folder $RUN_DIR" >&2
# Whichever stops first stops the other.
wait -n "$NGINX_PID" "$GUNICORN"
