#!/usr/bin/env bash
# Benchmarks of the http probe kind: B1 (warm, in one JVM) and B2 (cold, fresh processes).
# Each prints its own baseline, measured in the same run, and the ratio to it.
# Usage: benchmarks/run.sh [b1|b2|b3|b4|idle|snapshot|all] [--profile] [--appcds]
#   b2: cold processes at N=20 and N=200 probes, postpatch with its ledger on (an H2 file) and off
#   idle: an application with the self-test embedded and idle vs the same application without it (RSS, CPU),
#       then 100 scheduled runs (heap, RSS and threads before and after)
#   b3: GET /selftest while a probe hangs, 200 concurrent requests per round, vs a plain HttpServer
#   b4: the fleet at scale: postpatch fleet and the dashboard on a PostgreSQL ledger of 100 applications
#       x 3 targets x 90 days (needs PostgreSQL's binaries, as the tests do; not part of "all")
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
