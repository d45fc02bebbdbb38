-- Stands in for migration 011 of work merged separately; drop this file
-- when that work is merged (its own 011 replaces it).
SELECT 1;
