#!/usr/bin/env bash
# The fairness benchmark (BENCHMARKS.md, issue 12): 500 signed-in people press "Enrol" at the same
# moment for a 30-seat cohort; prints the time to answer all, the latencies, and what the database
# holds (exactly 30 confirmed, 470 waitlisted in request order). Needs the dev run up, started with
# production's JVM options as BENCHMARKS.md shows (the plain dev run uses the quick JIT compiler
# alone); run it two or three times, the first burst after a start is the JIT's first. Creates Keycloak users bench-learner-N once (kept in the dev realm) and a new cohort
# each run.
# Usage: bash docs/bench/enrolment.sh [people] [seats]   (default 500 30)
# BENCH_OPTS=-DpauseBeforeBurst=20 waits before the burst (time to start a profiler).
# Other ports: PORTAL=http://localhost:18080 KEYCLOAK=http://localhost:18180 JDBC=jdbc:postgresql://localhost:25432/hamkke
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="$(echo "${PORTAL:-http://localhost:8080}" | sed -E 's|.*:([0-9]+).*|\1|')"
PID=$(pgrep -f "launch-micro.jar.*--port $PORT" | head -1 || true)
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.EnrolmentLoad -Dexec.classpathScope=test \
  ${BENCH_OPTS:-} -Dpeople="${1:-500}" -Dseats="${2:-30}" -Dportal="${PORTAL:-http://localhost:8080}" \
  -Dkeycloak="${KEYCLOAK:-http://localhost:8180}" -Djdbc="${JDBC:-jdbc:postgresql://localhost:15432/hamkke}" -Dpid="$PID" \
  2>&1 | grep --line-buffered -av "^WARNING\|^INFO\|^SEVERE\|htmlunit"
