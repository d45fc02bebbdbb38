#include "tools/tg_sim/control_json.hpp"

#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

bool parse_object(std::string_view body, simdjson::dom::object& out,
                  http_answer& error) {
  simdjson::dom::element root;
  auto err = thread_parser().parse(body.data(), body.size()).get(root);
  if (err != simdjson::SUCCESS) {
    error = control_error(400, std::string{"body is not valid JSON: "} +
                                   simdjson::error_message(err));
    return false;
  }
  if (root.get_object().get(out) != simdjson::SUCCESS) {
    error = control_error(400, "body must be a JSON object");
    return false;
  }
  return true;
}

} // namespace bridge::tg_sim
