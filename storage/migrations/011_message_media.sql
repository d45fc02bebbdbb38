-- Media across the language gap: a message may be a photo, document,
-- video, animation, audio, voice or video note, or sticker, copied to the
-- partner; its caption is its text. Empty for a text. A constant default
-- adds the column without rewriting the table.
ALTER TABLE messages
  ADD COLUMN media_kind text NOT NULL DEFAULT ''
  CHECK (length(media_kind) <= 64);
