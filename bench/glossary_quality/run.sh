#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Translates the parallel set through the installed Apertium pairs without
# and with the team's glossary and prints the scores as JSON (term hits,
# chrF). Needs a release build: scripts/build.sh release glossary_quality_bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${BRIDGE_BINARY_DIR:-$root/build}/bench/glossary_quality_bench"
exec "$bin" --dir "$here"
