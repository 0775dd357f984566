#!/usr/bin/env bash
# Page weight (BENCHMARKS.md): what a browser fetches, compressed, for the home page, the applying
# form, the staff table, board and application page, and the reviewer's home; first visit and
# repeat visit. Needs the dev run up (mvn -Pdev package); signs in as the demo people.
# SET=academy measures the academy's pages instead: the public catalog and a cohort's page,
# enrolling and My learning, staff's courses, cohorts, cohort editor and roster (issue 12).
# Usage: bash docs/bench/page-weight.sh            (VERBOSE=1 lists every resource)
#        SET=academy bash docs/bench/page-weight.sh
# Other ports: PORTAL=http://localhost:18080 JDBC=jdbc:postgresql://localhost:25432/hamkke
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.PageWeight -Dexec.classpathScope=test \
  -Dset="${SET:-intake}" -Dportal="${PORTAL:-http://localhost:8080}" -Djdbc="${JDBC:-jdbc:postgresql://localhost:15432/hamkke}" \
  -Dverbose="$([ -n "${VERBOSE:-}" ] && echo true || echo false)" 2>&1 | grep -av "^WARNING\|^INFO\|^Nov\|^Dec\|^SEVERE\|htmlunit"
