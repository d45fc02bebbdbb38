// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_corrections.hpp"

#include <chrono>

#include <caf/scoped_actor.hpp>
#include <httplib.h>

#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"

namespace bridge::ops {

namespace {

constexpr auto corrections_wait = std::chrono::seconds{10};

void write_correction(json::writer& w, const correction_record& r) {
  w.begin_object()
      .field("id", r.id)
      .field("author_id", r.author_id)
      .field("writer_id", r.writer_id)
      .field("conversation_id", r.conversation_id)
      .field("message_id", r.message_id)
      .field("original_language", r.original_lang)
      .field("original", r.original_text)
      .field("target_language", r.target_lang)
      .field("machine_translation", r.machine_text)
      .field("correction", r.correction)
      .field("created_at_ms", r.created_at_ms)
      .end_object();
}

} // namespace

std::variant<corrections_query, bad_request>
parse_corrections(const query_params& q) {
  // The same paging as feedback; `format` is this route's own.
  query_params paging;
  std::string format = "json";
  for (const auto& [k, v] : q) {
    if (k != "format")
      paging.emplace(k, v);
    else if (q.count("format") > 1)
      return bad_request{"'format' given twice"};
    else
      format = v;
  }
  if (format != "json" && format != "jsonl")
    return bad_request{"'format' must be json or jsonl"};
  auto page = parse_feedback_list(paging);
  if (auto* bad = std::get_if<bad_request>(&page))
    return *bad;
  const auto& f = std::get<feedback_list>(page);
  corrections_query out;
  out.list.after_id = f.after_id;
  out.list.limit = f.limit;
  out.jsonl = format == "jsonl";
  return out;
}

std::string render_corrections(const correction_page& page, int64_t limit) {
  json::writer w;
  w.begin_object().key("rows").begin_array();
  for (const auto& r : page.rows)
    write_correction(w, r);
  w.end_array().key("next_after");
  if (page.rows.empty() || static_cast<int64_t>(page.rows.size()) < limit)
    w.null();
  else
    w.value(page.rows.back().id);
  return std::move(w.end_object()).str();
}

std::string render_corrections_jsonl(const correction_page& page) {
  std::string out;
  for (const auto& r : page.rows) {
    json::writer w;
    write_correction(w, r);
    out += std::move(w).str();
    out += '\n';
  }
  return out;
}

void serve_corrections(const httplib::Request& req, httplib::Response& res,
                       const admin_options& o) {
  auto q =
      parse_corrections(query_params{req.params.begin(), req.params.end()});
  if (auto* bad = std::get_if<bad_request>(&q)) {
    res.status = 400;
    res.set_content(render_error(bad->reason), "application/json");
    return;
  }
  const auto& query = std::get<corrections_query>(q);
  caf::scoped_actor self{*o.sys.load()};
  correction_page page;
  caf::error failed;
  self->request(o.db, corrections_wait, query.list)
      .receive([&](correction_page& p) { page = std::move(p); },
               [&](caf::error& err) { failed = std::move(err); });
  if (failed) {
    res.status = 503;
    res.set_content(render_error(describe(failed)), "application/json");
    return;
  }
  res.set_header("Cache-Control", "no-store");
  res.status = 200;
  if (query.jsonl)
    res.set_content(render_corrections_jsonl(page), "application/x-ndjson");
  else
    res.set_content(render_corrections(page, query.list.limit),
                    "application/json");
}

} // namespace bridge::ops
