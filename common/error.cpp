// SPDX-License-Identifier: Apache-2.0
#include "common/error.hpp"

#include <caf/message.hpp>
#include <caf/sec.hpp>

namespace bridge {

const char* to_string(engine_errc code) {
  switch (code) {
  case engine_errc::none:
    return "none";
  case engine_errc::deadline_exceeded:
    return "deadline_exceeded";
  case engine_errc::queue_full:
    return "queue_full";
  case engine_errc::shutting_down:
    return "shutting_down";
  case engine_errc::db_unavailable:
    return "db_unavailable";
  case engine_errc::db_error:
    return "db_error";
  case engine_errc::cache_unavailable:
    return "cache_unavailable";
  case engine_errc::http_unreachable:
    return "http_unreachable";
  case engine_errc::http_status:
    return "http_status";
  case engine_errc::rate_limited:
    return "rate_limited";
  case engine_errc::unauthorized:
    return "unauthorized";
  case engine_errc::conflict:
    return "conflict";
  case engine_errc::invalid_input:
    return "invalid_input";
  case engine_errc::not_found:
    return "not_found";
  case engine_errc::translation_failed:
    return "translation_failed";
  case engine_errc::unsupported_language:
    return "unsupported_language";
  case engine_errc::circuit_open:
    return "circuit_open";
  case engine_errc::chat_unavailable:
    return "chat_unavailable";
  case engine_errc::fenced:
    return "fenced";
  case engine_errc::schema_newer:
    return "schema_newer";
  }
  return "unknown";
}

engine_errc engine_code(const caf::error& err) {
  if (!err || err.category() != engine_error_category)
    return engine_errc::none;
  return static_cast<engine_errc>(err.code());
}

bool is_transient(engine_errc code) {
  switch (code) {
  case engine_errc::deadline_exceeded:
  case engine_errc::queue_full:
  case engine_errc::shutting_down:
  case engine_errc::db_unavailable:
  case engine_errc::cache_unavailable:
  case engine_errc::http_unreachable:
  case engine_errc::rate_limited:
  case engine_errc::circuit_open:
  // Retried until the keeper stops the partition's actors here (within
  // a lease tick): every try is refused again, so nothing is written,
  // and nothing is reported to a user as failed.
  case engine_errc::fenced:
    return true;
  case engine_errc::none:
  case engine_errc::db_error:
  case engine_errc::http_status:
  case engine_errc::unauthorized:
  case engine_errc::conflict:
  case engine_errc::invalid_input:
  case engine_errc::not_found:
  case engine_errc::translation_failed:
  case engine_errc::unsupported_language:
  case engine_errc::chat_unavailable:
  case engine_errc::schema_newer:
    return false;
  }
  return false;
}

bool is_transient(const caf::error& err) {
  if (!err)
    return false;
  if (err.category() == engine_error_category)
    return is_transient(static_cast<engine_errc>(err.code()));
  if (err.category() == caf::atom("system")) {
    auto code = static_cast<caf::sec>(err.code());
    return code == caf::sec::request_timeout
           || code == caf::sec::request_receiver_down;
  }
  return false;
}

std::string describe(const caf::error& err) {
  if (!err)
    return "ok";
  std::string out;
  if (err.category() == engine_error_category) {
    out = to_string(static_cast<engine_errc>(err.code()));
  } else if (err.category() == caf::atom("system")) {
    out = caf::to_string(static_cast<caf::sec>(err.code()));
  } else {
    out = caf::to_string(err.category());
    out += ':';
    out += std::to_string(err.code());
  }
  const auto& ctx = err.context();
  if (ctx.match_elements<std::string>()) {
    out += ": ";
    out += ctx.get_as<std::string>(0);
  }
  return out;
}

} // namespace bridge
