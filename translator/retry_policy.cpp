// SPDX-License-Identifier: Apache-2.0
#include "translator/retry_policy.hpp"

#include <algorithm>
#include <cctype>

#include "common/utf8.hpp"

namespace bridge::translation {

namespace {

/// Server messages are quoted in reasons; keep them to a readable size.
constexpr size_t max_quoted = 300;

std::string quoted(const std::string& message) {
  auto clean = utf8::is_valid(message) ? message : utf8::sanitize(message);
  if (clean.size() > max_quoted) {
    clean.resize(utf8::prefix_bytes_for_utf16(clean, max_quoted));
    clean += "...";
  }
  return clean;
}

bool contains_nocase(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a))
                                 == std::tolower(static_cast<unsigned char>(b));
                        });
  return it != hay.end();
}

std::string http_reason(const backend_reply& r, std::string_view what) {
  std::string out{what};
  out += " (HTTP ";
  out += std::to_string(r.http_status);
  if (!r.error_type.empty()) {
    out += ' ';
    out += r.error_type;
  }
  out += ')';
  if (!r.message.empty()) {
    out += ": ";
    out += quoted(r.message);
  }
  return out;
}

failure_verdict classify_http(const backend_reply& r) {
  failure_verdict v;
  auto status = r.http_status;
  if (status == 429) {
    if (is_spend_limit(r.error_type, r.message)) {
      v.unhealthy = true;
      v.code = engine_errc::rate_limited;
      v.reason =
          http_reason(r, "the translation account's spend limit is reached");
      return v;
    }
    v.retry = true;
    v.rate_limited = true;
    v.code = engine_errc::rate_limited;
    v.reason = http_reason(r, "the translation service is rate limiting us");
    return v;
  }
  if (status == 529) {
    v.retry = v.unhealthy = v.overloaded = true;
    v.reason = http_reason(r, "the translation service is overloaded");
    return v;
  }
  if (status >= 500 && status <= 599) {
    v.retry = v.unhealthy = true;
    v.reason = http_reason(r, "the translation service failed");
    return v;
  }
  if (status == 408) {
    v.retry = v.unhealthy = true;
    v.reason = http_reason(r, "the translation service timed out");
    return v;
  }
  if (status == 409) {
    v.retry = true;
    v.reason = http_reason(r, "the translation service reported a conflict");
    return v;
  }
  if (status == 401 || status == 403) {
    // Every call will fail the same way: worth opening the breaker.
    v.unhealthy = true;
    v.code = engine_errc::unauthorized;
    v.reason =
        http_reason(r, "the translation service refused our credentials");
    return v;
  }
  if (status >= 400 && status <= 499) {
    v.reason = http_reason(r, "the translation service refused the request");
    return v;
  }
  // Redirects and other surprises: a misconfigured URL, not a bad request.
  v.unhealthy = true;
  v.reason = http_reason(r, "the translation service answered unexpectedly");
  return v;
}

} // namespace

bool is_spend_limit(std::string_view error_type, std::string_view message) {
  return error_type == "billing_error"
         || contains_nocase(message, "spend limit")
         || contains_nocase(message, "usage limit")
         || contains_nocase(message, "credit balance");
}

failure_verdict classify(const backend_reply& r) {
  failure_verdict v;
  switch (r.status) {
  case backend_status::ok:
    v.reason = "ok";
    return v;
  case backend_status::transport_error:
    v.retry = v.unhealthy = true;
    v.reason = "could not reach the translation service: " + quoted(r.message);
    return v;
  case backend_status::timeout:
    v.retry = v.unhealthy = true;
    v.reason = "the translation service did not answer in time";
    if (!r.message.empty())
      v.reason += ": " + quoted(r.message);
    return v;
  case backend_status::http_error:
    return classify_http(r);
  case backend_status::malformed:
    v.unhealthy = true;
    v.reason = "the translation service answered malformed JSON";
    if (!r.message.empty())
      v.reason += ": " + quoted(r.message);
    return v;
  case backend_status::empty:
    v.reason = "the translation service returned an empty translation";
    return v;
  case backend_status::truncated:
    v.reason = "the translation was cut off by the output limit "
               "(translator.claude_max_tokens)";
    return v;
  case backend_status::refused:
    v.reason = quoted(r.message.empty() ? std::string{"refused by the backend"}
                                        : r.message);
    return v;
  }
  v.reason = "unknown backend status";
  return v;
}

} // namespace bridge::translation
