#!/usr/bin/env bash
# The postpatch demo, one command on a fresh machine: two applications, each on two nodes, are
# patched node by node and test themselves after every patch; one ledger remembers it all, and
# `postpatch fleet` tells which patch broke what.
#
#   ./demo.sh            (about 10 minutes here; DEMO_KEEP=1 leaves the nodes and the dashboard running)
#
# 1. builds postpatch, orders-service (1.0.0, 1.0.1, 1.0.2, 1.0.1-lib) and inventory-legacy (2.3.0, 2.3.1)
# 2. starts orders-service 1.0.0 and inventory-legacy 2.3.0 on node-1 and node-2; each tests itself
# 3. a good patch of orders-service (1.0.1): baseline before and verify after, node by node
# 4. a bad patch of orders-service (1.0.2): regressions caught and named on node-1, which is rolled
#    back; node-2 is never touched
# 5. a JVM patch (OpenJDK 17 -> Temurin 25): orders-service on node-2 notices it by itself;
#    inventory-legacy gets it as a rolling patch on both nodes
# 6. postpatch fleet: every application on every node, the bad patch attributed to the change that
#    carried it, the JVM patch verified; then the dashboard's address
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"
scripts="$root/sample-apps/deploy-scripts"
profile="$scripts/apps/orders-service.profile"
inventory_profile="$scripts/apps/inventory-legacy.profile"
state="$root/.demo"
dashboard_port=9092
nodes=2
temurin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

bold=$'\e[1m' dim=$'\e[2m' reset=$'\e[0m'
[[ -t 1 && -z "${NO_COLOR:-}" ]] || { bold="" dim="" reset=""; }
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$reset"; }
note() { printf '%s    %s%s\n' "$dim" "$*" "$reset"; }

fleet() { "$scripts/rolling-patch.sh" "$1" --app "$profile" --nodes "$nodes" --state "$state" "${@:2}"; }
# inventory-legacy keeps its pids and logs in a folder of its own and records into the same ledger.
inventory() {
  "$scripts/rolling-patch.sh" "$1" --app "$inventory_profile" --nodes "$nodes" --state "$state/inventory" \
    --ledger "$POSTPATCH_LEDGER" "${@:2}"
}

cleanup() {
  if [[ -z "${DEMO_KEEP:-}" ]]; then
    fleet stop >/dev/null 2>&1 || true
    inventory stop >/dev/null 2>&1 || true
    if [[ -f "$state/dashboard.pid" ]]; then
      kill -TERM "$(cat "$state/dashboard.pid")" 2>/dev/null || true
      rm -f "$state/dashboard.pid"
    fi
  fi
}
trap cleanup EXIT
trap 'echo; echo "demo interrupted"; exit 130' INT TERM

command -v java >/dev/null || { echo "demo: Java 17+ is needed (apt-get install -y openjdk-17-jdk-headless)"; exit 1; }
command -v mvn >/dev/null || { echo "demo: Maven is needed (apt-get install -y maven)"; exit 1; }
command -v curl >/dev/null || { echo "demo: curl is needed (apt-get install -y curl)"; exit 1; }

step "1/6  Building postpatch and the sample applications (mvn package; a few minutes the first time)"
mvn -B -q -ntp package -DskipTests -pl framework/cli,sample-apps/orders-service/tests,sample-apps/inventory-legacy/release-2.3.0,sample-apps/inventory-legacy/release-2.3.1 -am
note "artifacts: $(cd sample-apps/orders-service/target/dist && ls *.jar | tr '\n' ' ')$(cd sample-apps/inventory-legacy/target/dist && ls *.jar | tr '\n' ' ')"

rm -rf "$state"
mkdir -p "$state"
export POSTPATCH_TOKEN="demo-token-$RANDOM$RANDOM"
export POSTPATCH_LEDGER="$state/ledger"
echo "$POSTPATCH_TOKEN" > "$state/token"

wait_for_selftest() { # node [port base] [name]: until its embedded self-test has a verdict; prints the summary line
  local url="http://127.0.0.1:$((${2:-9180} + $1))/selftest" body="" name="${3:-orders-service}"
  for _ in $(seq 1 180); do
    body="$(curl -s -H "Authorization: Bearer $POSTPATCH_TOKEN" "$url" || true)"
    if [[ "$body" == *'"phase":"IDLE"'* && "$body" == *'"lastRunAt"'* ]]; then
      local status; status="$(grep -o '"status":"[A-Z_]*"' <<<"$body" | head -1 | cut -d'"' -f4)"
      note "$name on node-$1, embedded self-test: $status  ($url)"
      return 0
    fi
    sleep 1
  done
  note "$name on node-$1: no self-test verdict after 3 minutes ($url)"
}

step "2/6  Starting orders-service 1.0.0 and inventory-legacy 2.3.0 on node-1 and node-2 (each tests itself on its first start)"
fleet start --version 1.0.0
inventory start --version 2.3.0
for n in 1 2; do wait_for_selftest "$n"; done
for n in 1 2; do wait_for_selftest "$n" 19090 inventory-legacy; done

step "3/6  A good patch of orders-service, 1.0.0 -> 1.0.1, node by node: baseline, stop, patch, start, verify"
fleet patch --from 1.0.0 --to 1.0.1 --wait 180s
note "both nodes run 1.0.1; every verify passed"

step "4/6  A bad patch of orders-service, 1.0.1 -> 1.0.2 (a renamed JSON field and a broken order form)"
code=0
fleet patch --from 1.0.1 --to 1.0.2 --wait 180s || code=$?
if [[ $code -ne 1 ]]; then
  echo "demo: expected the rollout to stop on a caught regression (exit 1), but it ended with exit $code"; exit 1
fi
note "node-1 was rolled back to 1.0.1 and the rollout stopped: node-2 was never touched"
wait_for_selftest 1

step "5/6  A JVM patch: the same jars, restarted on Temurin 25 instead of OpenJDK 17"
if [[ -x "$temurin" ]]; then
  note "orders-service on node-2: no deploy script runs; the application notices its new fingerprint and tests itself"
  "$scripts/rolling-patch.sh" stop-node --app "$profile" --node 2 --state "$state"
  "$scripts/rolling-patch.sh" start-node --app "$profile" --node 2 --version 1.0.1 --java "$temurin" --state "$state"
  note "inventory-legacy on both nodes: a rolling JVM patch, baseline and verify on each node"
  inventory patch --from 2.3.0 --to 2.3.0 --to-java "$temurin" --wait 120s
  wait_for_selftest 2
else
  note "skipped: $temurin is not installed"
fi

step "6/6  The fleet, as the ledger remembers it: postpatch fleet"
code=0
bin/postpatch fleet --ledger "$POSTPATCH_LEDGER" || code=$?
echo
note "exit $code: $([[ $code -eq 0 ]] && echo "no target is FAILING" || echo "a target is FAILING")"

nohup bin/postpatch dashboard --ledger "$POSTPATCH_LEDGER" --port "$dashboard_port" --bind 127.0.0.1 \
  > "$state/dashboard.log" 2>&1 < /dev/null &
echo $! > "$state/dashboard.pid"
dashboard="http://127.0.0.1:$dashboard_port/"
for _ in $(seq 1 60); do curl -sf -o /dev/null "$dashboard" && break; sleep 1; done

echo
echo "${bold}Where to look${reset}"
echo "  the dashboard:                     $dashboard  (sign in with the token: $POSTPATCH_TOKEN)"
echo "  HTML report of the failed verify:  file://$state/verify-node-1.html"
echo "  every run:                         bin/postpatch history --ledger $POSTPATCH_LEDGER"
echo "  the endpoint of orders on node-2:  curl -H 'Authorization: Bearer $POSTPATCH_TOKEN' http://127.0.0.1:9182/selftest"
echo "  its metrics and report:            http://127.0.0.1:9182/selftest/metrics, .../selftest/report (same token)"
if [[ -n "${DEMO_KEEP:-}" ]]; then
  echo "  the nodes and the dashboard keep running (DEMO_KEEP); stop them with:"
  echo "    $scripts/rolling-patch.sh stop --app $profile --nodes 2 --state $state"
  echo "    $scripts/rolling-patch.sh stop --app $inventory_profile --nodes 2 --state $state/inventory"
  echo "    kill \$(cat $state/dashboard.pid)"
else
  echo "  (the nodes and the dashboard are stopped now; run with DEMO_KEEP=1 to keep them running and try the links)"
fi
