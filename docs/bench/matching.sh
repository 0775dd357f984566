#!/usr/bin/env bash
# The incubation round's mentor matching (RoundMatcher): 500 ventures and 100 mentors, seeded, in
# plain Java (no stack needed). Five warm-up runs, then ten timed; prints min/median/max ms, how
# many ventures were placed and the total score.
# Usage: bash docs/bench/matching.sh [ventures] [mentors]   (default 500 100)
# BENCH_OPTS=-Dseed=7 matches another round.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.RoundMatchingBench -Dexec.classpathScope=test \
  ${BENCH_OPTS:-} -Dventures="${1:-500}" -Dmentors="${2:-100}" \
  2>&1 | grep --line-buffered -av "^WARNING\|^INFO\|^SEVERE"
