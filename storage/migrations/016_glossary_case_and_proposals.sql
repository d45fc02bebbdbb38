-- SPDX-License-Identifier: Apache-2.0
-- Glossary terms keep the case they were typed in.
--
-- From this version `term` holds the term as the manager (or a worker)
-- typed it, and `term_key` its folded form; uniqueness and matching rest
-- on `term_key` alone, so "Back Room" and "back room" stay one term and
-- the latest spelling typed is the one shown. Rows written before keep
-- their lower-case `term`, which is still a right spelling.
COMMENT ON COLUMN glossary_terms.term IS
  'the term as typed (case kept, blanks joined); shown, never matched';
COMMENT ON COLUMN glossary_terms.term_key IS
  'the term folded: the key of uniqueness and matching';

-- A proposal is waiting once per term, language pair and translation
-- (case aside): a worker who proposes again, or a correction the team
-- repeats, asks the manager about the waiting one instead of adding
-- another. Duplicates waiting already keep their oldest.
DELETE FROM glossary_terms d
USING glossary_terms k
WHERE d.status = 'proposed' AND k.status = 'proposed'
  AND d.manager_id = k.manager_id
  AND d.source_lang = k.source_lang AND d.target_lang = k.target_lang
  AND d.term_key = k.term_key AND lower(d.translation) = lower(k.translation)
  AND d.id > k.id;

CREATE UNIQUE INDEX glossary_terms_proposed
  ON glossary_terms (manager_id, source_lang, target_lang, term_key,
                     lower(translation))
  WHERE status = 'proposed';
