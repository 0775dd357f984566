#!/usr/bin/env bash
# The public catalog with 1,000 cohorts (BENCHMARKS.md, issue 12): statements per page at page 1,
# a far page and under filters (pg_stat_statements), then 32 anonymous readers loading random pages
# and filters (p50, p95, p99), with [think] ms between one reader's loads (0, the default, is a flood). With ROSTER=<cohort id> (the cohort enrolment.sh
# made) also the statements of that 500-person roster and of the cohort's page. Needs the dev run
# up (mvn -Pdev package); seeds the cohorts once (they stay in the dev database).
# Usage: bash docs/bench/catalog.sh [readers] [pages per reader] [think ms]   (default 32 50 0)
# Other ports: PORTAL=http://localhost:18080 JDBC=jdbc:postgresql://localhost:25432/hamkke
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.CatalogLoad -Dexec.classpathScope=test \
  -Dreaders="${1:-32}" -Drequests="${2:-50}" -Dthink="${3:-0}" -Dportal="${PORTAL:-http://localhost:8080}" \
  -Djdbc="${JDBC:-jdbc:postgresql://localhost:15432/hamkke}" ${ROSTER:+-Droster=$ROSTER} \
  2>&1 | grep -av "^WARNING\|^INFO\|^SEVERE\|htmlunit"
