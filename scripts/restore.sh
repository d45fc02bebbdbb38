#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Restores a backup made by scripts/backup.sh into a PostgreSQL database.
#
#   scripts/restore.sh [--dsn URL] [--replace] FILE
#
# --dsn      the database to restore into (default: $DATABASE_URL); it
#            must exist (createdb) and, without --replace, be empty
# --replace  drop everything the database holds first (its `public`
#            schema); without it a database with tables is refused, so a
#            mistyped DSN never overwrites a live database. The drop
#            comes after the file is checked and before the restore's
#            transaction: should the server then fail the restore, the
#            database is left empty (restore again once it is fixed)
#
# Before the database is touched the whole file is read: checked against
# FILE.sha256 when that is beside it, then decoded to the end by
# pg_restore, so a truncated or damaged backup is refused and changes
# nothing. The restore itself runs in one transaction: it is complete or
# absent. Start the engine on the database afterwards; it applies the
# migrations the backup is missing, and refuses to start (exit code 6)
# when the backup comes from a newer Bridge than the binary. Redis needs
# nothing: it holds only what PostgreSQL can rebuild.
# Exit 0 on success, 1 on failure, 2 on wrong usage.
set -euo pipefail
me=restore
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/backup-lib.sh
source "$here/backup-lib.sh"

dsn="${DATABASE_URL:-}"
replace=0
file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dsn) [ $# -ge 2 ] || usage_error "--dsn needs a value"; dsn="$2"; shift 2 ;;
    --replace) replace=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) usage_error "unknown option '$1'" ;;
    *) [ -z "$file" ] || usage_error "one backup file at a time"; file="$1"; shift ;;
  esac
done
[ -n "$dsn" ] || usage_error "no database: pass --dsn or set DATABASE_URL"
[ -n "$file" ] || usage_error "no backup file given"
{ [ -f "$file" ] && [ -r "$file" ]; } || die "cannot read $file"

# Reads all of FILE; refuses it when it is not a whole Bridge backup.
verify_file() {
  if [ -f "$file.sha256" ]; then
    ( cd "$(dirname "$file")" && sha256sum --status -c "$(basename "$file").sha256" ) \
      || die "$file does not match its checksum ($file.sha256): it is truncated or damaged"
  fi
  local err list; err="$(mktemp)"
  if ! list="$("$PGBIN/pg_restore" --list "$file" 2>"$err")"; then
    local why; why="$(first_error "$err")"; rm -f "$err"
    die "$file is not a readable Bridge backup (truncated, damaged or another kind of file): $why"
  fi
  grep -q ' TABLE public schema_migrations ' <<<"$list" \
    || { rm -f "$err"; die "$file is not a Bridge backup: it holds no schema_migrations table"; }
  if ! "$PGBIN/pg_restore" --file=/dev/null "$file" 2>"$err"; then
    local why; why="$(first_error "$err")"; rm -f "$err"
    die "$file is truncated or damaged: $why"
  fi
  rm -f "$err"
}

# The tables, views and sequences the database holds outside the catalogs.
relations_in() {
  scalar "$1" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('r','p','v','m','S','f')
                 AND n.nspname NOT IN ('pg_catalog','information_schema')
                 AND n.nspname NOT LIKE 'pg_toast%'"
}

verify_file
check_connect "$dsn"
held="$(relations_in "$dsn")"
if [ "$held" != 0 ]; then
  [ "$replace" = 1 ] \
    || die "$(redact "$dsn") is not empty ($held tables, views or sequences); restore into an empty database, or pass --replace to drop what it holds"
  say "dropping the $held tables, views and sequences of $(redact "$dsn") (--replace)"
  scalar "$dsn" "SET client_min_messages TO warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null \
    || die "could not empty $(redact "$dsn")"
fi

err="$(mktemp)"
# Owners and grants are the old server's; the restoring user owns it all.
if ! "$PGBIN/pg_restore" --dbname="$dsn" --no-owner --no-privileges \
     --exit-on-error --single-transaction "$file" 2>"$err"; then
  why="$(first_error "$err")"; rm -f "$err"
  die "restore into $(redact "$dsn") failed and was rolled back: $why"
fi
rm -f "$err"
version="$(scalar "$dsn" "SELECT max(version) FROM schema_migrations")"
say "restored $file into $(redact "$dsn") (schema version $version)"
