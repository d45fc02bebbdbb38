#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Backs up Bridge's PostgreSQL database into one file.
#
#   scripts/backup.sh [--dsn URL] --out FILE
#
# --dsn   the database to back up (default: $DATABASE_URL, as the engine)
# --out   the backup file to write; it must not exist yet. FILE.sha256
#         is written beside it, and scripts/restore.sh checks it.
#
# The file is `pg_dump --format=custom`: one consistent snapshot of the
# database taken while the engine runs (no pause, no lock beyond what
# reading takes), compressed, restorable into any empty database of
# PostgreSQL 15 or newer, table by table if need be. A base backup
# (pg_basebackup) copies the whole server instead, needs a replication
# connection and restores only into the same major version; it is the
# start of point-in-time recovery (README, "Backups and restore"), which
# an operator who needs it sets up beside this script.
#
# Nothing is written at FILE until the dump is complete: the dump goes to
# FILE.partial and is renamed at the end, so a failed or killed backup
# never leaves a file that looks whole. Exit 0 on success, 1 on failure,
# 2 on wrong usage.
set -euo pipefail
me=backup
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/backup-lib.sh
source "$here/backup-lib.sh"

dsn="${DATABASE_URL:-}"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dsn) [ $# -ge 2 ] || usage_error "--dsn needs a value"; dsn="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || usage_error "--out needs a value"; out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done
[ -n "$dsn" ] || usage_error "no database: pass --dsn or set DATABASE_URL"
[ -n "$out" ] || usage_error "no target: pass --out FILE"
[ -e "$out" ] && die "$out already exists; a backup never overwrites another"

partial="$out.partial"
trap 'rm -f "$partial"' EXIT
# Writable is checked by writing: as root, permission bits say nothing.
if ! ( : >"$partial" ) 2>/dev/null; then
  die "cannot write $out: $(dirname "$out") is missing or not writable"
fi

check_connect "$dsn"
version="$(scalar "$dsn" "SELECT max(version) FROM schema_migrations" 2>/dev/null)" \
  || die "$(redact "$dsn") is not a Bridge database (no schema_migrations table)"

err="$(mktemp)"
if ! "$PGBIN/pg_dump" --format=custom --file="$partial" "$dsn" 2>"$err"; then
  why="$(first_error "$err")"; rm -f "$err"
  die "pg_dump of $(redact "$dsn") failed: $why"
fi
rm -f "$err"

( cd "$(dirname "$out")" && sha256sum "$(basename "$partial")" ) \
  | sed "s/\.partial\$//" >"$out.sha256"
mv "$partial" "$out"
say "wrote $out ($(stat -c %s "$out") bytes, schema version $version) from $(redact "$dsn")"
