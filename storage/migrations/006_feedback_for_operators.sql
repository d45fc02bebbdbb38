-- Feedback reaches operators: each piece keeps its author's role and
-- language as they were when it was written (a later /reset may change
-- both), and its translation into the operator's language once made, so
-- the translator is asked once per piece, not at every reading. NULL in
-- rows stored before: the listing falls back to the author's current
-- profile, and translates on first reading.
ALTER TABLE feedback ADD COLUMN author_role text,
                     ADD COLUMN author_language text,
                     ADD COLUMN translated_text text,
                     ADD COLUMN translated_lang text;
