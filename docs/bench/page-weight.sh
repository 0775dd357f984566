#!/usr/bin/env bash
# Page weight (BENCHMARKS.md): what a browser fetches, compressed, for the home page, the applying
# form, the staff table, board and application page, and the reviewer's home; first visit and
# repeat visit. Needs the dev run up (mvn -Pdev package); signs in as the demo people.
# Usage: bash docs/bench/page-weight.sh            (VERBOSE=1 lists every resource)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.PageWeight -Dexec.classpathScope=test \
  -Dverbose="$([ -n "${VERBOSE:-}" ] && echo true || echo false)" 2>&1 | grep -av "^WARNING\|^INFO\|^Nov\|^Dec\|^SEVERE\|htmlunit"
