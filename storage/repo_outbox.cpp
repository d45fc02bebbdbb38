// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_outbox.hpp"

#include <string>

#include "common/error.hpp"
#include "storage/fence.hpp"
#include "storage/repo_intake.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def outbox_insert{"outbox_insert", R"(
INSERT INTO outbox (dedupe_key, chat_id, kind, text, target_message_id, markup,
                    partition)
SELECT k, c, kd, t, tm, m, coalesce(p, bridge_chat_partition(c))
FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[],
            $5::bigint[], $6::text[], $7::integer[]) AS v(k, c, kd, t, tm, m, p)
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING dedupe_key, id)"};

constexpr sql_def outbox_lookup{"outbox_lookup", R"(
SELECT dedupe_key, id, status FROM outbox WHERE dedupe_key = ANY($1::text[]))"};

// The two marks join the keys to the outbox, which a fresh deployment
// fills by thousands of rows a minute: a plan cached while it was nearly
// empty scans the whole table, so they are planned at each call.
constexpr const char* outbox_sent_update = R"(
UPDATE outbox o
SET status = 'sent', telegram_message_ids = v.ids::bigint[], sent_at = now(),
    attempts = o.attempts + 1
FROM unnest($1::text[], $2::text[]) AS v(dedupe_key, ids)
WHERE o.dedupe_key = v.dedupe_key
RETURNING o.dedupe_key)";

constexpr sql_def outbox_failed{"outbox_failed", R"(
UPDATE outbox o
SET status = 'failed', last_error = v.reason, attempts = v.attempts
FROM unnest($1::text[], $2::text[], $3::bigint[]) AS v(dedupe_key, reason, attempts)
WHERE o.dedupe_key = v.dedupe_key AND o.status <> 'sent'
RETURNING o.dedupe_key)",
                                true};

constexpr sql_def outbox_unsent{"outbox_unsent", R"(
SELECT id, dedupe_key, chat_id, kind, text, target_message_id, markup, status,
       attempts, telegram_message_ids, last_error, epoch_ms(created_at),
       epoch_ms(sent_at), coalesce(partition, -1)
FROM outbox
WHERE status = 'pending' AND id > $1
  AND ($3::bigint = 0 OR created_at < to_timestamp($3::bigint / 1000.0))
  AND ($4::integer[] IS NULL OR partition = ANY($4::integer[]))
ORDER BY id
LIMIT $2)"};

} // namespace sql

namespace {

// A batch of marks is one statement, with its fencing check ($3, $4)
// read first: no transaction of its own.
const sql_def& outbox_sent_def() {
  static const std::string text = "WITH " + fence_cte(3) + ",\ns AS ("
                                  + sql::outbox_sent_update + ")\n"
                                  + fence_branch(1) + R"(
UNION ALL
SELECT dedupe_key FROM s)";
  static const sql_def def{"outbox_sent", text.c_str(), true};
  return def;
}

} // namespace

const std::vector<sql_def>& outbox_statements() {
  static const std::vector<sql_def> defs{
      sql::outbox_insert, sql::outbox_lookup, outbox_sent_def(),
      sql::outbox_failed, sql::outbox_unsent,
  };
  return defs;
}

// -- validation
// -----------------------------------------------------------------

caf::error check(const outbox_put& x) {
  return check(x.item);
}

caf::error check(const outbox_record& i) {
  if (i.dedupe_key.empty())
    return make_error(engine_errc::invalid_input,
                      "outbox row without dedupe key");
  return first_error(
      {check_text("outbox dedupe_key", i.dedupe_key, limits::name),
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
  if (x.before_ms < 0)
    return make_error(engine_errc::invalid_input, "negative before_ms");
  return check_limit(x.limit);
}

caf::error check(const reply_put& x) {
  if (x.outbox.empty() && x.finishes.empty())
    return make_error(engine_errc::invalid_input,
                      "reply_put without rows or finished updates");
  for (const auto& r : x.outbox)
    if (auto err = check(r))
      return err;
  for (auto id : x.finishes)
    if (id <= 0)
      return make_error(engine_errc::invalid_input,
                        "reply_put finishes update id " + std::to_string(id));
  return {};
}

// -- builders and decoders
// ------------------------------------------------------

statement
outbox_insert_statement(const std::vector<const outbox_record*>& rows) {
  array_literal keys, chats, kinds, texts, targets, markups, partitions;
  for (auto r : rows) {
    keys.add_text(r->dedupe_key);
    chats.add(r->chat_id);
    kinds.add_text(r->kind);
    texts.add_text(r->text);
    targets.add(r->target_message_id);
    markups.add_text(r->markup);
    if (r->partition >= 0)
      partitions.add(r->partition);
    else
      partitions.add_null();
  }
  return {sql::outbox_insert.name,
          {keys.str(), chats.str(), kinds.str(), texts.str(), targets.str(),
           markups.str(), partitions.str()}};
}

statement outbox_lookup_statement(const std::vector<std::string>& keys) {
  array_literal arr;
  for (auto& k : keys)
    arr.add_text(k);
  return {sql::outbox_lookup.name, {arr.str()}};
}

statement outbox_sent_statement(const std::vector<const outbox_sent*>& calls,
                                fence_arrays fences) {
  array_literal keys, ids;
  for (auto c : calls) {
    keys.add_text(c->dedupe_key);
    array_literal inner;
    for (auto id : c->message_ids)
      inner.add(id);
    // Each element is itself an array literal, cast per row in the SQL.
    ids.add_text(inner.str());
  }
  return {outbox_sent_def().name,
          {keys.str(), ids.str(), std::move(fences.partitions),
           std::move(fences.epochs)}};
}

statement
outbox_failed_statement(const std::vector<const outbox_failed*>& calls) {
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
  expect_width(r, 14, "outbox row");
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
  x.partition = static_cast<int32_t>(int_at(r, 13));
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

// -- execution
// ------------------------------------------------------------------

std::vector<outbox_put_result>
execute_batch(op_context& ctx, const std::vector<const outbox_put*>& calls) {
  std::vector<outbox_record> items;
  items.reserve(calls.size());
  for (auto c : calls)
    items.push_back(placed(c->item, c->fence));
  return write_outbox(ctx, pointers_to(items));
}

outbox_record placed(const outbox_record& row, const fence_token& fence) {
  auto out = row;
  if (fence.fenced())
    out.partition = fence.partition;
  return out;
}

std::vector<const outbox_record*>
pointers_to(const std::vector<outbox_record>& rows) {
  std::vector<const outbox_record*> out;
  out.reserve(rows.size());
  for (auto& r : rows)
    out.push_back(&r);
  return out;
}

std::vector<outbox_put_result>
write_outbox(op_context& ctx, const std::vector<const outbox_record*>& items) {
  std::unordered_map<std::string, int64_t> created;
  for_each_chunk(items, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(outbox_insert_statement(chunk)))
      created.emplace(text_at(r, 0), int_at(r, 1));
  });
  return settle_outbox(ctx, items, created);
}

std::vector<outbox_put_result>
settle_outbox(op_context& ctx, const std::vector<const outbox_record*>& items,
              const std::unordered_map<std::string, int64_t>& created) {
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
    for (auto& r :
         ctx.sql.run(outbox_sent_statement(chunk, fence_params(ctx, chunk))))
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

std::vector<reply_put_result>
execute_batch(op_context& ctx, const std::vector<const reply_put*>& calls) {
  std::vector<outbox_record> rows;
  std::vector<int64_t> finished;
  for (auto c : calls) {
    for (const auto& r : c->outbox)
      rows.push_back(placed(r, c->fence));
    finished.insert(finished.end(), c->finishes.begin(), c->finishes.end());
  }
  auto written = write_outbox(ctx, pointers_to(rows));
  if (!finished.empty())
    mark_inbox_done(ctx, finished);
  std::vector<reply_put_result> out(calls.size());
  size_t next = 0;
  for (size_t i = 0; i < calls.size(); ++i)
    for (size_t k = 0; k < calls[i]->outbox.size(); ++k)
      out[i].outbox.push_back(written[next++]);
  return out;
}

outbox_page execute(op_context& ctx, const outbox_unsent& x) {
  outbox_page out;
  for (auto& r :
       ctx.sql.run({sql::outbox_unsent.name,
                    {param(x.after_id), param(x.limit), param(x.before_ms),
                     partitions_param(x.partitions)}}))
    out.rows.push_back(decode_outbox_record(r));
  return out;
}

} // namespace bridge::storage
