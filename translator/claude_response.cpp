// SPDX-License-Identifier: Apache-2.0
#include "translator/claude_response.hpp"

#include <simdjson.h>

#include "common/utf8.hpp"
#include "translator/http_hints.hpp"

namespace bridge::translation::claude {

namespace dom = simdjson::dom;

namespace {

/// Bodies quoted in messages are cut to this many characters.
constexpr size_t max_quote = 200;

std::string clean(std::string_view text, size_t max_units = 1 << 20) {
  std::string out =
      utf8::is_valid(text) ? std::string{text} : utf8::sanitize(text);
  if (utf8::utf16_length(out) > max_units)
    out.resize(utf8::prefix_bytes_for_utf16(out, max_units));
  return out;
}

std::string_view trim(std::string_view s) {
  auto ws = [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  };
  while (!s.empty() && ws(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && ws(s.back()))
    s.remove_suffix(1);
  return s;
}

backend_reply with(backend_status status, std::string message) {
  backend_reply r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

} // namespace

backend_reply decode_success(std::string_view body) {
  dom::parser parser;
  dom::element doc;
  if (parser.parse(body.data(), body.size()).get(doc) != simdjson::SUCCESS)
    return with(backend_status::malformed, "the body is not JSON");
  dom::array content;
  if (doc["content"].get_array().get(content) != simdjson::SUCCESS)
    return with(backend_status::malformed, "no content array");
  std::string text;
  for (auto block : content) {
    std::string_view type;
    if (block["type"].get_string().get(type) != simdjson::SUCCESS)
      return with(backend_status::malformed, "a content block has no type");
    if (type != "text")
      continue;
    std::string_view part;
    if (block["text"].get_string().get(part) != simdjson::SUCCESS)
      return with(backend_status::malformed, "a text block has no text");
    text.append(part);
  }
  std::string_view stop;
  if (doc["stop_reason"].get_string().get(stop) == simdjson::SUCCESS) {
    if (stop == "max_tokens")
      return with(backend_status::truncated, "stopped at max_tokens");
    if (stop == "refusal")
      return with(backend_status::refused,
                  "the model declined to translate this message");
  }
  auto trimmed = trim(text);
  if (trimmed.empty())
    return with(backend_status::empty, "no text in the answer");
  backend_reply r;
  r.status = backend_status::ok;
  r.text = clean(trimmed);
  return r;
}

void decode_error(std::string_view body, std::string& type,
                  std::string& message) {
  dom::parser parser;
  dom::element doc;
  if (parser.parse(body.data(), body.size()).get(doc) == simdjson::SUCCESS) {
    dom::object err;
    if (doc["error"].get_object().get(err) == simdjson::SUCCESS) {
      std::string_view t, m;
      if (err["type"].get_string().get(t) == simdjson::SUCCESS)
        type = clean(t, 64);
      if (err["message"].get_string().get(m) == simdjson::SUCCESS)
        message = clean(m, 500);
      return;
    }
  }
  message = clean(trim(body), max_quote);
}

backend_reply decode_response(const http_response& resp,
                              std::chrono::system_clock::time_point now) {
  if (resp.transport_failed()) {
    auto r = with(resp.timed_out ? backend_status::timeout
                                 : backend_status::transport_error,
                  resp.error);
    return r;
  }
  backend_reply r;
  if (resp.status == 200) {
    r = decode_success(resp.body);
  } else {
    r.status = backend_status::http_error;
    decode_error(resp.body, r.error_type, r.message);
  }
  r.http_status = static_cast<int32_t>(resp.status);
  r.retry_after_ms = http_hints::retry_after_ms(resp.headers, now);
  r.limits = http_hints::rate_headers(resp.headers, now);
  return r;
}

} // namespace bridge::translation::claude
