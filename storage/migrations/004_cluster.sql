-- Several engines sharing one bot. A team (a manager and the workers
-- linked to them) lives in one of P partitions; each partition has one
-- owner at a time, holding a lease with an epoch that grows with every
-- change of owner. Every write an owner makes carries (partition, epoch),
-- and bridge_fence() refuses it once the epoch moved on: a paused or cut
-- off former owner cannot write after its partitions were taken over.

-- The partition count: written by the first engine that starts on this
-- database, compared by every later one (it cannot change while rows are
-- placed by it).
CREATE TABLE cluster_settings (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  partitions integer NOT NULL CHECK (partitions BETWEEN 1 AND 4096),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The live engines: an engine whose heartbeat is older than the lease TTL
-- is no member, whatever its row says.
CREATE TABLE cluster_members (
  instance_id  text PRIMARY KEY,
  address      text NOT NULL DEFAULT '',
  started_at   timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);

-- One row per partition (0 .. P-1), and -1 for the intake role (the one
-- engine that polls Telegram). owner NULL: free. Times are PostgreSQL's,
-- so the engines' clocks never have to agree.
CREATE TABLE partition_leases (
  partition   integer PRIMARY KEY CHECK (partition >= -1),
  owner       text,
  epoch       bigint NOT NULL DEFAULT 0,
  acquired_at timestamptz,
  expires_at  timestamptz NOT NULL DEFAULT '-infinity'
);

-- The partition of a team key (a manager's chat, or a chat in no team).
-- The same arithmetic as cluster::partition_of in C++ (tested to agree):
-- the id's high bits folded onto its low ones, then taken modulo P.
CREATE FUNCTION bridge_partition_of(team_key bigint, partitions integer)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ((((team_key # (team_key >> 20)) % partitions) + partitions)
              % partitions)::integer $$;

-- The partition a chat's updates go to now: its manager's when it is a
-- linked worker, its own otherwise.
CREATE FUNCTION bridge_chat_partition(chat bigint)
RETURNS integer
LANGUAGE sql STABLE
AS $$ SELECT bridge_partition_of(
              coalesce((SELECT manager_id FROM worker_links
                        WHERE worker_id = chat), chat),
              coalesce((SELECT partitions FROM cluster_settings), 1)) $$;

-- The fence: of the (partition, epoch) pairs the writes of one turn
-- carry, the positions (1-based) whose lease has another epoch now. Each lease row checked is
-- held FOR KEY SHARE until the writer commits, and a takeover locks it
-- FOR UPDATE before raising the epoch, so a write either commits before
-- the takeover (and the new owner's resume sees it) or is refused.
CREATE FUNCTION bridge_fence(parts integer[], epochs bigint[])
RETURNS integer[]
LANGUAGE plpgsql
AS $$
DECLARE
  refused integer[] := '{}';
  current bigint;
BEGIN
  FOR i IN 1 .. coalesce(array_length(parts, 1), 0) LOOP
    SELECT epoch INTO current FROM partition_leases
      WHERE partition = parts[i] FOR KEY SHARE;
    -- Epoch 0 is a lease never taken: no owner writes under it.
    IF current IS DISTINCT FROM epochs[i] OR epochs[i] <= 0 THEN
      refused := refused || i;
    END IF;
  END LOOP;
  RETURN refused;
END $$;

-- Where each unfinished update and unsent call belongs. NULL: written
-- before partitions existed; the first start places them.
ALTER TABLE inbox ADD COLUMN partition integer;
ALTER TABLE outbox ADD COLUMN partition integer;

-- A new owner resumes its partitions' unfinished rows, in order.
CREATE INDEX inbox_unprocessed_partition ON inbox (partition, update_id)
  WHERE processed_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_pending_partition ON outbox (partition, id)
  WHERE status = 'pending';

-- Notes one session leaves for another (a worker joined, a partner left),
-- stored as inbox rows by the transaction of the change they tell of, so
-- they reach a chat owned by another engine, and survive a crash. Their
-- ids start at 2^62, far above Telegram's update ids.
CREATE SEQUENCE inbox_note_ids AS bigint START WITH 4611686018427387904
  MINVALUE 4611686018427387904;
