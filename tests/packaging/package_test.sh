#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the .deb from an existing build (cpack, no compiling), checks its
# control fields and contents, unpacks it into a scratch root (never
# installs it), runs the unpacked `bridge`, and checks the systemd unit
# with systemd-analyze (verify, and the security score).
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source_dir="$2"
scratch="$(mktemp -d "${BRIDGE_RUN_DIR:-/tmp}/package-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() { # expect DESCRIPTION COMMAND...: the command must succeed
  local what="$1"; shift
  "$@" >/dev/null 2>&1 || fail "$what"
}

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || {
  cat "$scratch/cpack.log" >&2; exit 1; }
deb="$(ls "$scratch"/out/bridge_*.deb)"
echo "$deb"

echo "== control fields"
field() { dpkg-deb -f "$deb" "$1"; }
dpkg-deb -f "$deb"
[ "$(field Package)" = bridge ] || fail "Package is not bridge"
[ "$(field Version)" = "$(sed -n 's/^project(bridge VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")" ] ||
  fail "Version is not the project's"
depends="$(field Depends)"
for dep in libcaf-core0.17 libpqxx-6.4 libhiredis0.14 libsystemd0 libcurl4 \
           libspdlog1.10-fmt9 libsimdjson14 adduser apertium apertium-eng-spa; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

echo "== contents"
dpkg-deb -c "$deb" | awk '{print $6}' >"$scratch/contents"
for path in ./usr/bin/bridge ./usr/bin/tg-sim ./usr/bin/llm-sim \
            ./usr/bin/bridge-replay ./etc/bridge/bridge.toml \
            ./usr/lib/systemd/system/bridge.service \
            ./usr/share/man/man1/bridge.1.gz ./usr/share/doc/bridge/LICENSE; do
  grep -qx "$path" "$scratch/contents" || fail "the package lacks $path"
done
grep -q '^\./usr/etc' "$scratch/contents" && fail "configuration left under /usr/etc"

dpkg-deb -e "$deb" "$scratch/control"
grep -qx /etc/bridge/bridge.toml "$scratch/control/conffiles" ||
  fail "/etc/bridge/bridge.toml is not a conffile"
tr -d '\\\n' <"$scratch/control/postinst" | grep -q 'adduser --system.* bridge' ||
  fail "postinst does not create the bridge system user"
for script in postinst prerm postrm; do
  [ -x "$scratch/control/$script" ] || fail "$script is not executable"
  sh -n "$scratch/control/$script" || fail "$script does not parse"
done

echo "== the unpacked programs"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
version="$(env -i "$root/usr/bin/bridge" --version)" || fail "bridge --version failed"
echo "$version"
[[ "$version" == "bridge $(field Version)"* ]] || fail "--version says '$version'"
# The shipped file is the defaults rendered: printing it back is the same.
env -i "$root/usr/bin/bridge" --config "$root/etc/bridge/bridge.toml" \
  --print-config >"$scratch/printed.toml" || fail "bridge --print-config failed"
cmp -s "$scratch/printed.toml" "$root/etc/bridge/bridge.toml" ||
  fail "--print-config differs from the shipped bridge.toml"
for tool in tg-sim llm-sim bridge-replay; do
  expect "$tool --version" env -i "$root/usr/bin/$tool" --version
done
zcat "$root/usr/share/man/man1/bridge.1.gz" >"$scratch/bridge.1"
for section in 'EXIT STATUS' ENVIRONMENT FILES; do
  grep -q "^\.SH \"\?$section" "$scratch/bridge.1" || fail "the man page lacks $section"
done
grep -q 'db\\fR\.pool_size' "$scratch/bridge.1" ||
  fail "the man page lacks the options from --help"

echo "== systemd-analyze"
# verify wants ExecStart's binary to exist: a copy of the unit runs the
# unpacked one (the shipped unit names /usr/bin/bridge).
unit_dir="$scratch/units"
mkdir -p "$unit_dir"
sed "s|/usr/bin/bridge|$root/usr/bin/bridge|; s|/etc/bridge/bridge.toml|$root/etc/bridge/bridge.toml|" \
  "$root/usr/lib/systemd/system/bridge.service" >"$unit_dir/bridge.service"
if ! SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no \
     "$unit_dir/bridge.service" >"$scratch/verify.log" 2>&1; then
  cat "$scratch/verify.log" >&2
  fail "systemd-analyze verify"
fi
# Anything it says about the unit itself is a finding.
if grep -q "bridge.service:" "$scratch/verify.log"; then
  cat "$scratch/verify.log" >&2
  fail "systemd-analyze verify reports on bridge.service"
fi
systemd-analyze security --offline=yes --no-pager \
  "$unit_dir/bridge.service" >"$scratch/security.log" 2>&1 || true
score="$(sed -n 's/.*Overall exposure level for bridge.service: \([0-9.]*\).*/\1/p' "$scratch/security.log")"
echo "exposure score: ${score:-unknown} (README says what it was when last checked)"
# The README gives the score; a unit that loses its hardening fails here.
if [ -z "$score" ] || ! awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
  cat "$scratch/security.log" >&2
  fail "exposure score ${score:-unknown} is above 2.0"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "package checks passed"
