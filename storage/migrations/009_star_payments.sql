-- Paying with Telegram Stars. What a manager was offered (an order, whose
-- id travels as the invoice payload), what Telegram says was paid (one row
-- per telegram_payment_charge_id, so a redelivered update credits nothing
-- twice) and what an operator gave back. Money lives here, never only in
-- Redis; the rows outlive the person (no foreign key to users), as the
-- books must.

CREATE TABLE star_orders (
  id         bigserial PRIMARY KEY,
  user_id    bigint NOT NULL,
  -- The invoice payload Telegram hands back at checkout and on payment.
  payload    text NOT NULL UNIQUE CHECK (length(payload) BETWEEN 1 AND 128),
  stars      integer NOT NULL CHECK (stars > 0),
  period_s   integer NOT NULL CHECK (period_s > 0),
  status     text NOT NULL DEFAULT 'open'
             CHECK (status IN ('open', 'paid', 'canceled')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX star_orders_user ON star_orders (user_id, created_at DESC);

CREATE TABLE star_payments (
  -- telegram_payment_charge_id: the primary key is the exactly-once.
  charge_id  text PRIMARY KEY CHECK (length(charge_id) BETWEEN 1 AND 256),
  order_id   bigint NOT NULL REFERENCES star_orders,
  user_id    bigint NOT NULL,
  stars      integer NOT NULL CHECK (stars > 0),
  -- A renewal of a subscription already paid once (is_recurring and not
  -- is_first_recurring).
  renewal    boolean NOT NULL DEFAULT false,
  -- subscription_expiration_date as Telegram sent it.
  expires_at timestamptz,
  paid_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX star_payments_paid_at ON star_payments (paid_at);
CREATE INDEX star_payments_user ON star_payments (user_id, paid_at DESC);

CREATE TABLE star_refunds (
  charge_id   text PRIMARY KEY REFERENCES star_payments,
  stars       integer NOT NULL CHECK (stars > 0),
  -- Who asked (the admin API's caller, as logged).
  requested_by text NOT NULL DEFAULT '',
  refunded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX star_refunds_refunded_at ON star_refunds (refunded_at);
