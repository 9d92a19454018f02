#!/usr/bin/env bash
# Serves the Dagster webserver + daemon (schedules and sensors) and the dashboard on
# $HOST, prints both URLs, and stops everything on Ctrl-C. Job control (set -m) puts each
# server in its own process group, so one signal stops each server with its children.
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
DAGSTER_PORT=${DAGSTER_PORT:-3000}
DASHBOARD_PORT=${DASHBOARD_PORT:-8501}
BIN=.venv/bin
# The Dagster instance (run history, schedules, the one-run-at-a-time queue) lives here.
export DAGSTER_HOME=${DAGSTER_HOME:-$PWD/.dagster_home}
mkdir -p "$DAGSTER_HOME"
[ -f "$DAGSTER_HOME/dagster.yaml" ] || cp config/dagster.yaml "$DAGSTER_HOME/dagster.yaml"

"$BIN/dagster" dev -w workspace.yaml -h "$HOST" -p "$DAGSTER_PORT" &
dagster_pid=$!
"$BIN/streamlit" run dashboard/app.py --server.address "$HOST" --server.port "$DASHBOARD_PORT" \
  --server.headless true --browser.gatherUsageStats false &
dashboard_pid=$!

stop() {
  trap - INT TERM EXIT
  echo "stopping presswatch…"
  kill -TERM -- "-$dagster_pid" "-$dashboard_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

echo
echo "  Dagster:   http://$HOST:$DAGSTER_PORT   (schedule and landing-folder sensor are on)"
echo "  Dashboard: http://$HOST:$DASHBOARD_PORT"
echo "  Drop .txt/.json/.jsonl/.html files into ${PRESSWATCH_LANDING:-data/landing}/ to ingest them."
echo "  Ctrl-C stops both."
echo
wait
