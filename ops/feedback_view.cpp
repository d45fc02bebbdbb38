// SPDX-License-Identifier: Apache-2.0
#include "ops/feedback_view.hpp"

#include <cctype>

#include "common/json_writer.hpp"

namespace bridge::ops {

namespace {

/// The language part of a code, lowercased: "en-GB" -> "en".
std::string base_language(std::string_view code) {
  std::string out;
  for (char ch : code) {
    if (ch == '-' || ch == '_')
      break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

} // namespace

const char* to_string(feedback_state s) {
  switch (s) {
  case feedback_state::same_language:
    return "same_language";
  case feedback_state::translated:
    return "translated";
  case feedback_state::failed:
    return "failed";
  case feedback_state::pending:
    return "pending";
  }
  return "pending";
}

bool same_language(std::string_view a, std::string_view b) {
  auto x = base_language(a);
  return !x.empty() && x == base_language(b);
}

std::vector<feedback_view> plan_feedback(const feedback_page& page,
                                         const std::string& operator_lang,
                                         size_t max_translations,
                                         std::vector<size_t>& ask) {
  std::vector<feedback_view> out;
  out.reserve(page.rows.size());
  for (const auto& r : page.rows) {
    feedback_view v;
    v.record = r;
    v.text = r.text;
    if (same_language(r.language, operator_lang)) {
      v.state = feedback_state::same_language;
    } else if (!r.translated_text.empty()
               && same_language(r.translated_lang, operator_lang)) {
      v.state = feedback_state::translated;
      v.text = r.translated_text;
    } else if (base_language(r.language).empty()) {
      v.state = feedback_state::failed;
      v.error = "the author's language is unknown";
    } else if (ask.size() < max_translations) {
      ask.push_back(out.size());
      v.error = "not translated yet";
    } else {
      v.error = "not translated yet: more than "
                + std::to_string(max_translations)
                + " on this page need the translator; read it again";
    }
    out.push_back(std::move(v));
  }
  return out;
}

void settle(feedback_view& v, bool ok, const std::string& text_or_reason) {
  if (ok) {
    v.state = feedback_state::translated;
    v.text = text_or_reason;
    v.error.clear();
    return;
  }
  v.state = feedback_state::failed;
  v.text = v.record.text;
  v.error = text_or_reason.empty() ? "the translator failed" : text_or_reason;
}

std::string render_feedback(const std::vector<feedback_view>& rows,
                            int64_t limit, const std::string& operator_lang) {
  json::writer w;
  w.begin_object().field("operator_language", operator_lang);
  w.key("rows").begin_array();
  for (const auto& v : rows) {
    const auto& r = v.record;
    w.begin_object()
        .field("id", r.id)
        .field("user_id", r.user_id)
        .field("role", r.role)
        .field("language", r.language)
        .field("text", r.text)
        .field("created_at_ms", r.created_at_ms);
    w.key("translation")
        .begin_object()
        .field("state", to_string(v.state))
        .field("language", operator_lang)
        .field("text", v.text);
    if (v.state == feedback_state::failed || v.state == feedback_state::pending)
      w.field("error", v.error);
    w.end_object().end_object();
  }
  w.end_array().key("next_after");
  if (rows.empty() || static_cast<int64_t>(rows.size()) < limit)
    w.null();
  else
    w.value(rows.back().record.id);
  return std::move(w.end_object()).str();
}

} // namespace bridge::ops
