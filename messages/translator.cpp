// SPDX-License-Identifier: Apache-2.0
#include "messages/translator.hpp"

namespace bridge {

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
