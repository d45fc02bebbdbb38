-- The fence inside a write's own statement. A fenced write that is one
-- statement (a batch of messages with their copies and finished updates,
-- a batch of sent marks) no longer opens a transaction for the check:
-- BEGIN, the check and COMMIT were three of a write turn's four round
-- trips. The statement calls this instead; the advisory locks it takes
-- are held until the statement's own commit, exactly as a transaction's,
-- and a refusal aborts the statement, so nothing of it is written.
--
-- SQLSTATE BRF01 says "fenced": the writer then runs the batch again the
-- long way (BEGIN, bridge_fence, the calls still owned, COMMIT), which
-- answers each refused call alone.
CREATE FUNCTION bridge_fence_or_fail(parts integer[], epochs bigint[])
RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
  refused integer[];
BEGIN
  IF coalesce(array_length(parts, 1), 0) = 0 THEN
    RETURN true;
  END IF;
  refused := bridge_fence(parts, epochs);
  IF cardinality(refused) > 0 THEN
    RAISE EXCEPTION 'fenced: partition % has another owner now',
      parts[refused[1]] USING ERRCODE = 'BRF01';
  END IF;
  RETURN true;
END $$;
