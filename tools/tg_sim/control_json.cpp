// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/control_json.hpp"

#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

namespace {

bool parse_body(std::string_view body, simdjson::dom::element& root,
                http_answer& error) {
  auto err = thread_parser().parse(body.data(), body.size()).get(root);
  if (err == simdjson::SUCCESS)
    return true;
  error = control_error(400, std::string{"body is not valid JSON: "}
                                 + simdjson::error_message(err));
  return false;
}

} // namespace

bool parse_object(std::string_view body, simdjson::dom::object& out,
                  http_answer& error) {
  simdjson::dom::element root;
  if (!parse_body(body, root, error))
    return false;
  if (root.get_object().get(out) != simdjson::SUCCESS) {
    error = control_error(400, "body must be a JSON object");
    return false;
  }
  return true;
}

bool parse_array(std::string_view body, simdjson::dom::array& out,
                 http_answer& error) {
  simdjson::dom::element root;
  if (!parse_body(body, root, error))
    return false;
  if (root.get_array().get(out) != simdjson::SUCCESS) {
    error = control_error(400, "body must be a JSON array of messages");
    return false;
  }
  return true;
}

} // namespace bridge::tg_sim
