#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Bridge: `scripts/build.sh` (release, in build/) or
# `scripts/build.sh asan` (AddressSanitizer + UBSan, in build-asan/; the
# benchmarks are measured on release builds only, so it leaves them out).
# Targets after the kind build only those (`scripts/build.sh release
# bridge tg-sim`, what the demo runs); none builds everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kind="${1:-release}"
[ $# -gt 0 ] && shift
case "$kind" in
  release) dir="$root/build"; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) dir="$root/build-asan"; flags=(-DCMAKE_BUILD_TYPE=Debug -DBRIDGE_SANITIZE=ON -DBRIDGE_BENCH=OFF) ;;
  *) echo "usage: $0 [release|asan]" >&2; exit 2 ;;
esac
export CCACHE_DIR="${CCACHE_DIR:-$root/.cache/ccache}"
# Every target compiles with the precompiled header; ccache refuses such
# compiles unless told the header's macros and time macros are safe.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros}"
cmake -S "$root" -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir" ${BRIDGE_BUILD_JOBS:+-j "$BRIDGE_BUILD_JOBS"} "$@"
