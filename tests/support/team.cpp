#include "tests/support/team.hpp"

#include <regex>
#include <stdexcept>

namespace bridge::test {

void press_button(sim_world& w, const sim_user& u, const sim_event& m,
                  const std::string& data) {
  for (const auto& row : m.buttons)
    for (const auto& b : row)
      if (b.data == data) {
        w.press(u, m.message_id, data);
        return;
      }
  throw std::runtime_error("message '" + m.text + "' has no button " + data);
}

std::string find_code(const std::string& text) {
  static const std::regex code{"BRIDGE-[0-9]{5}"};
  std::smatch m;
  return std::regex_search(text, m, code) ? m.str() : std::string{};
}

std::string register_manager(sim_world& w, const sim_user& u,
                             const std::string& lang) {
  w.say(u, "/start");
  press_button(w, u, w.next_message(u.id), "role:manager");
  press_button(w, u, w.next_message(u.id), "lang:" + lang);
  auto ready = w.next_message(u.id);
  auto code = find_code(ready.text);
  if (code.empty())
    throw std::runtime_error("no code in '" + ready.text + "'");
  return code;
}

void register_worker(sim_world& w, const sim_user& u, const std::string& lang,
                     const std::string& code, const sim_user& manager) {
  w.say(u, "/start");
  press_button(w, u, w.next_message(u.id), "role:worker");
  press_button(w, u, w.next_message(u.id), "lang:" + lang);
  w.next_message(u.id); // asks for the code
  w.say(u, code);
  auto connected = w.next_message(u.id);
  if (connected.text.find(manager.first_name) == std::string::npos)
    throw std::runtime_error("not connected: '" + connected.text + "'");
  auto joined = w.next_message(manager.id);
  if (joined.text.find(u.first_name) == std::string::npos)
    throw std::runtime_error("manager not told: '" + joined.text + "'");
}

} // namespace bridge::test
