-- SPDX-License-Identifier: Apache-2.0
-- The original under each translation, and corrections readers make.

-- Whether a reader's translations carry the original below them: 'auto'
-- shows it when the translation went through another language.
ALTER TABLE users ADD COLUMN original_mode text NOT NULL DEFAULT 'auto'
  CHECK (original_mode IN ('auto', 'on', 'off'));

-- A reader's better wording of a translation they received. Original and
-- machine translation are copied, not referenced: retention may delete the
-- message, and the correction is still worth reviewing or training on.
CREATE TABLE corrections (
  id               bigserial PRIMARY KEY,
  author_id        bigint NOT NULL,
  writer_id        bigint NOT NULL,
  conversation_id  bigint NOT NULL,
  -- the reader's Telegram message the correction replied to
  message_id       bigint NOT NULL,
  original_text    text NOT NULL,
  original_lang    text NOT NULL,
  machine_text     text NOT NULL,
  target_lang      text NOT NULL,
  correction       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX corrections_conversation ON corrections (conversation_id, id);

-- A reply names the reader's copy of a message by its Telegram id: the
-- copies of partners' messages (keys 'd<update>.<conversation>') are
-- found by chat and their first id without scanning the outbox.
CREATE INDEX outbox_copy_ids ON outbox (chat_id, (telegram_message_ids[1]))
  WHERE dedupe_key LIKE 'd%' AND telegram_message_ids IS NOT NULL;
