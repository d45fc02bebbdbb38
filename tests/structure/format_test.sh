#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# structure.format: every source file carries the licence's SPDX line, and
# every C++ file is as clang-format (the checked-in .clang-format) writes
# it. Usage: format_test.sh SOURCE_DIR. Prints each offender; exit 1 if any.
set -euo pipefail
src="${1:?usage: format_test.sh SOURCE_DIR}"
cd "$src"

# The sources: what git tracks, or without git (an unpacked tarball) the
# same kinds of file found outside the build and run folders.
sources() { # GLOB...
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -- "$@"
    return
  fi
  local names=() g
  for g in "$@"; do
    [ ${#names[@]} -gt 0 ] && names+=(-o)
    names+=(-name "${g##*/}")
  done
  find . \( -path ./build -o -path './build-*' -o -path ./.run -o -path ./.cache \) -prune \
    -o -type f \( "${names[@]}" \) -print | sed 's|^\./||' | sort
}

# One process for each check, never one a file: clang-format takes a
# tenth of a second to start, which over some 700 files was most of a
# minute and a half of the test command.
status=0

spdx_files=$(sources '*.cpp' '*.hpp' '*.sh' '*CMakeLists.txt' '*.cmake')
with_spdx=$(printf '%s\n' "$spdx_files" | xargs -r -d '\n' awk '
  FNR <= 3 && /SPDX-License-Identifier: Apache-2.0/ { print FILENAME; nextfile }
  FNR > 3 { nextfile }')
while IFS= read -r f; do
  [ -n "$f" ] || continue
  echo "no SPDX line in its first three lines: $f"
  status=1
done < <(comm -23 <(printf '%s\n' "$spdx_files" | sort) <(printf '%s\n' "$with_spdx" | sort))

# clang-format names each file it would change in a diagnostic
# "FILE:LINE:COL: error: ..."; any other failure is shown as it came.
if ! report=$(sources '*.cpp' '*.hpp' | xargs -r -d '\n' clang-format --dry-run --Werror 2>&1 >/dev/null); then
  offenders=$(printf '%s\n' "$report" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: .*/\1/p' | sort -u)
  if [ -z "$offenders" ]; then
    printf 'clang-format failed:\n%s\n' "$report"
  fi
  while IFS= read -r f; do
    [ -n "$f" ] && echo "not as clang-format writes it (clang-format -i $f)"
  done <<<"$offenders"
  status=1
fi
exit $status
