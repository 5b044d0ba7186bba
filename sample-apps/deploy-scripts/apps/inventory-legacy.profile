# How rolling-patch.sh runs instances of sample-apps/inventory-legacy (sourced by the script).
# Node N serves its API on port 18080+N and its /selftest endpoint on 19090+N.
APP_NAME=inventory-legacy
APP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../inventory-legacy" && pwd -P)"
APP_PROBES=("$APP_ROOT/src/main/resources/postpatch")

app_artifact() { echo "$APP_ROOT/target/dist/inventory-legacy-$1.jar"; }
app_base_url() { echo "http://127.0.0.1:$((18080 + $1))"; }
app_selftest_url() { echo "http://127.0.0.1:$((19090 + $1))/selftest"; }

app_command() { # node version java
  printf '%s\n' "$3" -Dsun.net.httpserver.nodelay=true "-Dinventory.port=$((18080 + $1))" \
    "-Dpostpatch.port=$((19090 + $1))" "-Dpostpatch.target=node-$1" -jar "$(app_artifact "$2")"
}
