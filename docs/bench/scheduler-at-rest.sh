#!/usr/bin/env bash
# What the scheduler costs while nothing happens (BENCHMARKS.md, issue 3): the portal's CPU time
# and the database transactions per minute, over one idle minute. Run it with the dev run up
# and nobody using it; then again after restarting the dev run with HAMKKE_SCHEDULER_ENABLED=false
# to see the difference the scheduler makes.
# Usage: bash docs/bench/scheduler-at-rest.sh [seconds]   (default 60)
set -euo pipefail
SECONDS_TO_WATCH="${1:-60}"
PID=$(pgrep -f "launch-micro.jar.*--port 8080" | head -1)
[ -n "$PID" ] || { echo "No portal on port 8080 (start the dev run)"; exit 1; }
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
commits() { psql -h localhost -p 15432 -U postgres -d hamkke -Atc \
  "select xact_commit + xact_rollback from pg_stat_database where datname = 'hamkke'"; }
c0=$(cpu); x0=$(commits)
sleep "$SECONDS_TO_WATCH"
c1=$(cpu); x1=$(commits)
awk -v c=$((c1 - c0)) -v t="$TICKS" -v s="$SECONDS_TO_WATCH" -v x=$((x1 - x0)) 'BEGIN {
  printf "portal CPU: %.2f s per minute (%.2f%% of one core)\n", c / t * 60 / s, c / t / s * 100;
  printf "database transactions: %.0f per minute (all clients; includes the psql probes)\n", x * 60 / s }'
