#!/usr/bin/env bash
# The postpatch demo, one command on a fresh machine: an application running on two nodes is
# patched, node by node, and tests itself after every patch.
#
#   ./demo.sh            (about 5-10 minutes here; DEMO_KEEP=1 leaves the nodes running at the end)
#
# 1. builds postpatch and the sample orders-service (four real artifacts: 1.0.0, 1.0.1, 1.0.2, 1.0.1-lib)
# 2. starts two instances of 1.0.0; each tests itself on its first start
# 3. a good patch (1.0.1): rolled out on both nodes, baseline before and verify after each
# 4. a bad patch (1.0.2): the regressions are caught and named on node-1, which is rolled back;
#    node-2 is never touched
# 5. a JVM patch (OpenJDK 17 -> Temurin 25) of node-2: detected by the embedded self-test by itself
# 6. postpatch history, and where to open the HTML report and the endpoint
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"
scripts="$root/sample-apps/deploy-scripts"
profile="$scripts/apps/orders-service.profile"
state="$root/.demo"
nodes=2
temurin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

bold=$'\e[1m' dim=$'\e[2m' reset=$'\e[0m'
[[ -t 1 && -z "${NO_COLOR:-}" ]] || { bold="" dim="" reset=""; }
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$reset"; }
note() { printf '%s    %s%s\n' "$dim" "$*" "$reset"; }

fleet() { "$scripts/rolling-patch.sh" "$1" --app "$profile" --nodes "$nodes" --state "$state" "${@:2}"; }

cleanup() {
  if [[ -z "${DEMO_KEEP:-}" ]]; then
    fleet stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'echo; echo "demo interrupted"; exit 130' INT TERM

command -v java >/dev/null || { echo "demo: Java 17+ is needed (apt-get install -y openjdk-17-jdk-headless)"; exit 1; }
command -v mvn >/dev/null || { echo "demo: Maven is needed (apt-get install -y maven)"; exit 1; }
command -v curl >/dev/null || { echo "demo: curl is needed (apt-get install -y curl)"; exit 1; }

step "1/6  Building postpatch and the sample application (mvn package; a few minutes the first time)"
mvn -B -q -ntp package -DskipTests -pl framework/cli,sample-apps/orders-service/tests -am
note "artifacts: $(cd sample-apps/orders-service/target/dist && ls *.jar | tr '\n' ' ')"

rm -rf "$state"
mkdir -p "$state"
export POSTPATCH_TOKEN="demo-token-$RANDOM$RANDOM"
export POSTPATCH_LEDGER="$state/ledger"
echo "$POSTPATCH_TOKEN" > "$state/token"

wait_for_selftest() { # node: until its embedded self-test has a verdict; prints the summary line
  local url="http://127.0.0.1:$((9180 + $1))/selftest" body=""
  for _ in $(seq 1 180); do
    body="$(curl -s -H "Authorization: Bearer $POSTPATCH_TOKEN" "$url" || true)"
    if [[ "$body" == *'"phase":"IDLE"'* && "$body" == *'"lastRunAt"'* ]]; then
      local status; status="$(grep -o '"status":"[A-Z_]*"' <<<"$body" | head -1 | cut -d'"' -f4)"
      note "node-$1 embedded self-test: $status  ($url)"
      return 0
    fi
    sleep 1
  done
  note "node-$1: no self-test verdict after 3 minutes ($url)"
}

step "2/6  Starting two instances of orders-service 1.0.0 (each tests itself on its first start)"
fleet start --version 1.0.0
for n in 1 2; do wait_for_selftest "$n"; done

step "3/6  A good patch, 1.0.0 -> 1.0.1, node by node: baseline, stop, patch, start, verify"
fleet patch --from 1.0.0 --to 1.0.1 --wait 180s
note "both nodes run 1.0.1; every verify passed"

step "4/6  A bad patch, 1.0.1 -> 1.0.2 (a renamed JSON field and a broken order form)"
code=0
fleet patch --from 1.0.1 --to 1.0.2 --wait 180s || code=$?
if [[ $code -ne 1 ]]; then
  echo "demo: expected the rollout to stop on a caught regression (exit 1), but it ended with exit $code"; exit 1
fi
note "node-1 was rolled back to 1.0.1 and the rollout stopped: node-2 was never touched"

step "5/6  A JVM patch of node-2: the same jar, restarted on Temurin 25 instead of OpenJDK 17"
if [[ -x "$temurin" ]]; then
  "$scripts/rolling-patch.sh" stop-node --app "$profile" --node 2 --state "$state"
  "$scripts/rolling-patch.sh" start-node --app "$profile" --node 2 --version 1.0.1 --java "$temurin" --state "$state"
  note "no deploy script runs now: the application notices its new fingerprint and tests itself"
  sleep 5
  wait_for_selftest 2
else
  note "skipped: $temurin is not installed"
fi

step "6/6  What the ledger remembers: postpatch history"
bin/postpatch history --ledger "$POSTPATCH_LEDGER" --limit 12

echo
echo "${bold}Where to look${reset}"
echo "  HTML report of the failed verify:  file://$state/verify-node-1.html"
echo "  the endpoint of node-2:            curl -H 'Authorization: Bearer $POSTPATCH_TOKEN' http://127.0.0.1:9182/selftest"
echo "  its metrics and report:            http://127.0.0.1:9182/selftest/metrics, .../selftest/report (same token)"
if [[ -n "${DEMO_KEEP:-}" ]]; then
  echo "  the nodes keep running (DEMO_KEEP); stop them with: $scripts/rolling-patch.sh stop --app $profile --nodes 2 --state $state"
else
  echo "  (the nodes are stopped now; run with DEMO_KEEP=1 to keep them running and try the links)"
fi
