// SPDX-License-Identifier: Apache-2.0
#include "messages/translator.hpp"

#include <numeric>

namespace bridge {

glossary_terms::glossary_terms(table terms)
    : table_(std::make_shared<const table>(std::move(terms))),
      picked_(table_->size()) {
  std::iota(picked_.begin(), picked_.end(), 0u);
}

glossary_terms::table glossary_terms::copied() const {
  table out;
  out.reserve(picked_.size());
  for (const auto& t : *this)
    out.push_back(t);
  return out;
}

const char* to_string(backend_status s) {
  switch (s) {
  case backend_status::ok:
    return "ok";
  case backend_status::transport_error:
    return "transport_error";
  case backend_status::timeout:
    return "timeout";
  case backend_status::http_error:
    return "http_error";
  case backend_status::malformed:
    return "malformed";
  case backend_status::empty:
    return "empty";
  case backend_status::truncated:
    return "truncated";
  case backend_status::refused:
    return "refused";
  }
  return "unknown";
}

} // namespace bridge
