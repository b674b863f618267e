#!/usr/bin/env bash
# Installs what Robson needs to build, test and run, and nothing that is already there.
# Idempotent: a second run on a ready machine installs nothing and takes about a second.
# Used by both `make run` and `make test` (and so by CI on a fresh Debian machine, as root).
set -euo pipefail

# The design card's libraries plus the toolchain and the tools the tests use.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git curl
  clang-format clang-tidy
  libboost-test-dev libbenchmark-dev
  libzmq3-dev cppzmq-dev libmsgpack-cxx-dev libpoco-dev libpqxx-dev prometheus-cpp-dev
  nlohmann-json3-dev libssl-dev libsodium-dev
  postgresql
  chromium
  wrk  # make bench: the API's status reads under load (tests/bench/run_system_bench.sh)
  prometheus
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

require_node() {
  # The web UI's tools (Vite 8) need Node.js >= 20.19; Debian 12's own nodejs is 18, so the
  # machine's Node is used and never replaced behind the person's back.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "bootstrap: Node.js >= 20.19 with npm is needed (https://nodejs.org); not found" >&2
    exit 1
  fi
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
                process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "bootstrap: Node.js >= 20.19 is needed, found $(node --version)" >&2
    exit 1
  fi
}

install_npm_modules() {
  # Node packages: the web UI (web/) and the ccxt client run against the simulator. Each is
  # reinstalled only when its lock file changed since the last install.
  cd "$(dirname "$0")/.."
  local dir
  for dir in web sim/test/thirdparty; do
    if [[ -f $dir/package-lock.json ]] &&
       ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.robson-installed-lock" 2>/dev/null; then
      require_node
      echo "bootstrap: npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$dir/package-lock.json" "$dir/node_modules/.robson-installed-lock"
    fi
  done
}

if ((${#missing[@]} == 0)); then
  install_npm_modules
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
install_npm_modules
