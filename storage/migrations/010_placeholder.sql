-- Stands in for migration 010 of work merged separately; drop this file
-- when that work is merged (its own 010 replaces it).
SELECT 1;
