-- Business figures for operators (storage/repo_business.cpp), read on
-- demand at a million users: each figure reads one of these indexes
-- instead of a table in full. BENCHMARKS.md times them.

-- Subscriptions running now: paying managers, and the subscribers whose
-- conversations are looked at for active teams.
CREATE INDEX subscriptions_active_expires ON subscriptions (expires_at)
  WHERE status = 'active';

-- When a subscription ended (its expiry, or its cancel if that came
-- first): churn over a window is a range of this expression.
CREATE INDEX subscriptions_ended ON subscriptions (
  (CASE WHEN status = 'canceled' THEN LEAST(updated_at, expires_at)
        ELSE expires_at END));

-- Days on which a manager was charged for messages: active teams over a
-- window are a range of days, read from the index alone.
CREATE INDEX daily_usage_day_active ON daily_usage (day, manager_id)
  WHERE messages > 0;
