-- Tasks read in the reader's language. A task keeps the language it was
-- written in (NULL for tasks stored before: the manager's language is
-- taken then), and each translation of it is stored once per language,
-- so /tasks asks the translator for a task once, not at every reading.
ALTER TABLE tasks ADD COLUMN language text;

CREATE TABLE task_translations (
  task_id    bigint NOT NULL REFERENCES tasks ON DELETE CASCADE,
  language   text NOT NULL,
  text       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, language)
);
