#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what Bridge needs from Debian 12's packages, skipping what is
# already there. Needs root (or sudo) only when something is missing.
# `scripts/setup.sh demo` installs only what the demo builds and runs;
# with no argument, also what the tests, benchmarks and packaging use
# (a browser, promtool, clang-format, help2man: more than half of the
# download on a new machine).
set -euo pipefail

scope="${1:-all}"
case "$scope" in
  all | demo) ;;
  *) echo "usage: $0 [all|demo]" >&2; exit 2 ;;
esac

packages=(
  # build
  g++ cmake ninja-build ccache pkg-config lld
  # libraries
  libcaf-dev libpqxx-dev libhiredis-dev libsimdjson-dev libspdlog-dev
  libboost-test-dev libcurl4-openssl-dev libcpp-httplib-dev prometheus-cpp-dev
  libtomlplusplus-dev libcli11-dev libsystemd-dev
  # services and translation
  postgresql-15 postgresql-client-15 redis-server redis-tools
  apertium apertium-eng-spa
  # more languages, joined to English through Spanish (or Catalan): the
  # translator pivots where no direct pair is installed. apertium-es-ro
  # installs ro->es only, so Romanian is not offered until a way back is.
  apertium-es-pt apertium-fr-es apertium-spa-ita apertium-spa-cat
  apertium-eng-cat apertium-es-gl apertium-es-ro
)
if [ "$scope" = all ]; then
  packages+=(
    # the format check
    clang-format
    # tools the scripts, plots and browser tests use; prometheus for
    # promtool, which lints a scrape of /metrics (19 MB download)
    curl jq gnuplot-nox chromium prometheus
    # packaging: the man page, the .deb's checks, the unit's checks
    help2man dpkg-dev systemd
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present ($scope)" >&2
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
# Debian starts services it installs; Bridge runs its own private ones.
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done" >&2
