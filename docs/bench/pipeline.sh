#!/usr/bin/env bash
# The staff pipeline with 10,000 applications across 20 calls, 20 staff at once (BENCHMARKS.md,
# issue 4). Needs the dev run up (mvn -Pdev package). Seeds the applications once (they stay in
# the dev database: delete data/ to be rid of them).
# Usage: bash docs/bench/pipeline.sh [staff] [requests per staff] [think ms]   (default 20 50 0)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.PipelineLoad -Dexec.classpathScope=test \
  -Dstaff="${1:-20}" -Drequests="${2:-50}" -Dthink="${3:-0}" 2>&1 | grep -av "^WARNING\|^INFO\|^Nov\|^Dec\|^SEVERE\|htmlunit"
