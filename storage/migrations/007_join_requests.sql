-- Joining by link, with the manager's approval, and codes worth keeping
-- secret.
--
-- Codes are now 40 random bits in Crockford's base32, BRIDGE-XXXX-XXXX.
-- The five-digit codes already given out stay valid until their manager
-- rotates them (/newcode), so the check accepts both shapes.
ALTER TABLE users DROP CONSTRAINT users_invitation_code_check;
ALTER TABLE users ADD CONSTRAINT users_invitation_code_check
  CHECK (invitation_code ~ '^BRIDGE-([0-9]{5}|[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})$');

-- A worker who sent a right code and waits for the manager's answer. One
-- request per worker (a new code replaces the request); the answer
-- deletes it in the transaction that links (or does not), so a second
-- press of the same button finds nothing. Either user's reset deletes
-- it too, and so does deleting either user.
CREATE TABLE join_requests (
  worker_id    bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  manager_id   bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  requested_at timestamptz NOT NULL DEFAULT now(),
  CHECK (worker_id <> manager_id)
);

CREATE INDEX join_requests_manager ON join_requests (manager_id);
