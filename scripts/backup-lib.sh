# SPDX-License-Identifier: Apache-2.0
# shellcheck shell=bash disable=SC2154
# Shared parts of scripts/backup.sh and scripts/restore.sh, sourced by
# them: messages, the password kept out of them, and the connection check.
# Each caller sets `me` (its name in messages) before sourcing.

# The client tools of the server's major version: a pg_dump older than the
# server refuses to dump it, and a pg_restore older than the dump cannot
# read it.
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
# A wrong host should fail in seconds, not hang the operator's cron job.
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { say "$*"; exit 1; }
usage_error() { say "$*; see --help"; exit 2; }

# The DSN as it may be shown: the password of a URL replaced by ***.
redact() { printf '%s' "$1" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#'; }

# The first line of a tool's error output, the password masked.
first_error() {
  local line
  line="$(grep -v '^\s*$' "$1" | head -1)"
  redact "${line:-no error output}"
}

# Fails with a clear message when the database at `dsn` cannot be reached.
check_connect() {
  local dsn="$1" err
  err="$(mktemp)"
  if ! "$PGBIN/psql" "$dsn" -XtAq -c 'SELECT 1' >/dev/null 2>"$err"; then
    local why; why="$(first_error "$err")"
    rm -f "$err"
    die "cannot connect to $(redact "$dsn"): $why"
  fi
  rm -f "$err"
}

# One value from the database at `dsn`.
scalar() { "$PGBIN/psql" "$1" -XtAq -v ON_ERROR_STOP=1 -c "$2"; }
