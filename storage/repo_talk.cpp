// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_talk.hpp"

#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>

#include "common/error.hpp"
#include "storage/fence.hpp"
#include "storage/repo_intake.hpp"
#include "storage/repo_outbox.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def conversation_open{"conversation_open", R"(
INSERT INTO conversations (manager_id, worker_id) VALUES ($1, $2)
ON CONFLICT (manager_id, worker_id) DO UPDATE SET manager_id = EXCLUDED.manager_id
RETURNING id, manager_id, worker_id,
          GREATEST(last_seq, COALESCE((SELECT max(m.seq) FROM messages m
                                       WHERE m.conversation_id = conversations.id), 0)),
          epoch_ms(created_at), 0)"};

// Starts from the highest stored sequence too, so numbers handed out
// before a crash (and stored) are never handed out again.
constexpr sql_def conversation_reserve{"conversation_reserve", R"(
UPDATE conversations c
SET last_seq = GREATEST(c.last_seq,
                        COALESCE((SELECT max(m.seq) FROM messages m
                                  WHERE m.conversation_id = c.id), 0)) + $2
WHERE c.id = $1
RETURNING c.last_seq)"};

constexpr sql_def message_insert{"message_insert", R"(
INSERT INTO messages (conversation_id, seq, sender_id, source_message_id,
                      original_text, original_lang, translated_text,
                      translated_lang, status, created_at, media_kind)
SELECT v.conversation_id, v.seq, v.sender_id, NULLIF(v.source_message_id, 0),
       v.original_text, v.original_lang, v.translated_text, v.translated_lang,
       v.status,
       CASE WHEN v.created_ms = 0 THEN now()
            ELSE to_timestamp(v.created_ms / 1000.0) END,
       v.media_kind
FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[],
            $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
            $10::bigint[], $11::text[])
  AS v(conversation_id, seq, sender_id, source_message_id, original_text,
       original_lang, translated_text, translated_lang, status, created_ms,
       media_kind)
ON CONFLICT (conversation_id, seq) DO NOTHING
RETURNING conversation_id, seq, id)"};

// The ids of rows stored before (a write run again after its answer was
// lost), so a rerun answers as the first run did.
constexpr sql_def message_lookup{"message_lookup", R"(
SELECT m.conversation_id, m.seq, m.id
FROM messages m
JOIN unnest($1::bigint[], $2::bigint[]) AS k(conversation_id, seq)
  ON m.conversation_id = k.conversation_id AND m.seq = k.seq)"};

constexpr sql_def message_update_seq{"message_update_seq", R"(
UPDATE messages
SET original_text = COALESCE(NULLIF($3, ''), original_text),
    translated_text = COALESCE(NULLIF($4, ''), translated_text),
    translated_lang = COALESCE(NULLIF($5, ''), translated_lang),
    status = $6, updated_at = now()
WHERE conversation_id = $1 AND seq = $2
RETURNING id, conversation_id, seq, sender_id, source_message_id,
          original_text, original_lang, translated_text, translated_lang,
          status, epoch_ms(created_at), epoch_ms(updated_at), media_kind)"};

constexpr sql_def message_update_source{"message_update_source", R"(
UPDATE messages
SET original_text = COALESCE(NULLIF($3, ''), original_text),
    translated_text = COALESCE(NULLIF($4, ''), translated_text),
    translated_lang = COALESCE(NULLIF($5, ''), translated_lang),
    status = $6, updated_at = now()
WHERE conversation_id = $1 AND source_message_id = $2
RETURNING id, conversation_id, seq, sender_id, source_message_id,
          original_text, original_lang, translated_text, translated_lang,
          status, epoch_ms(created_at), epoch_ms(updated_at), media_kind)"};

constexpr sql_def message_recent{"message_recent", R"(
SELECT * FROM (
  SELECT id, conversation_id, seq, sender_id, source_message_id,
         original_text, original_lang, translated_text, translated_lang,
         status, epoch_ms(created_at) AS created_ms,
         epoch_ms(updated_at) AS updated_ms, media_kind
  FROM messages
  WHERE conversation_id = $1 AND seq < $3
  ORDER BY seq DESC
  LIMIT $2) newest
ORDER BY seq)"};

constexpr sql_def message_count{"message_count", R"(
SELECT count(*) FROM messages
WHERE conversation_id = $1
  AND created_at >= to_timestamp($2::bigint / 1000.0)
  AND created_at < to_timestamp($3::bigint / 1000.0))"};

} // namespace sql

namespace {

const char* text_of(const std::vector<sql_def>& defs, const char* name) {
  for (auto& d : defs)
    if (std::string_view{d.name} == name)
      return d.text;
  throw std::logic_error{std::string{"no statement "} + name};
}

} // namespace

// message_insert ($1-$11), inbox_done ($12) and outbox_insert ($13-$19)
// as they are, each a part of one WITH. Data-modifying parts run once and
// to completion whether read or not, on tables none of the others writes.
// The fencing check ($20, $21) is the first branch read, so it locks the
// leases before any row is written, and its refusal aborts the whole
// statement. One round trip instead of six (BEGIN, the check, three
// writes, COMMIT).
const sql_def& message_store_statement() {
  static const std::string text =
      "WITH " + fence_cte(20) + ",\nm AS (" + sql::message_insert.text
      + "),\nd AS ("
      + shift_params(text_of(intake_statements(), "inbox_done"), 11)
      + "),\no AS ("
      + shift_params(text_of(outbox_statements(), "outbox_insert"), 12) + ")\n"
      + fence_branch(5) + R"(
UNION ALL
SELECT 'm', conversation_id, seq, id, NULL::text FROM m
UNION ALL
SELECT 'o', NULL, NULL, id, dedupe_key FROM o)";
  static const sql_def def{"message_store", text.c_str()};
  return def;
}

const std::vector<sql_def>& talk_statements() {
  static const std::vector<sql_def> defs{
      sql::conversation_open,     sql::conversation_reserve,
      sql::message_insert,        message_store_statement(),
      sql::message_lookup,        sql::message_update_seq,
      sql::message_update_source, sql::message_recent,
      sql::message_count,
  };
  return defs;
}

// -- validation
// -----------------------------------------------------------------

namespace {

caf::error check_message_texts(const std::string& original,
                               const std::string& translated,
                               const std::string& translated_lang) {
  return first_error(
      {check_text("original_text", original, limits::message_text),
       check_text("translated_text", translated, limits::message_text),
       check_text("translated_lang", translated_lang, limits::code)});
}

} // namespace

caf::error check(const conversation_open& x) {
  if (auto err = first_error({check_id("manager_id", x.manager_id),
                              check_id("worker_id", x.worker_id)}))
    return err;
  if (x.manager_id == x.worker_id)
    return make_error(engine_errc::invalid_input,
                      "a conversation needs two different users");
  return {};
}

caf::error check(const conversation_reserve& x) {
  if (x.count < 1 || x.count > max_reserve)
    return make_error(engine_errc::invalid_input,
                      "reserve count " + std::to_string(x.count)
                          + " is outside [1, " + std::to_string(max_reserve)
                          + "]");
  return check_id("conversation_id", x.conversation_id);
}

caf::error check(const message_put& x) {
  if (x.rows.empty())
    return make_error(engine_errc::invalid_input, "message_put without rows");
  for (auto& r : x.rows) {
    auto err =
        first_error({check_id("conversation_id", r.conversation_id),
                     check_id("seq", r.seq), check_id("sender_id", r.sender_id),
                     check_message_texts(r.original_text, r.translated_text,
                                         r.translated_lang),
                     check_text("original_lang", r.original_lang, limits::code),
                     check_text("media_kind", r.media_kind, limits::code)});
    if (err)
      return err;
    if (r.created_at_ms < 0 || r.source_message_id < 0)
      return make_error(engine_errc::invalid_input,
                        "negative created_at_ms or source_message_id");
  }
  for (auto& o : x.outbox)
    if (auto err = check(o))
      return err;
  for (auto id : x.finishes)
    if (auto err = check_id("finished update_id", id))
      return err;
  return {};
}

caf::error check(const message_update& x) {
  if (auto err = check_id("conversation_id", x.conversation_id))
    return err;
  if (x.seq < 0 || (x.seq == 0 && x.source_message_id <= 0))
    return make_error(engine_errc::invalid_input,
                      "message_update needs a seq or a source_message_id");
  return check_message_texts(x.original_text, x.translated_text,
                             x.translated_lang);
}

caf::error check(const message_recent& x) {
  if (x.before_seq < 0)
    return make_error(engine_errc::invalid_input, "negative before_seq");
  return first_error(
      {check_id("conversation_id", x.conversation_id), check_limit(x.limit)});
}

caf::error check(const message_count& x) {
  if (x.since_ms < 0 || x.until_ms < x.since_ms)
    return make_error(engine_errc::invalid_input,
                      "message_count needs 0 <= since_ms <= until_ms");
  return check_id("conversation_id", x.conversation_id);
}

// -- builders and decoders
// ------------------------------------------------------

message_status message_status_from(std::string_view text) {
  if (text == "pending")
    return message_status::pending;
  if (text == "translated")
    return message_status::translated;
  if (text == "delivered")
    return message_status::delivered;
  if (text == "failed")
    return message_status::failed;
  throw db_failure{failure_kind::decode,
                   "unknown message status '" + std::string{text} + "'"};
}

message_row decode_message(const row& r) {
  expect_width(r, 13, "message row");
  message_row m;
  m.id = int_at(r, 0);
  m.conversation_id = int_at(r, 1);
  m.seq = int_at(r, 2);
  m.sender_id = int_at(r, 3);
  m.source_message_id = int_at(r, 4);
  m.original_text = text_at(r, 5);
  m.original_lang = text_at(r, 6);
  m.translated_text = text_at(r, 7);
  m.translated_lang = text_at(r, 8);
  m.status = message_status_from(text_at(r, 9));
  m.created_at_ms = int_at(r, 10);
  m.updated_at_ms = int_at(r, 11);
  m.media_kind = text_at(r, 12);
  return m;
}

conversation_record decode_conversation(const row& r) {
  expect_width(r, 6, "conversation row");
  return {int_at(r, 0), int_at(r, 1), int_at(r, 2),
          int_at(r, 3), int_at(r, 4), int_at(r, 5)};
}

statement
message_insert_statement(const std::vector<const message_row*>& rows) {
  array_literal conv, seq, sender, source, otext, olang, ttext, tlang, status,
      created, media;
  for (auto r : rows) {
    conv.add(r->conversation_id);
    seq.add(r->seq);
    sender.add(r->sender_id);
    source.add(r->source_message_id);
    otext.add_text(r->original_text);
    olang.add_text(r->original_lang);
    ttext.add_text(r->translated_text);
    tlang.add_text(r->translated_lang);
    status.add_text(to_string(r->status));
    created.add(r->created_at_ms);
    media.add_text(r->media_kind);
  }
  return {sql::message_insert.name,
          {conv.str(), seq.str(), sender.str(), source.str(), otext.str(),
           olang.str(), ttext.str(), tlang.str(), status.str(), created.str(),
           media.str()}};
}

void add_stored_before(op_context& ctx,
                       const std::vector<const message_put*>& calls,
                       std::map<message_key, int64_t>& stored) {
  std::set<message_key> missing;
  for (auto c : calls)
    for (auto& r : c->rows)
      if (stored.count({r.conversation_id, r.seq}) == 0)
        missing.insert({r.conversation_id, r.seq});
  std::vector<message_key> keys{missing.begin(), missing.end()};
  for_each_chunk(keys, ctx.batch_max, [&](const auto& chunk) {
    array_literal conv, seq;
    for (auto& k : chunk) {
      conv.add(k.first);
      seq.add(k.second);
    }
    for (auto& r :
         ctx.sql.run({sql::message_lookup.name, {conv.str(), seq.str()}})) {
      expect_width(r, 3, "message lookup");
      stored.emplace(message_key{int_at(r, 0), int_at(r, 1)}, int_at(r, 2));
    }
  });
}

std::vector<message_put_result>
split_message_ids(const std::vector<const message_put*>& calls,
                  std::map<message_key, int64_t> stored) {
  std::vector<message_put_result> out(calls.size());
  for (size_t i = 0; i < calls.size(); ++i) {
    for (auto& r : calls[i]->rows) {
      auto it = stored.find({r.conversation_id, r.seq});
      if (it == stored.end()) {
        out[i].ids.push_back(0);
      } else {
        out[i].ids.push_back(it->second);
        stored.erase(it);
      }
    }
  }
  return out;
}

statement message_update_statement(const message_update& x) {
  bool by_seq = x.seq > 0;
  return {
      by_seq ? sql::message_update_seq.name : sql::message_update_source.name,
      {param(x.conversation_id), param(by_seq ? x.seq : x.source_message_id),
       param(x.original_text), param(x.translated_text),
       param(x.translated_lang), param(to_string(x.status))}};
}

statement message_recent_statement(const message_recent& x) {
  auto before =
      x.before_seq > 0 ? x.before_seq : std::numeric_limits<int64_t>::max();
  return {sql::message_recent.name,
          {param(x.conversation_id), param(x.limit), param(before)}};
}

// -- execution
// ------------------------------------------------------------------

caf::expected<conversation_record> execute(op_context& ctx,
                                           const conversation_open& x) {
  auto rs = ctx.sql.run(
      {sql::conversation_open.name, {param(x.manager_id), param(x.worker_id)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "conversation_open returned no row"};
  return decode_conversation(rs.front());
}

caf::expected<seq_range> execute(op_context& ctx,
                                 const conversation_reserve& x) {
  auto rs = ctx.sql.run({sql::conversation_reserve.name,
                         {param(x.conversation_id), param(x.count)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no conversation " + std::to_string(x.conversation_id));
  auto last = int_at(rs.front(), 0);
  return seq_range{last - x.count + 1, last};
}

caf::expected<message_row> execute(op_context& ctx, const message_update& x) {
  auto rs = ctx.sql.run(message_update_statement(x));
  if (rs.empty())
    return make_error(engine_errc::not_found, "no such message");
  return decode_message(rs.front());
}

message_page execute(op_context& ctx, const message_recent& x) {
  message_page out;
  for (auto& r : ctx.sql.run(message_recent_statement(x)))
    out.rows.push_back(decode_message(r));
  return out;
}

db_count execute(op_context& ctx, const message_count& x) {
  auto rs = ctx.sql.run(
      {sql::message_count.name,
       {param(x.conversation_id), param(x.since_ms), param(x.until_ms)}});
  return {rs.empty() ? 0 : int_at(rs.front(), 0)};
}

} // namespace bridge::storage
