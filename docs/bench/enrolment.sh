#!/usr/bin/env bash
# The fairness benchmark (BENCHMARKS.md, issue 12): 500 signed-in people press "Enrol" at the same
# moment for a 30-seat cohort; prints the time to answer all, the latencies, and what the database
# holds (exactly 30 confirmed, 470 waitlisted in request order). Needs the dev run up (mvn -Pdev
# package). Creates Keycloak users bench-learner-N once (kept in the dev realm) and a new cohort
# each run.
# Usage: bash docs/bench/enrolment.sh [people] [seats]   (default 500 30)
# Other ports: PORTAL=http://localhost:18080 KEYCLOAK=http://localhost:18180 JDBC=jdbc:postgresql://localhost:25432/hamkke
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="$(echo "${PORTAL:-http://localhost:8080}" | sed -E 's|.*:([0-9]+).*|\1|')"
PID=$(pgrep -f "launch-micro.jar.*--port $PORT" | head -1 || true)
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.EnrolmentLoad -Dexec.classpathScope=test \
  -Dpeople="${1:-500}" -Dseats="${2:-30}" -Dportal="${PORTAL:-http://localhost:8080}" \
  -Dkeycloak="${KEYCLOAK:-http://localhost:8180}" -Djdbc="${JDBC:-jdbc:postgresql://localhost:15432/hamkke}" -Dpid="$PID" \
  2>&1 | grep -av "^WARNING\|^INFO\|^SEVERE\|htmlunit"
