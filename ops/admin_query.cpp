// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_query.hpp"

#include <charconv>
#include <cstdint>

#include "common/json_writer.hpp"

namespace bridge::ops {

namespace {

/// A parameter given once at most; empty when absent.
std::optional<std::string> single(const query_params& q, const char* name,
                                  std::string& error) {
  auto [lo, hi] = q.equal_range(name);
  if (lo == hi)
    return std::string{};
  if (std::next(lo) != hi) {
    error = std::string{"'"} + name + "' given twice";
    return std::nullopt;
  }
  return lo->second;
}

/// A non-negative integer parameter, `fallback` when absent.
bool number(const query_params& q, const char* name, int64_t fallback,
            int64_t max, int64_t& out, std::string& error) {
  auto v = single(q, name, error);
  if (!v)
    return false;
  if (v->empty()) {
    out = fallback;
    return true;
  }
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc{} || end != v->data() + v->size() || n < 0 || n > max) {
    error = std::string{"'"} + name + "' must be a whole number from 0 to "
            + std::to_string(max);
    return false;
  }
  out = n;
  return true;
}

constexpr int64_t max_id = INT64_MAX / 2;

bool page(const query_params& q, int64_t& after, int64_t& limit, int64_t& since,
          std::string& error) {
  if (!number(q, "after", 0, max_id, after, error)
      || !number(q, "limit", 50, max_page_size, limit, error)
      || !number(q, "active_since_ms", 0, max_id, since, error))
    return false;
  if (limit == 0) {
    error = "'limit' must be from 1 to " + std::to_string(max_page_size);
    return false;
  }
  return true;
}

void write_user(json::writer& w, const user_record& u) {
  w.begin_object()
      .field("telegram_id", u.telegram_id)
      .field("role", to_string(u.role))
      .field("language", u.language)
      .field("display_name", u.display_name)
      .field("invitation_code", u.invitation_code)
      .field("manager_id", u.manager_id)
      .field("created_at_ms", u.created_at_ms)
      .field("updated_at_ms", u.updated_at_ms)
      .end_object();
}

void write_next(json::writer& w, size_t rows, int64_t last_id, int64_t limit) {
  w.key("next_after");
  if (static_cast<int64_t>(rows) < limit)
    w.null();
  else
    w.value(last_id);
}

} // namespace

std::variant<user_list, bad_request> parse_user_list(const query_params& q) {
  user_list r;
  std::string error;
  auto role = single(q, "role", error);
  auto lang = single(q, "language", error);
  if (!role || !lang || !page(q, r.after_id, r.limit, r.active_since_ms, error))
    return bad_request{error};
  if (!role->empty() && *role != "manager" && *role != "worker"
      && *role != "none")
    return bad_request{"'role' must be manager, worker or none"};
  if (lang->size() > 8)
    return bad_request{"'language' is a language code such as en or es"};
  r.role = *role;
  r.language = *lang;
  return r;
}

std::variant<conversation_list, bad_request>
parse_conversation_list(const query_params& q) {
  conversation_list r;
  std::string error;
  if (!number(q, "manager", 0, max_id, r.manager_id, error)
      || !number(q, "worker", 0, max_id, r.worker_id, error)
      || !page(q, r.after_id, r.limit, r.active_since_ms, error))
    return bad_request{error};
  return r;
}

std::variant<inbox_parked, bad_request>
parse_parked_list(const query_params& q) {
  inbox_parked r;
  std::string error;
  int64_t since = 0;
  if (!page(q, r.after_update_id, r.limit, since, error))
    return bad_request{error};
  if (since != 0)
    return bad_request{"'active_since_ms' does not apply to parked updates"};
  return r;
}

std::variant<feedback_list, bad_request>
parse_feedback_list(const query_params& q) {
  feedback_list r;
  std::string error;
  int64_t since = 0;
  if (!page(q, r.after_id, r.limit, since, error))
    return bad_request{error};
  if (since != 0)
    return bad_request{"'active_since_ms' does not apply to feedback"};
  return r;
}

std::variant<star_rejection_list, bad_request>
parse_uncredited_list(const query_params& q) {
  star_rejection_list r;
  std::string error;
  auto kind = single(q, "kind", error);
  if (!kind || !number(q, "before", 0, max_id, r.before_id, error)
      || !number(q, "limit", 50, max_page_size, r.limit, error))
    return bad_request{error};
  if (r.limit == 0)
    return bad_request{"'limit' must be from 1 to "
                       + std::to_string(max_page_size)};
  // Uncredited payments by default: the rows that hold someone's Stars.
  if (kind->empty() || *kind == "payment")
    r.kind = "payment";
  else if (*kind == "checkout")
    r.kind = "checkout";
  else if (*kind == "all")
    r.kind.clear();
  else
    return bad_request{"'kind' must be payment, checkout or all"};
  return r;
}

std::optional<int64_t> parse_id(const std::string& text) {
  int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n <= 0)
    return std::nullopt;
  return n;
}

std::string render(const user_page& page, int64_t limit) {
  json::writer w;
  w.begin_object().key("rows").begin_array();
  for (const auto& u : page.rows)
    write_user(w, u);
  w.end_array();
  write_next(w, page.rows.size(),
             page.rows.empty() ? 0 : page.rows.back().telegram_id, limit);
  return std::move(w.end_object()).str();
}

std::string render(const parked_page& page, int64_t limit) {
  json::writer w;
  w.begin_object().key("rows").begin_array();
  for (const auto& p : page.rows)
    w.begin_object()
        .field("update_id", p.update_id)
        .field("chat_id", p.chat_id)
        .field("reason", p.reason)
        .field("received_at_ms", p.received_at_ms)
        .field("parked_at_ms", p.parked_at_ms)
        .end_object();
  w.end_array();
  write_next(w, page.rows.size(),
             page.rows.empty() ? 0 : page.rows.back().update_id, limit);
  return std::move(w.end_object()).str();
}

std::string render(const conversation_page& page, int64_t limit) {
  json::writer w;
  w.begin_object().key("rows").begin_array();
  for (const auto& c : page.rows)
    w.begin_object()
        .field("id", c.id)
        .field("manager_id", c.manager_id)
        .field("worker_id", c.worker_id)
        .field("messages", c.last_seq)
        .field("created_at_ms", c.created_at_ms)
        .field("last_message_at_ms", c.last_message_at_ms)
        .end_object();
  w.end_array();
  write_next(w, page.rows.size(), page.rows.empty() ? 0 : page.rows.back().id,
             limit);
  return std::move(w.end_object()).str();
}

std::string render(const subscription& s) {
  json::writer w;
  w.begin_object()
      .field("user_id", s.user_id)
      .field("status", to_string(s.status))
      .field("expires_at_ms", s.expires_at_ms)
      .end_object();
  return std::move(w).str();
}

std::string render(const db_pool_status& s) {
  json::writer w;
  w.begin_object()
      .field("pool_size", s.pool_size)
      .field("connections_open", s.connections_open)
      .field("in_use", s.in_use)
      .field("queue_depth", s.queue_depth)
      .field("queue_limit", s.queue_limit)
      .field("requests", s.requests)
      .field("waits", s.waits)
      .field("rejected_full", s.rejected_full)
      .field("expired", s.expired)
      .field("errors", s.errors)
      .field("connection_losses", s.connection_losses)
      .field("turns", s.turns)
      .field("combined_turns", s.combined_turns)
      .end_object();
  return std::move(w).str();
}

std::string render_error(const std::string& reason) {
  json::writer w;
  w.begin_object().field("error", reason).end_object();
  return std::move(w).str();
}

} // namespace bridge::ops
