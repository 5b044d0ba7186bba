#!/usr/bin/env bash
# A rolling patch of local application instances, node by node, the way postpatch is meant to be
# used in deploy scripts: baseline, stop, patch, start, verify, and on a failed verify roll the
# node back, record the rollback and stop the rollout.
#
#   rolling-patch.sh start  --app apps/inventory-legacy.profile --nodes 3 --version 2.3.0
#   rolling-patch.sh patch  --app apps/inventory-legacy.profile --nodes 3 --from 2.3.0 --to 2.3.1
#   rolling-patch.sh status --app apps/inventory-legacy.profile --nodes 3
#   rolling-patch.sh stop   --app apps/inventory-legacy.profile --nodes 3
#
# Node-level commands (used by the Ansible playbook too):
#   rolling-patch.sh start-node --app P --node 2 --version 2.3.1 [--java /path/to/java]
#   rolling-patch.sh stop-node  --app P --node 2
#
# Options: --state DIR (pids, logs, reports, the ledger; default ./.fleet), --java PATH (the JVM
# the instances run on; --to-java for a JVM patch), --ledger URL (default: an H2 file in the state
# folder, shared by the instances and postpatch), --wait DURATION (how long verify waits for a
# restarted node, default 120s). POSTPATCH_TOKEN is generated in the state folder if not set.
# Exit codes: 0 every node patched; 1 a node failed its verify and was rolled back (rollout stopped);
# 2 bad usage; 3 a node could not be verified or rolled back.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
postpatch="${POSTPATCH:-$here/../../bin/postpatch}"

command="${1:-}"
[[ -n "$command" ]] && shift || true
app="" nodes=1 node="" version="" from="" to="" state="${PWD}/.fleet" java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
to_java="" ledger="" wait_for="120s"
while (($#)); do
  case "$1" in
    --app) app="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --to) to="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --java) java="$2"; shift 2 ;;
    --to-java) to_java="$2"; shift 2 ;;
    --ledger) ledger="$2"; shift 2 ;;
    --wait) wait_for="$2"; shift 2 ;;
    *) echo "rolling-patch: unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
[[ -n "$app" && -f "$app" ]] || { echo "rolling-patch: --app must name an application profile (apps/*.profile)" >&2; exit 2; }
[[ "$nodes" =~ ^[1-9][0-9]*$ ]] || { echo "rolling-patch: --nodes must be a positive number, was '$nodes'" >&2; exit 2; }

mkdir -p "$state"
state="$(cd "$state" && pwd -P)"
ledger="${ledger:-$state/ledger}"
if [[ -z "${POSTPATCH_TOKEN:-}" ]]; then
  [[ -f "$state/token" ]] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$state/token")
  POSTPATCH_TOKEN="$(cat "$state/token")"
fi
export POSTPATCH_TOKEN POSTPATCH_LEDGER="$ledger"

# The profile defines: APP_NAME, APP_PROBES (an array of probe files or folders), app_artifact VERSION,
# app_command NODE VERSION JAVA
# (prints the command line, one argument per line), app_base_url NODE, app_selftest_url NODE.
# shellcheck source=/dev/null
source "$app"

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }
pid_file() { echo "$state/node-$1.pid"; }
version_file() { echo "$state/node-$1.version"; }

running() {
  local pid
  [[ -f "$(pid_file "$1")" ]] && pid="$(cat "$(pid_file "$1")")" && kill -0 "$pid" 2>/dev/null
}

start_node() { # node version java
  local n="$1" v="$2" j="$3"
  local artifact; artifact="$(app_artifact "$v")"
  [[ -f "$artifact" ]] || { say "node-$n: no artifact for version $v ($artifact); build it first"; return 3; }
  running "$n" && { say "node-$n: already running"; return 0; }
  local -a cmd=()
  mapfile -t cmd < <(app_command "$n" "$v" "$j")
  nohup "${cmd[@]}" > "$state/node-$n.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$n")"
  echo "$v" > "$(version_file "$n")"
  say "node-$n: started $APP_NAME $v on $("$j" -version 2>&1 | head -1) (pid $!, $(app_base_url "$n"))"
}

stop_node() { # node
  local n="$1" pid
  [[ -f "$(pid_file "$n")" ]] || return 0
  pid="$(cat "$(pid_file "$n")")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    say "node-$n: stopped (pid $pid)"
  fi
  rm -f "$(pid_file "$n")"
}

probe_args() { # node
  echo "--target"; echo "node-$1"
  echo "--var"; echo "base=$(app_base_url "$1")"
  echo "--fingerprint-url"; echo "$(app_selftest_url "$1")"
  echo "--ledger"; echo "$ledger"
}

patch_fleet() {
  [[ -n "$from" && -n "$to" ]] || { echo "rolling-patch: patch needs --from and --to" >&2; exit 2; }
  local patched=() n
  rolled_back=""
  local artifact; artifact="$(app_artifact "$to")"
  [[ -f "$artifact" ]] || { say "no artifact for version $to ($artifact): nothing was touched"; exit 3; }
  rm -f "$state"/verify-node-*.json "$state"/verify-node-*.html
  say "rolling patch of $nodes node(s) of $APP_NAME: $from -> $to${to_java:+ on $to_java}"
  for n in $(seq 1 "$nodes"); do
    local -a args=()
    mapfile -t args < <(probe_args "$n")
    say "node-$n: baseline"
    if ! "$postpatch" baseline "${args[@]}" "${APP_PROBES[@]}"; then
      say "node-$n: the baseline could not be recorded; stopping the rollout before touching this node"
      summary "${patched[@]}"; exit 3
    fi
    stop_node "$n"
    start_node "$n" "$to" "${to_java:-$java}" || { summary "${patched[@]}"; exit 3; }
    say "node-$n: verify"
    local report="$state/verify-node-$n.json" code=0
    "$postpatch" verify "${args[@]}" --wait "$wait_for" --report "json=$report" --report "html=$state/verify-node-$n.html" \
      "${APP_PROBES[@]}" || code=$?
    if [[ $code -eq 0 ]]; then
      patched+=("node-$n")
      say "node-$n: patched to $to"
      continue
    fi
    say "node-$n: verify failed (exit $code): rolling back to $from"
    rolled_back="node-$n"
    stop_node "$n"
    if ! start_node "$n" "$from" "$java"; then
      say "node-$n: the rollback could not start $from: the node is DOWN; stopping the rollout"
      summary "${patched[@]}"; exit 3
    fi
    if [[ -f "$report" ]]; then
      local run_id; run_id="$(sed -n 's/^  "runId" : "\(.*\)",$/\1/p' "$report" | head -1)"
      [[ -n "$run_id" ]] && "$postpatch" history --ledger "$ledger" --target "node-$n" --limit 3 --mark-rolled-back "$run_id" >/dev/null \
        && say "node-$n: rollback recorded in the ledger (run $run_id)"
    fi
    summary "${patched[@]}"
    say "rollout stopped at node-$n; nodes after it were not touched"
    exit $((code == 1 ? 1 : 3))
  done
  summary "${patched[@]}"
}

rolled_back=""

summary() {
  echo
  echo "Rollout summary ($APP_NAME, $from -> $to):"
  local n
  for n in $(seq 1 "$nodes"); do
    local now="-"
    [[ -f "$(version_file "$n")" ]] && now="$(cat "$(version_file "$n")")"
    local mark="not patched"
    [[ " $* " == *" node-$n "* ]] && mark="patched"
    [[ "$rolled_back" == "node-$n" ]] && mark="ROLLED BACK"
    printf '  node-%-3s %-12s running %s\n' "$n" "$mark" "$now"
  done
  echo "History: $postpatch history --ledger $ledger"
}

case "$command" in
  start)
    [[ -n "$version" ]] || { echo "rolling-patch: start needs --version" >&2; exit 2; }
    for n in $(seq 1 "$nodes"); do start_node "$n" "$version" "$java"; done ;;
  stop)
    for n in $(seq 1 "$nodes"); do stop_node "$n"; done ;;
  status)
    for n in $(seq 1 "$nodes"); do
      if running "$n"; then echo "node-$n running $(cat "$(version_file "$n")") pid $(cat "$(pid_file "$n")")"; else echo "node-$n stopped"; fi
    done ;;
  patch) patch_fleet ;;
  start-node)
    [[ -n "$node" && -n "$version" ]] || { echo "rolling-patch: start-node needs --node and --version" >&2; exit 2; }
    start_node "$node" "$version" "$java" ;;
  stop-node)
    [[ -n "$node" ]] || { echo "rolling-patch: stop-node needs --node" >&2; exit 2; }
    stop_node "$node" ;;
  *) echo "rolling-patch: usage: rolling-patch.sh start|patch|status|stop|start-node|stop-node --app PROFILE ..." >&2; exit 2 ;;
esac
