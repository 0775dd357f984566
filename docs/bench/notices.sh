#!/usr/bin/env bash
# Notices per second through NotificationService to the mail catcher (BENCHMARKS.md, issue 3).
# Needs the dev run up (mvn -Pdev package): PostgreSQL on 15432, the portal, GreenMail on 3025.
# Usage: bash docs/bench/notices.sh [people]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE="${1:-2000}"
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.NoticeThroughput -Dexec.classpathScope=test \
  -Dpeople="$PEOPLE" 2>&1 | grep -v "^WARNING"
