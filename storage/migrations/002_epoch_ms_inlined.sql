-- epoch_ms() was declared IMMUTABLE, but extract(epoch FROM timestamptz)
-- is only STABLE, and PostgreSQL inlines a SQL function only when its body
-- is no more volatile than declared: every row ran it as a nested SQL
-- function call. Declared STABLE (which it is) it is inlined into the
-- query that calls it. No index or generated column uses it.
ALTER FUNCTION epoch_ms(timestamptz) STABLE;
