// SPDX-License-Identifier: Apache-2.0
#pragma once

/// The lease store's statements, prepared on its connection. Times leave
/// PostgreSQL as ms since the epoch; '-infinity' (a freed lease) as 0.
namespace bridge::cluster::sql {

/// The partition count of a new database; a later start leaves it be.
constexpr const char* settings_put =
    "INSERT INTO cluster_settings (partitions) VALUES ($1::integer) "
    "ON CONFLICT (id) DO NOTHING";

constexpr const char* settings_get = "SELECT partitions FROM cluster_settings";

/// The intake role's lease (-1) and one per partition.
constexpr const char* leases_create =
    "INSERT INTO partition_leases (partition) "
    "SELECT generate_series(-1, $1::integer - 1) "
    "ON CONFLICT (partition) DO NOTHING";

/// Unfinished rows written before partitions existed go where their chat
/// lives now.
constexpr const char* place_inbox =
    "UPDATE inbox SET partition = bridge_chat_partition(chat_id) "
    "WHERE partition IS NULL AND processed_at IS NULL";

constexpr const char* place_outbox =
    "UPDATE outbox SET partition = bridge_chat_partition(chat_id) "
    "WHERE partition IS NULL AND status = 'pending'";

constexpr const char* heartbeat =
    "INSERT INTO cluster_members (instance_id, address) VALUES ($1, $2) "
    "ON CONFLICT (instance_id) DO UPDATE "
    "SET heartbeat_at = now(), address = excluded.address";

constexpr const char* now_ms =
    "SELECT (extract(epoch FROM now()) * 1000)::bigint";

constexpr const char* members_live =
    "SELECT instance_id, address, "
    "(extract(epoch FROM started_at) * 1000)::bigint, "
    "(extract(epoch FROM heartbeat_at) * 1000)::bigint "
    "FROM cluster_members "
    "WHERE heartbeat_at > now() - $1::bigint * interval '1 millisecond' "
    "ORDER BY instance_id";

constexpr const char* leases_all =
    "SELECT partition, coalesce(owner, ''), epoch, "
    "coalesce((extract(epoch FROM acquired_at) * 1000)::bigint, 0), "
    "CASE WHEN isfinite(expires_at) "
    "THEN (extract(epoch FROM expires_at) * 1000)::bigint ELSE 0 END "
    "FROM partition_leases ORDER BY partition";

/// The columns every lease change returns, as `leases_all` reads them.
#define BRIDGE_LEASE_COLUMNS                                                   \
  "l.partition, coalesce(l.owner, ''), l.epoch, "                              \
  "coalesce((extract(epoch FROM l.acquired_at) * 1000)::bigint, 0), "          \
  "CASE WHEN isfinite(l.expires_at) "                                          \
  "THEN (extract(epoch FROM l.expires_at) * 1000)::bigint ELSE 0 END"

/// A takeover locks each lease row FOR UPDATE, then tries each one's
/// advisory lease lock, which fenced writes in flight hold shared (see
/// bridge_fence): a partition with such a write is skipped this round and
/// taken at a later one, so the epoch still moves only after each of them
/// committed or rolled back, and one writer frozen mid-transaction (an
/// engine stopped, until the server ends its transaction) cannot hold up
/// the takeover of every other partition. The WHERE is checked again on
/// the row as it is once the row lock is had.
constexpr const char* acquire =
    "WITH candidate AS MATERIALIZED (SELECT partition FROM partition_leases "
    "  WHERE partition = ANY($2::integer[]) "
    "    AND (owner IS NULL OR owner = $1 OR expires_at <= now()) "
    "  ORDER BY partition FOR UPDATE SKIP LOCKED), "
    "free AS MATERIALIZED (SELECT partition FROM candidate "
    "  WHERE pg_try_advisory_xact_lock(bridge_lease_lock_class(), partition)) "
    "UPDATE partition_leases l SET owner = $1, epoch = l.epoch + 1, "
    "  acquired_at = now(), "
    "  expires_at = now() + $3::bigint * interval '1 millisecond' "
    "FROM free WHERE l.partition = free.partition "
    "RETURNING " BRIDGE_LEASE_COLUMNS;

/// Writers take no row lock: renewals never wait for them.
constexpr const char* renew =
    "UPDATE partition_leases l "
    "SET expires_at = now() + $3::bigint * interval '1 millisecond' "
    "WHERE l.owner = $1 AND l.partition = ANY($2::integer[]) "
    "  AND l.expires_at > now() "
    "RETURNING " BRIDGE_LEASE_COLUMNS;

/// Freeing raises the epoch too: a write still queued under the old one
/// must be refused, whoever takes the partition next. It waits for the
/// writes in flight (their shared lease locks), in partition order, as
/// writers take them.
#define BRIDGE_QUIET_LEASES                                                    \
  "quiet AS MATERIALIZED (SELECT partition, "                                  \
  "  pg_advisory_xact_lock(bridge_lease_lock_class(), partition) AS held "     \
  "  FROM mine) "

constexpr const char* release =
    "WITH mine AS MATERIALIZED (SELECT partition FROM partition_leases "
    "  WHERE owner = $1 AND partition = ANY($2::integer[]) "
    "  ORDER BY partition FOR UPDATE), " BRIDGE_QUIET_LEASES
    "UPDATE partition_leases l SET owner = NULL, epoch = l.epoch + 1, "
    "  acquired_at = NULL, expires_at = '-infinity' "
    "FROM quiet WHERE l.partition = quiet.partition "
    "RETURNING " BRIDGE_LEASE_COLUMNS;

constexpr const char* release_all =
    "WITH mine AS MATERIALIZED (SELECT partition FROM partition_leases "
    "  WHERE owner = $1 ORDER BY partition FOR UPDATE), " BRIDGE_QUIET_LEASES
    "UPDATE partition_leases l SET owner = NULL, epoch = l.epoch + 1, "
    "  acquired_at = NULL, expires_at = '-infinity' "
    "FROM quiet WHERE l.partition = quiet.partition";

#undef BRIDGE_QUIET_LEASES

constexpr const char* member_delete =
    "DELETE FROM cluster_members WHERE instance_id = $1";

#undef BRIDGE_LEASE_COLUMNS

/// A named statement.
struct def {
  const char* name;
  const char* text;
};

constexpr def all[] = {
    {"cluster_settings_put", settings_put},
    {"cluster_settings_get", settings_get},
    {"cluster_leases_create", leases_create},
    {"cluster_place_inbox", place_inbox},
    {"cluster_place_outbox", place_outbox},
    {"cluster_heartbeat", heartbeat},
    {"cluster_now_ms", now_ms},
    {"cluster_members_live", members_live},
    {"cluster_leases_all", leases_all},
    {"cluster_acquire", acquire},
    {"cluster_renew", renew},
    {"cluster_release", release},
    {"cluster_release_all", release_all},
    {"cluster_member_delete", member_delete},
};

} // namespace bridge::cluster::sql
