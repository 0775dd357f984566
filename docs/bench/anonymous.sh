#!/usr/bin/env bash
# Anonymous readers on the public pages: sessions started and heap before/after (BENCHMARKS.md,
# issue 10). Needs the dev run up (mvn -Pdev package); reads the portal's heap with jcmd.
# Usage: bash docs/bench/anonymous.sh [views] [readers]   (default 10000 16)
set -euo pipefail
cd "$(dirname "$0")/../.."
PID=$(pgrep -f 'launch-micro.jar.*--port 8080' | head -1)
[[ -n "$PID" ]] || { echo "No portal on port 8080: start the dev run first (mvn -Pdev package)"; exit 1; }
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.AnonymousReaders -Dexec.classpathScope=test \
  -Dviews="${1:-10000}" -Dreaders="${2:-16}" -Dpid="$PID" 2>&1 | grep -av "^WARNING"
