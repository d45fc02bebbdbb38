-- Version 10 belongs to a migration developed alongside version 11; this
-- file keeps the versions whole until that one lands, and gives way to it.
SELECT 1;
