# How rolling-patch.sh runs instances of sample-apps/orders-service (sourced by the script).
# Node N serves on port 8080+N and its /selftest endpoint on 9180+N; each node keeps its own H2
# database across versions (orders survive a patch and a rollback).
APP_NAME=orders-service
APP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../orders-service" && pwd -P)"
# What a deploy script can check from outside: the API and the form. The in-process probes (the
# database, the smoke tests, the Java probe) run inside the application, in its embedded self-test.
APP_PROBES=("$APP_ROOT/shared/src/main/resources/postpatch/api.yaml"
            "$APP_ROOT/shared/src/main/resources/postpatch/order-form.yaml")

app_artifact() { echo "$APP_ROOT/target/dist/orders-service-$1.jar"; }
app_base_url() { echo "http://127.0.0.1:$((8080 + $1))"; }
app_selftest_url() { echo "http://127.0.0.1:$((9180 + $1))/selftest"; }

app_command() { # node version java
  printf '%s\n' "$3" -XX:TieredStopAtLevel=1 -jar "$(app_artifact "$2")" "--server.port=$((8080 + $1))" \
    "--postpatch.port=$((9180 + $1))" "--postpatch.target=node-$1" "--postpatch.ledger=$POSTPATCH_LEDGER" \
    "--spring.datasource.url=jdbc:h2:file:$state/orders-node-$1;AUTO_SERVER=TRUE"
}
