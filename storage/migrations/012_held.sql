-- Version 012 belongs to a change made beside business figures (013);
-- this stands in for it so that versions run 1..N without gaps, and is
-- replaced by it when both meet.
SELECT 1;
