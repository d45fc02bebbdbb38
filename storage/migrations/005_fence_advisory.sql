-- The fence's lock moves from the lease rows to advisory locks. Holding
-- each lease row FOR KEY SHARE made every write turn of every partition
-- write a lock into the row (and a multixact once two turns held it):
-- about 125 WAL bytes a write transaction (bench/fence_bench.sh), on rows
-- every turn touched. An advisory lock lives only in the lock table:
-- nothing written, nothing to vacuum.
--
-- The rule stays the same. A writer holds its partitions' lock shared
-- from the check until it commits; whatever raises an epoch first holds
-- the same lock exclusively (acquire tries it and skips a partition with
-- a write in flight; release waits), so a write either commits before
-- the epoch moves (and the new owner's resume sees it) or checks after
-- and is refused.

-- The advisory lock class of the lease locks ("BRDG"); the partition is
-- the object id.
CREATE FUNCTION bridge_lease_lock_class()
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 1112687687 $$;

-- Of the (partition, epoch) pairs the writes of one turn carry, the
-- positions (1-based) whose lease has another epoch now. Callers pass the
-- partitions in ascending order, as release takes them, so no two wait on
-- each other in a circle. The epoch is read after the lock is had; in a
-- volatile function each statement sees what committed before it began.
CREATE OR REPLACE FUNCTION bridge_fence(parts integer[], epochs bigint[])
RETURNS integer[]
LANGUAGE plpgsql
AS $$
DECLARE
  refused integer[] := '{}';
  current bigint;
BEGIN
  FOR i IN 1 .. coalesce(array_length(parts, 1), 0) LOOP
    PERFORM pg_advisory_xact_lock_shared(bridge_lease_lock_class(), parts[i]);
    SELECT epoch INTO current FROM partition_leases WHERE partition = parts[i];
    -- Epoch 0 is a lease never taken: no owner writes under it.
    IF current IS DISTINCT FROM epochs[i] OR epochs[i] <= 0 THEN
      refused := refused || i;
    END IF;
  END LOOP;
  RETURN refused;
END $$;
