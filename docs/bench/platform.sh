#!/usr/bin/env bash
# Platform benchmark: portal cold start, heap after start + full GC, home page transfer size.
#
# Needs the dev run up in another terminal (mvn -Pdev package: PostgreSQL and Keycloak on their
# dev ports) and a built WAR. Starts a second, throwaway portal on port 8090 against them, RUNS
# times, and prints one line per run (wall time to the first page, and the CPU time the JVM used
# by then, which varies less than wall time on a shared machine), then the page weight.
# The JVM options are production's (src/main/payara/java.options: both JIT compilers); the dev
# run and the tests add -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m (devstack/Portal).
#
#   bash docs/bench/platform.sh            # a training run, then 5 runs with its cache
#   CDS=0 RUNS=3 bash docs/bench/platform.sh   # without the cache
#   RUNS=0 bash docs/bench/platform.sh     # page weight only
#   EXTRA_OPTIONS="-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m" bash docs/bench/platform.sh   # as the dev run starts
#   JAVA_OPTIONS="-Xmx512m -Xmn256m -XX:+UseSerialGC" bash docs/bench/platform.sh   # other options altogether
#   DEV_PORTAL=18080 DEV_KEYCLOAK=18180 DEV_POSTGRES=25432 bash docs/bench/platform.sh   # a dev run on other ports
#
# On JDK 25+ the cache is an ahead-of-time cache (-XX:AOTCacheOutput, then -XX:AOTCache); before,
# a dynamic class-data-sharing archive.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
PORT=${PORT:-8090}
DEV_PORTAL=${DEV_PORTAL:-8080}
DEV_KEYCLOAK=${DEV_KEYCLOAK:-8180}
DEV_POSTGRES=${DEV_POSTGRES:-15432}
JAVA=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java
WORK=$(mktemp -d)
trap 'kill ${PID:-}  2>/dev/null || true; rm -rf "$WORK"' EXIT

# Payara's runtime unpacked once with its launcher, as the dev run does (devstack/Portal.java).
"$JAVA" -jar target/stack/payara-micro.jar --rootdir "$WORK/root" --outputlauncher > "$WORK/unpack.log" 2>&1
OPTIONS="${JAVA_OPTIONS:-$(grep -v '^#' src/main/payara/java.options | tr '\n' ' ')} ${EXTRA_OPTIONS:-}"
if [ "$("$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCacheOutput ')" = 1 ]; then
  RECORD="-XX:AOTCacheOutput=$WORK/root/hamkke.aot"; USE="-XX:AOTCache=$WORK/root/hamkke.aot"
else
  RECORD="-XX:ArchiveClassesAtExit=$WORK/root/hamkke.jsa"; USE="-XX:SharedArchiveFile=$WORK/root/hamkke.jsa"
fi

forget_deployed() {  # Payara would redeploy the previous WAR first
  rm -rf "$WORK/root/applications"
  perl -0pi -e 's{<application [^>]*?object-type="user".*?</application>}{}gs; s{<application-ref [^>]*?ref="(?!__)[^"]*"[^>]*?(/>|></application-ref>)}{}g' "$WORK/root/config/domain.xml"
}

start_portal() {  # $1: extra JVM options
  forget_deployed
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $OPTIONS $1 \
    -Dhamkke.db.url=jdbc:postgresql://localhost:$DEV_POSTGRES/hamkke -Dhamkke.db.user=postgres -Dhamkke.demo-data=true -Dhamkke.dev-mode=true \
    -Dhamkke.oidc.provider-uri=http://localhost:$DEV_KEYCLOAK/realms/hamkke \
    -Dhamkke.portal.base-url=http://localhost:$PORT \
    -jar "$WORK/root/launch-micro.jar" --deploy target/hamkke.war --contextroot / --port "$PORT" \
    --nocluster --prebootcommandfile src/main/payara/pre-boot.asadmin > "$WORK/portal.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/")" = 200 ]; do sleep 0.05; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  read -r -a stat < "/proc/$PID/stat"   # utime and stime, in clock ticks, of all its threads
  cpu=$(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) ))
}

stop_portal() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

if [ "${CDS:-1}" = 1 ] && [ "$RUNS" -gt 0 ]; then
  start_portal "$RECORD"
  echo "training run (records the cache when it stops): ${ms} ms, CPU ${cpu} ms"
  stop_portal
  JVM_OPTS="$USE"
else
  JVM_OPTS=""
fi

for run in $(seq 1 "$RUNS"); do
  start_portal "$JVM_OPTS"
  jcmd "$PID" GC.run > /dev/null
  heap=$(jcmd "$PID" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | awk '{s+=$1} END {printf "%d", s/1024}')
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 ))
  deployed=$(sed -n 's/.*was successfully deployed in \([0-9,]*\) milliseconds.*/\1/p' "$WORK/portal.log" | tr -d ,)
  echo "run $run (${JVM_OPTS:-no cache}): first page served after ${ms} ms, CPU ${cpu} ms (deploy ${deployed} ms), heap used after full GC ${heap} MB, RSS ${rss} MB"
  stop_portal
done

# Page weight as a browser on a first and a repeat visit sees it (gzip, cache headers honoured).
base="http://localhost:$DEV_PORTAL"
html=$(curl -s --compressed "$base/")
first=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base/")
total=$first
# What a browser fetches: stylesheets, scripts and images (not the links to other pages).
for url in $(grep -oE '<(link|script|img)[^>]*(href|src)="/[^"]+"' <<< "$html" | grep -oE '(href|src)="/[^"]+"' \
    | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g' | sort -u); do
  size=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$url")
  cache=$(curl -s -I -H 'Accept-Encoding: gzip' "$base$url" | tr -d '\r' | grep -iE '^(cache-control|expires):' | tr '\n' ' ' || true)
  echo "  $size bytes  $url  [$cache]"
  total=$((total + size))
done
echo "home page, first visit: $total bytes compressed (HTML $first + resources)"
echo "home page, repeat visit: $first bytes (resources are versioned and cached for a year)"
