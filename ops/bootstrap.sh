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
  nlohmann-json3-dev libssl-dev
  postgresql
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

install_npm_modules() {
  # Node packages used by tests (the ccxt client run against the simulator). Reinstalled only
  # when the lock file changed since the last install.
  local dir=sim/test/thirdparty
  cd "$(dirname "$0")/.."
  if [[ -f $dir/package-lock.json ]] &&
     ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.robson-installed-lock" 2>/dev/null; then
    if ! command -v npm >/dev/null; then
      echo "bootstrap: npm is missing (Node.js 20 is expected on the machine)" >&2
      exit 1
    fi
    echo "bootstrap: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.robson-installed-lock"
  fi
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
