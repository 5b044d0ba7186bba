#!/usr/bin/env bash
# Benchmarks of the http probe kind: B1 (warm, in one JVM) and B2 (cold, fresh processes).
# Each prints its own baseline, measured in the same run, and the ratio to it.
# Usage: benchmarks/run.sh [b1|b2|b3|b4|idle|snapshot|scale|gauntlet|all] [--profile] [--appcds]
#   b2: cold processes at N=20 and N=200 probes, postpatch with its ledger on (an H2 file) and off
#   idle: an application with the self-test embedded and idle vs the same application without it (RSS, CPU),
#       then 100 scheduled runs (heap, RSS and threads before and after; with the JVM's defaults and with -Xmx256m)
#   b3: GET /selftest while a probe hangs, 200 concurrent requests per round, vs a plain HttpServer
#   b4: the fleet at scale: postpatch fleet and the dashboard on a PostgreSQL ledger of 100 applications
#       x 3 targets x 90 days (needs PostgreSQL's binaries, as the tests do; not part of "all")
#   scale: validate and run of 10k-100k http probes and a 20k needs chain, fresh processes (not part of "all")
#   snapshot: baseline and verify of snapshot probes vs the same probes with a status and one JSON value
#   MAVEN_ARGS   extra Maven arguments for the build (for example -o to stay offline)
#   B1_ROUNDS    measured rounds of B1 (default 21; 10 warm-up rounds come first)
#   B2_RUNS      measured runs of each B2 process (default 11; 2 warm-up runs come first)
#   B2_SIZES     the suite sizes of B2, comma-separated (default 20,200)
#   IDLE_ROUNDS  starts of each side of the idle benchmark (default 3); IDLE_SECONDS the idle window (default 10)
#   B4_RUNS      measured runs of each B4 measurement (default 7)
# Builds with `mvn package` only (never install), into benchmarks/target.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

which="${1:-all}"
shift || true

echo "==> building the command line and the harness (mvn package)"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} package -DskipTests -pl benchmarks,framework/cli -am

harness=benchmarks/target/benchmarks.jar
postpatch_jar=framework/cli/target/postpatch.jar
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "==> machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$which" == "b1" || "$which" == "all" ]]; then
  echo
  "$java_bin" -Dsun.net.httpserver.nodelay=true -cp "$harness" org.postpatch.benchmarks.WarmBenchmark \
    200 "${B1_ROUNDS:-21}" 10
fi

if [[ "$which" == "b3" || "$which" == "all" ]]; then
  echo
  "$java_bin" -Dsun.net.httpserver.nodelay=true -cp "$harness" org.postpatch.benchmarks.EndpointBenchmark 200 10
fi

if [[ "$which" == "snapshot" || "$which" == "all" ]]; then
  echo
  "$java_bin" -Dsun.net.httpserver.nodelay=true -cp "$harness" org.postpatch.benchmarks.SnapshotBenchmark \
    100 "${SNAPSHOT_ROUNDS:-21}" 5
fi

if [[ "$which" == "b2" || "$which" == "all" ]]; then
  echo
  "$java_bin" -Dsun.net.httpserver.nodelay=true -cp "$harness" org.postpatch.benchmarks.ColdBenchmark \
    bin/postpatch "$postpatch_jar" "$harness" "${B2_RUNS:-11}" "${B2_SIZES:-20,200}" "$@"
fi

if [[ "$which" == "idle" || "$which" == "all" ]]; then
  echo
  "$java_bin" -cp "$harness" org.postpatch.benchmarks.IdleBenchmark "$harness" "${IDLE_ROUNDS:-3}" "${IDLE_SECONDS:-10}" 100
fi

if [[ "$which" == "b4" ]]; then
  echo
  "$java_bin" -cp "$harness" org.postpatch.benchmarks.FleetBenchmark bin/postpatch "$postpatch_jar" "${B4_RUNS:-7}"
fi

# scale: validate and run of 10k to 100k http probes and of a 20k needs chain as fresh processes, wall
# time, CPU time and maximum RSS (not part of "all"; SCALE_SIZES=10000,20000 and SCALE_CHAIN=0 for a shorter run)
if [[ "$which" == "scale" ]]; then
  echo
  "$java_bin" -cp "$harness" org.postpatch.benchmarks.ScaleBenchmark bin/postpatch "$postpatch_jar" \
    "${SCALE_SIZES:-10000,20000,50000,100000}" "${SCALE_CHAIN:-20000}"
fi

# The patch gauntlet (not part of `all`; 15-25 minutes): seeded patches of the sample applications
# and no-op restarts under a CPU hog, through bin/postpatch baseline / verify --wait --app-port.
#   GAUNTLET_RESTARTS (default 30), GAUNTLET_ORDERS_RESTARTS (how many of them of orders-service,
#   default 10), GAUNTLET_HOG (the hog's busy threads, default 4), GAUNTLET_JAVA_17 and GAUNTLET_JAVA_25
#   (the JVM switch's two java executables), GAUNTLET_ONLY (a regular expression: only the seeded
#   patches whose "app: name" it finds).
if [[ "$which" == "gauntlet" ]]; then
  echo "==> building the sample applications and the gauntlet's seeded patches (mvn package -Pgauntlet)"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_ARGS:-} package -DskipTests -Pgauntlet -pl sample-apps/orders-service/versions/1.0.1,\
sample-apps/orders-service/versions/1.0.1-lib,sample-apps/inventory-legacy/release-2.3.0,\
sample-apps/inventory-legacy/release-2.3.1,benchmarks/gauntlet/orders-service/1.0.2-json,\
benchmarks/gauntlet/orders-service/1.0.2-form,benchmarks/gauntlet/orders-service/1.0.3-template,\
benchmarks/gauntlet/orders-service/1.0.3-slow,benchmarks/gauntlet/inventory-legacy/2.3.2-slow -am
  echo
  # exec: a signal to this script reaches the gauntlet, whose shutdown hook stops every process it started
  exec "$java_bin" ${GAUNTLET_ONLY:+"-Dgauntlet.only=$GAUNTLET_ONLY"} -cp "$harness" org.postpatch.benchmarks.gauntlet.Gauntlet \
    . "${GAUNTLET_JAVA_17:-$(readlink -f "$(command -v "$java_bin")")}" "${GAUNTLET_JAVA_25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" \
    "${GAUNTLET_RESTARTS:-30}" "${GAUNTLET_ORDERS_RESTARTS:-10}" "${GAUNTLET_HOG:-4}"
fi
