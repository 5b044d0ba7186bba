#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need when it is missing,
# then runs every module's tests with Maven (and the core again on JUnit 6).
# Usage: ./test.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Debian packages the tests talk to for real; installed only when missing.
need_packages=()
command -v java >/dev/null 2>&1 || need_packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_packages+=(maven)
# PostgreSQL: the ledger and jdbc tests start throwaway clusters of their own with these binaries.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
# promtool (Prometheus' own checker) validates /selftest/metrics.
command -v promtool >/dev/null 2>&1 || need_packages+=(prometheus)
# ui probes run in headless Chromium with its driver (never downloaded at run time).
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || need_packages+=(chromium chromium-driver)
# The Ansible rolling-patch playbook is tested against local instances.
command -v ansible-playbook >/dev/null 2>&1 || need_packages+=(ansible-core)
if ((${#need_packages[@]})); then
  say "installing ${need_packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}"
fi

say "building and testing every module"
mvn -B -ntp verify "$@"

say "running the engine and the junit probe kind again on JUnit 6 (applications on JUnit 6 carry postpatch too)"
mvn -B -ntp -Pjunit6 test -pl framework/core,framework/testkit,probes/junit "$@"

say "all tests passed"
