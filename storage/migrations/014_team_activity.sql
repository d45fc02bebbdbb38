-- Active teams without reading history: the newest UTC day on which each
-- manager wrote to a worker. The engine notes it once a manager a day
-- (the `team_active` request), so "teams active in the last 7 and 30
-- days" is a range of one small index instead of a probe of every
-- subscriber's conversations (storage/repo_business.cpp, BENCHMARKS.md).
CREATE TABLE team_activity (
  manager_id bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  last_day   date NOT NULL
);

CREATE INDEX team_activity_last_day ON team_activity (last_day);

-- What the engine knew before this table: charged days for managers on
-- the free allowance, and messages for subscribers, who are not charged.
-- Only the last 30 days matter to the figures.
INSERT INTO team_activity (manager_id, last_day)
SELECT manager_id, max(last_day)
FROM (
  SELECT d.manager_id, d.day AS last_day
  FROM daily_usage d
  WHERE d.messages > 0 AND d.day >= (now() AT TIME ZONE 'UTC')::date - 30
    AND d.day <= (now() AT TIME ZONE 'UTC')::date
  UNION ALL
  SELECT c.manager_id, (m.created_at AT TIME ZONE 'UTC')::date
  FROM messages m JOIN conversations c ON c.id = m.conversation_id
  WHERE m.created_at >= now() - interval '31 days' AND m.created_at <= now()
    AND m.sender_id = c.manager_id
) a
WHERE EXISTS (SELECT 1 FROM users u WHERE u.telegram_id = a.manager_id)
GROUP BY manager_id;
