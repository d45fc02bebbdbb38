-- A team's glossary: terms in the manager's language, each with the
-- translation the team fixed for one partner language. Every translation
-- of the team keeps them. A worker's proposal waits as 'proposed' until
-- the manager accepts (it becomes 'active') or declines (it is deleted).
-- term_key is the term folded (lower case, inner blanks joined), so one
-- term is stored once per language pair whatever its case. Deleting the
-- manager deletes the glossary.
CREATE TABLE glossary_terms (
  id          bigserial PRIMARY KEY,
  manager_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  source_lang text NOT NULL,
  target_lang text NOT NULL,
  term        text NOT NULL CHECK (term <> ''),
  term_key    text NOT NULL CHECK (term_key <> ''),
  translation text NOT NULL CHECK (translation <> ''),
  proposer_id bigint NOT NULL,
  status      text NOT NULL CHECK (status IN ('active', 'proposed')),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX glossary_terms_active
  ON glossary_terms (manager_id, source_lang, target_lang, term_key)
  WHERE status = 'active';

CREATE INDEX glossary_terms_manager ON glossary_terms (manager_id, status);
