-- Stars events that credited nothing: a pre-checkout query the bot refused,
-- and a successful_payment no order explains (Telegram took the Stars,
-- nothing was credited: an operator must see it and may refund it). One
-- row per event; a redelivered payment (same telegram_payment_charge_id)
-- or checkout (same query id) is stored once. Like the other money tables
-- the rows outlive the person (no foreign key to users).

CREATE TABLE star_rejections (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('checkout', 'payment')),
  -- Why nothing was credited: unknown_order, other_user, not_open,
  -- wrong_currency, wrong_amount (storage/repo_stars.cpp judges).
  verdict      text NOT NULL CHECK (length(verdict) BETWEEN 1 AND 32),
  user_id      bigint NOT NULL,
  payload      text NOT NULL CHECK (length(payload) <= 128),
  currency     text NOT NULL CHECK (length(currency) <= 16),
  amount       bigint NOT NULL CHECK (amount >= 0),
  -- A payment's telegram_payment_charge_id; NULL for a checkout.
  charge_id    text CHECK (length(charge_id) BETWEEN 1 AND 256),
  -- A checkout's pre_checkout_query id; NULL for a payment.
  query_id     text CHECK (length(query_id) BETWEEN 1 AND 256),
  -- subscription_expiration_date of a payment, when Telegram sent one:
  -- Telegram renews such a subscription until the bot cancels it.
  expires_at   timestamptz,
  -- is_recurring and not is_first_recurring.
  renewal      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- An operator's refund of an uncredited payment (star_refunds holds
  -- only credited ones): who asked and when.
  refunded_at  timestamptz,
  refunded_by  text,
  CHECK ((kind = 'payment') = (charge_id IS NOT NULL)),
  CHECK (kind = 'payment' OR refunded_at IS NULL)
);

CREATE UNIQUE INDEX star_rejections_charge ON star_rejections (charge_id)
  WHERE charge_id IS NOT NULL;
CREATE UNIQUE INDEX star_rejections_query ON star_rejections (query_id)
  WHERE query_id IS NOT NULL;
-- Listing newest first is a walk of the primary key backwards; of one
-- kind, of this index. The 30-day counts of /admin/business read the next.
CREATE INDEX star_rejections_kind_id ON star_rejections (kind, id DESC);
CREATE INDEX star_rejections_kind_created ON star_rejections (kind, created_at);
-- Uncredited payments still waiting for an operator's refund.
CREATE INDEX star_rejections_unrefunded ON star_rejections (id)
  WHERE kind = 'payment' AND refunded_at IS NULL;
