-- An update the engine gave up on after its retries is parked: it stays
-- unfinished, visible to operators (the admin API lists, retries and drops
-- parked updates), and the resume at start and the periodic sweep leave it
-- alone, so it can neither block its conversation nor loop.
ALTER TABLE inbox ADD COLUMN parked_at timestamptz,
                  ADD COLUMN park_reason text;

-- Unfinished and not parked: what resume and the sweep hand on.
DROP INDEX inbox_unprocessed;
CREATE INDEX inbox_unprocessed ON inbox (update_id)
  WHERE processed_at IS NULL AND parked_at IS NULL;
CREATE INDEX inbox_parked ON inbox (update_id)
  WHERE processed_at IS NULL AND parked_at IS NOT NULL;
