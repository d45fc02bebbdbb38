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

status=0
while IFS= read -r f; do
  if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0'; then
    echo "no SPDX line in its first three lines: $f"
    status=1
  fi
done < <(sources '*.cpp' '*.hpp' '*.sh' '*CMakeLists.txt' '*.cmake')

while IFS= read -r f; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not as clang-format writes it (clang-format -i $f)"
    status=1
  fi
done < <(sources '*.cpp' '*.hpp')
exit $status
