#include "storage/repo_intake.hpp"

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def inbox_insert{"inbox_insert", R"(
INSERT INTO inbox (update_id, chat_id, payload)
SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])
ON CONFLICT (update_id) DO NOTHING
RETURNING update_id)"};

constexpr sql_def inbox_done{"inbox_done", R"(
UPDATE inbox SET processed_at = now()
WHERE update_id = ANY($1::bigint[]) AND processed_at IS NULL)"};

constexpr sql_def inbox_pending{"inbox_pending", R"(
SELECT update_id, chat_id, payload, epoch_ms(received_at)
FROM inbox
WHERE processed_at IS NULL AND update_id > $1
ORDER BY update_id
LIMIT $2)"};

constexpr sql_def outbox_insert{"outbox_insert", R"(
INSERT INTO outbox (dedupe_key, chat_id, kind, text, target_message_id, markup)
SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[],
                     $5::bigint[], $6::text[])
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING dedupe_key, id)"};

constexpr sql_def outbox_lookup{"outbox_lookup", R"(
SELECT dedupe_key, id, status FROM outbox WHERE dedupe_key = ANY($1::text[]))"};

// The two marks join the keys to the outbox, which a fresh deployment
// fills by thousands of rows a minute: a plan cached while it was nearly
// empty scans the whole table, so they are planned at each call.
constexpr sql_def outbox_sent{"outbox_sent", R"(
UPDATE outbox o
SET status = 'sent', telegram_message_ids = v.ids::bigint[], sent_at = now(),
    attempts = o.attempts + 1
FROM unnest($1::text[], $2::text[]) AS v(dedupe_key, ids)
WHERE o.dedupe_key = v.dedupe_key
RETURNING o.dedupe_key)", true};

constexpr sql_def outbox_failed{"outbox_failed", R"(
UPDATE outbox o
SET status = 'failed', last_error = v.reason, attempts = v.attempts
FROM unnest($1::text[], $2::text[], $3::bigint[]) AS v(dedupe_key, reason, attempts)
WHERE o.dedupe_key = v.dedupe_key AND o.status <> 'sent'
RETURNING o.dedupe_key)", true};

constexpr sql_def outbox_unsent{"outbox_unsent", R"(
SELECT id, dedupe_key, chat_id, kind, text, target_message_id, markup, status,
       attempts, telegram_message_ids, last_error, epoch_ms(created_at),
       epoch_ms(sent_at)
FROM outbox
WHERE status = 'pending' AND id > $1
ORDER BY id
LIMIT $2)"};

} // namespace sql

const std::vector<sql_def>& intake_statements() {
  static const std::vector<sql_def> defs{
    sql::inbox_insert,  sql::inbox_done,  sql::inbox_pending,
    sql::outbox_insert, sql::outbox_lookup, sql::outbox_sent,
    sql::outbox_failed, sql::outbox_unsent,
  };
  return defs;
}

// -- validation -----------------------------------------------------------------

caf::error check(const inbox_put& x) {
  if (x.rows.empty())
    return make_error(engine_errc::invalid_input, "inbox_put without rows");
  for (auto& r : x.rows)
    if (auto err = check_text("inbox payload", r.payload, limits::payload))
      return err;
  return {};
}

caf::error check(const inbox_done& x) {
  if (x.update_ids.empty())
    return make_error(engine_errc::invalid_input, "inbox_done without ids");
  return {};
}

caf::error check(const inbox_pending& x) {
  return check_limit(x.limit);
}

caf::error check(const outbox_put& x) {
  return check(x.item);
}

caf::error check(const outbox_record& i) {
  if (i.dedupe_key.empty())
    return make_error(engine_errc::invalid_input, "outbox row without dedupe key");
  return first_error({check_text("outbox dedupe_key", i.dedupe_key, limits::name),
                      check_text("outbox kind", i.kind, limits::name),
                      check_text("outbox text", i.text, limits::message_text),
                      check_text("outbox markup", i.markup, limits::message_text)});
}

caf::error check(const outbox_sent& x) {
  return check_text("outbox dedupe_key", x.dedupe_key, limits::name);
}

caf::error check(const outbox_failed& x) {
  // The reason is truncated, not refused: losing the failure mark over an
  // overlong error text would be worse than losing its tail.
  if (x.reason.find('\0') != std::string::npos)
    return make_error(engine_errc::invalid_input,
                      "outbox reason contains a NUL byte");
  return check_text("outbox dedupe_key", x.dedupe_key, limits::name);
}

caf::error check(const outbox_unsent& x) {
  return check_limit(x.limit);
}

// -- builders and decoders ------------------------------------------------------

statement inbox_insert_statement(const std::vector<const inbox_row*>& rows) {
  array_literal ids, chats, payloads;
  for (auto r : rows) {
    ids.add(r->update_id);
    chats.add(r->chat_id);
    payloads.add_text(r->payload);
  }
  return {sql::inbox_insert.name, {ids.str(), chats.str(), payloads.str()}};
}

statement inbox_done_statement(const std::vector<int64_t>& ids) {
  array_literal arr;
  for (auto id : ids)
    arr.add(id);
  return {sql::inbox_done.name, {arr.str()}};
}

std::vector<inbox_put_result>
split_new_ids(const std::vector<const inbox_put*>& calls,
              std::unordered_set<int64_t> fresh) {
  std::vector<inbox_put_result> out(calls.size());
  for (size_t i = 0; i < calls.size(); ++i)
    for (auto& r : calls[i]->rows)
      if (fresh.erase(r.update_id) > 0)
        out[i].new_ids.push_back(r.update_id);
  return out;
}

inbox_row decode_inbox_row(const row& r) {
  expect_width(r, 4, "inbox row");
  return {int_at(r, 0), int_at(r, 1), text_at(r, 2), int_at(r, 3)};
}

statement outbox_insert_statement(const std::vector<const outbox_record*>& rows) {
  array_literal keys, chats, kinds, texts, targets, markups;
  for (auto r : rows) {
    keys.add_text(r->dedupe_key);
    chats.add(r->chat_id);
    kinds.add_text(r->kind);
    texts.add_text(r->text);
    targets.add(r->target_message_id);
    markups.add_text(r->markup);
  }
  return {sql::outbox_insert.name,
          {keys.str(), chats.str(), kinds.str(), texts.str(), targets.str(),
           markups.str()}};
}

statement outbox_lookup_statement(const std::vector<std::string>& keys) {
  array_literal arr;
  for (auto& k : keys)
    arr.add_text(k);
  return {sql::outbox_lookup.name, {arr.str()}};
}

statement outbox_sent_statement(const std::vector<const outbox_sent*>& calls) {
  array_literal keys, ids;
  for (auto c : calls) {
    keys.add_text(c->dedupe_key);
    array_literal inner;
    for (auto id : c->message_ids)
      inner.add(id);
    // Each element is itself an array literal, cast per row in the SQL.
    ids.add_text(inner.str());
  }
  return {sql::outbox_sent.name, {keys.str(), ids.str()}};
}

statement outbox_failed_statement(const std::vector<const outbox_failed*>& calls) {
  array_literal keys, reasons, attempts;
  for (auto c : calls) {
    keys.add_text(c->dedupe_key);
    auto reason = truncate_utf8(c->reason, limits::reason);
    reasons.add_text(reason);
    attempts.add(c->attempts);
  }
  return {sql::outbox_failed.name, {keys.str(), reasons.str(), attempts.str()}};
}

outbox_status outbox_status_from(std::string_view text) {
  if (text == "pending")
    return outbox_status::pending;
  if (text == "sent")
    return outbox_status::sent;
  if (text == "failed")
    return outbox_status::failed;
  throw db_failure{failure_kind::decode,
                   "unknown outbox status '" + std::string{text} + "'"};
}

outbox_record decode_outbox_record(const row& r) {
  expect_width(r, 13, "outbox row");
  outbox_record x;
  x.id = int_at(r, 0);
  x.dedupe_key = text_at(r, 1);
  x.chat_id = int_at(r, 2);
  x.kind = text_at(r, 3);
  x.text = text_at(r, 4);
  x.target_message_id = int_at(r, 5);
  x.markup = text_at(r, 6);
  x.status = outbox_status_from(text_at(r, 7));
  x.attempts = int_at(r, 8);
  x.telegram_message_ids = int_list_at(r, 9);
  x.last_error = text_at(r, 10);
  x.created_at_ms = int_at(r, 11);
  x.sent_at_ms = int_at(r, 12);
  return x;
}

std::vector<outbox_put_result>
split_outbox_puts(const std::vector<const outbox_record*>& items,
                  const std::unordered_map<std::string, int64_t>& created,
                  const std::unordered_map<std::string, outbox_known>& known) {
  std::vector<outbox_put_result> out;
  out.reserve(items.size());
  std::unordered_set<std::string> claimed;
  for (auto item : items) {
    const auto& key = item->dedupe_key;
    if (auto i = created.find(key); i != created.end()) {
      bool first = claimed.insert(key).second;
      out.push_back({i->second, first, outbox_status::pending});
    } else if (auto k = known.find(key); k != known.end()) {
      out.push_back({k->second.id, false, k->second.status});
    } else {
      // Neither inserted nor found: only a concurrent delete does this.
      throw db_failure{failure_kind::rollback,
                       "outbox row '" + key + "' vanished during insert"};
    }
  }
  return out;
}

// -- execution ------------------------------------------------------------------

std::vector<inbox_put_result>
execute_batch(op_context& ctx, const std::vector<const inbox_put*>& calls) {
  std::vector<const inbox_row*> all;
  for (auto c : calls)
    for (auto& r : c->rows)
      all.push_back(&r);
  std::unordered_set<int64_t> fresh;
  for_each_chunk(all, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(inbox_insert_statement(chunk)))
      fresh.insert(int_at(r, 0));
  });
  return split_new_ids(calls, std::move(fresh));
}

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const inbox_done*>& calls) {
  std::vector<int64_t> all;
  for (auto c : calls)
    all.insert(all.end(), c->update_ids.begin(), c->update_ids.end());
  mark_inbox_done(ctx, all);
  std::vector<db_count> out;
  for (auto c : calls)
    out.push_back({static_cast<int64_t>(c->update_ids.size())});
  return out;
}

void mark_inbox_done(op_context& ctx, const std::vector<int64_t>& update_ids) {
  for_each_chunk(update_ids, ctx.batch_max, [&](const auto& chunk) {
    ctx.sql.run(inbox_done_statement(chunk));
  });
}

inbox_page execute(op_context& ctx, const inbox_pending& x) {
  inbox_page out;
  for (auto& r : ctx.sql.run({sql::inbox_pending.name,
                              {param(x.after_update_id), param(x.limit)}}))
    out.rows.push_back(decode_inbox_row(r));
  return out;
}

std::vector<outbox_put_result>
execute_batch(op_context& ctx, const std::vector<const outbox_put*>& calls) {
  std::vector<const outbox_record*> items;
  items.reserve(calls.size());
  for (auto c : calls)
    items.push_back(&c->item);
  return write_outbox(ctx, items);
}

std::vector<outbox_put_result>
write_outbox(op_context& ctx, const std::vector<const outbox_record*>& items) {
  std::unordered_map<std::string, int64_t> created;
  for_each_chunk(items, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(outbox_insert_statement(chunk)))
      created.emplace(text_at(r, 0), int_at(r, 1));
  });
  std::vector<std::string> missing;
  for (auto item : items)
    if (created.count(item->dedupe_key) == 0)
      missing.push_back(item->dedupe_key);
  std::unordered_map<std::string, outbox_known> known;
  for_each_chunk(missing, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(outbox_lookup_statement(chunk))) {
      expect_width(r, 3, "outbox lookup");
      known[text_at(r, 0)] = {int_at(r, 1), outbox_status_from(text_at(r, 2))};
    }
  });
  return split_outbox_puts(items, created, known);
}

namespace {

/// Answers 1 for each call whose key the statement returned, else 0.
template <class Call>
std::vector<db_count> count_by_key(const std::vector<const Call*>& calls,
                                   const std::unordered_set<std::string>& hit) {
  std::vector<db_count> out;
  for (auto c : calls)
    out.push_back({hit.count(c->dedupe_key) > 0 ? 1 : 0});
  return out;
}

} // namespace

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const outbox_sent*>& calls) {
  std::unordered_set<std::string> hit;
  for_each_chunk(calls, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(outbox_sent_statement(chunk)))
      hit.insert(text_at(r, 0));
  });
  return count_by_key(calls, hit);
}

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const outbox_failed*>& calls) {
  std::unordered_set<std::string> hit;
  for_each_chunk(calls, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(outbox_failed_statement(chunk)))
      hit.insert(text_at(r, 0));
  });
  return count_by_key(calls, hit);
}

outbox_page execute(op_context& ctx, const outbox_unsent& x) {
  outbox_page out;
  for (auto& r : ctx.sql.run({sql::outbox_unsent.name,
                              {param(x.after_id), param(x.limit)}}))
    out.rows.push_back(decode_outbox_record(r));
  return out;
}

} // namespace bridge::storage
