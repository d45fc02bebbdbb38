-- The initial schema. Every table the engine keeps: nothing of a user's
-- state lives only in memory.

-- Epoch milliseconds of a timestamp, as every query hands times out.
CREATE FUNCTION epoch_ms(ts timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT floor(extract(epoch FROM ts) * 1000)::bigint $$;

-- -- people --------------------------------------------------------------------

CREATE TABLE users (
  telegram_id     bigint PRIMARY KEY,
  role            text NOT NULL DEFAULT 'none'
                  CHECK (role IN ('none', 'manager', 'worker')),
  language        text NOT NULL DEFAULT '',
  display_name    text NOT NULL DEFAULT '',
  -- BRIDGE-NNNNN; unique, so a candidate code is checked by the index and
  -- never by loading users.
  invitation_code text UNIQUE
                  CHECK (invitation_code ~ '^BRIDGE-[0-9]{5}$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_role_language ON users (role, language);

-- A worker has one manager (the primary key); a manager many workers.
CREATE TABLE worker_links (
  worker_id  bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  manager_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  linked_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (worker_id <> manager_id)
);

CREATE INDEX worker_links_manager ON worker_links (manager_id, worker_id);

-- What a chat's session actor rebuilds itself from.
CREATE TABLE chat_sessions (
  chat_id        bigint PRIMARY KEY,
  step           text NOT NULL DEFAULT '',
  role           text NOT NULL DEFAULT '',
  language       text NOT NULL DEFAULT '',
  current_worker bigint NOT NULL DEFAULT 0,
  pending        text NOT NULL DEFAULT '',
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
  user_id    bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  status     text NOT NULL CHECK (status IN ('active', 'canceled')),
  expires_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE daily_usage (
  manager_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  day        date NOT NULL,
  messages   bigint NOT NULL DEFAULT 0 CHECK (messages >= 0),
  PRIMARY KEY (manager_id, day)
);

CREATE TABLE feedback (
  id         bigserial PRIMARY KEY,
  user_id    bigint NOT NULL,
  chat_id    bigint NOT NULL,
  text       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feedback_created_at ON feedback (created_at);

-- -- conversations and messages ------------------------------------------------

CREATE TABLE conversations (
  id         bigserial PRIMARY KEY,
  manager_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  worker_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  last_seq   bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (manager_id, worker_id),
  CHECK (manager_id <> worker_id)
);

CREATE INDEX conversations_worker ON conversations (worker_id);

-- One row per message: saving the 100,000th costs what the 10th did.
CREATE TABLE messages (
  id                bigserial PRIMARY KEY,
  conversation_id   bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  seq               bigint NOT NULL CHECK (seq > 0),
  sender_id         bigint NOT NULL,
  source_message_id bigint,
  original_text     text NOT NULL,
  original_lang     text NOT NULL DEFAULT '',
  translated_text   text NOT NULL DEFAULT '',
  translated_lang   text NOT NULL DEFAULT '',
  status            text NOT NULL
                    CHECK (status IN ('pending', 'translated', 'delivered', 'failed')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz,
  UNIQUE (conversation_id, seq)
);

-- Context, /history and per-conversation counts in a time window.
CREATE INDEX messages_conversation_created
  ON messages (conversation_id, created_at DESC);
-- Retention deletes the oldest first, across conversations.
CREATE INDEX messages_created ON messages (created_at);
-- Edits arrive with the Telegram message id.
CREATE INDEX messages_source ON messages (conversation_id, source_message_id)
  WHERE source_message_id IS NOT NULL;

CREATE TABLE tasks (
  id         bigserial PRIMARY KEY,
  manager_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  worker_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  text       text NOT NULL,
  status     text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  done_at    timestamptz
);

CREATE INDEX tasks_manager_status ON tasks (manager_id, status, id DESC);
CREATE INDEX tasks_worker_status ON tasks (worker_id, status, id DESC);

-- -- intake and outbox ---------------------------------------------------------

-- Every update is a row before it is handed on; the primary key drops
-- Telegram's redeliveries.
CREATE TABLE inbox (
  update_id    bigint PRIMARY KEY,
  chat_id      bigint NOT NULL,
  payload      text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);

CREATE INDEX inbox_unprocessed ON inbox (update_id) WHERE processed_at IS NULL;
CREATE INDEX inbox_processed_at ON inbox (processed_at)
  WHERE processed_at IS NOT NULL;

-- Every outgoing call is a row before it is sent.
CREATE TABLE outbox (
  id                   bigserial PRIMARY KEY,
  dedupe_key           text NOT NULL UNIQUE,
  chat_id              bigint NOT NULL,
  kind                 text NOT NULL DEFAULT '',
  text                 text NOT NULL DEFAULT '',
  target_message_id    bigint NOT NULL DEFAULT 0,
  markup               text NOT NULL DEFAULT '',
  status               text NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'sent', 'failed')),
  attempts             bigint NOT NULL DEFAULT 0,
  telegram_message_ids bigint[],
  last_error           text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  sent_at              timestamptz
);

CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_created ON outbox (created_at) WHERE status <> 'pending';

-- -- periodic jobs -------------------------------------------------------------

-- The newest fencing token each job has run with: work carrying an older
-- token (a leader that lost its lock) is refused.
CREATE TABLE job_fences (
  name       text PRIMARY KEY,
  token      bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
