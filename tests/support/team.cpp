// SPDX-License-Identifier: Apache-2.0
#include "tests/support/team.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>

#include <boost/test/unit_test.hpp>
#include <pqxx/pqxx>

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

bool has_button(const sim_event& m, const std::string& data) {
  for (const auto& row : m.buttons)
    for (const auto& b : row)
      if (b.data == data)
        return true;
  return false;
}

std::string join_accept_data(const sim_user& worker) {
  return "join:yes:" + std::to_string(worker.id);
}

void accept_join(sim_world& w, const sim_user& manager,
                 const sim_user& worker) {
  auto sent = w.next_message(worker.id);
  if (sent.text.find(manager.first_name) == std::string::npos)
    throw std::runtime_error("no request sent: '" + sent.text + "'");
  auto request = w.next_message(manager.id);
  press_button(w, manager, request, join_accept_data(worker));
  auto joined = w.next_message(manager.id);
  if (joined.text.find(worker.first_name) == std::string::npos)
    throw std::runtime_error("manager not told: '" + joined.text + "'");
  auto connected = w.next_message(worker.id);
  if (connected.text.find(manager.first_name) == std::string::npos)
    throw std::runtime_error("not connected: '" + connected.text + "'");
}

std::string find_code(const std::string& text) {
  // New codes first: a five-digit run inside one must not match alone.
  static const std::regex code{
      "BRIDGE-(?:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|[0-9]{5})"};
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
  auto joined = w.next_message(manager.id);
  // With session.join_approval (the default) the manager is asked first,
  // and accepts here.
  if (auto accept = join_accept_data(u); has_button(joined, accept)) {
    press_button(w, manager, joined, accept);
    joined = w.next_message(manager.id);
    connected = w.next_message(u.id);
  }
  if (connected.text.find(manager.first_name) == std::string::npos)
    throw std::runtime_error("not connected: '" + connected.text + "'");
  if (joined.text.find(u.first_name) == std::string::npos)
    throw std::runtime_error("manager not told: '" + joined.text + "'");
}

std::vector<std::string> unthrottled_engine(std::vector<std::string> extra) {
  std::vector<std::string> args{
      "--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
      "--sender.global_per_second=1000", "--session.updates_per_minute=1000"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::vector<std::string> unthrottled_sim() {
  return {"--per-chat-per-second", "100", "--per-chat-burst", "100",
          "--global-per-second",   "1000"};
}

std::vector<std::string> island_engine(std::string& modes_dir) {
  namespace fs = std::filesystem;
  modes_dir = make_scratch_dir("modes");
  fs::path dir{modes_dir};
  fs::path system{"/usr/share/apertium/modes"};
  for (auto [name, from] : {std::pair{"eng-spa", "eng-spa"},
                            {"spa-eng", "spa-eng"},
                            {"rus-ukr", "eng-spa"},
                            {"ukr-rus", "eng-spa"}})
    fs::copy_file(system / (std::string{from} + ".mode"),
                  dir / (std::string{name} + ".mode"));
  return unthrottled_engine(
      {"--translator.backend=apertium", "--translator.apertium_pipelines=1",
       "--translator.apertium_modes_dir=" + dir.string()});
}

numbered_arrivals collect_numbered(sim_world& w, int64_t chat,
                                   const std::string& word, int total,
                                   std::chrono::seconds limit,
                                   std::chrono::seconds quiet) {
  numbered_arrivals out;
  std::set<int> seen;
  auto marker = word + " ";
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    bool complete = seen.size() >= static_cast<size_t>(total);
    auto got =
        w.await_messages(chat, 1, complete ? quiet : std::chrono::seconds{5});
    if (got.empty() && complete)
      break; // all arrived, and the chat stayed quiet after
    for (auto& m : got) {
      auto at = m.text.find(marker);
      if (at == std::string::npos) {
        ++out.others;
        continue;
      }
      auto n = std::atoi(m.text.c_str() + at + marker.size());
      out.order.push_back(n);
      seen.insert(n);
    }
  }
  out.distinct = seen.size();
  return out;
}

std::string fake_copy(const sim_user& writer, const std::string& partner_lang,
                      const std::string& text) {
  return writer.first_name + ": [" + partner_lang + "] " + text;
}

int64_t db_value(sim_world& w, const std::string& sql) {
  pqxx::connection c{w.database_url()};
  pqxx::nontransaction q{c};
  auto r = q.exec1(sql);
  return r[0].is_null() ? -1 : r[0].as<int64_t>();
}

void await_marked(sim_world& world, int64_t chat, int64_t message_id) {
  auto sql =
      "SELECT count(*) FROM outbox WHERE chat_id = " + std::to_string(chat)
      + " AND " + std::to_string(message_id) + " = ANY (telegram_message_ids)";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{20};
  while (db_value(world, sql) == 0) {
    BOOST_REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
}

bool db_eventually(sim_world& w, const std::string& sql,
                   std::chrono::milliseconds limit) {
  pqxx::connection c{w.database_url()};
  auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    {
      pqxx::nontransaction q{c};
      if (q.exec1(sql)[0].as<int64_t>() == 1)
        return true;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
}

std::string arrived_unread(sim_world& w, const std::vector<int64_t>& chats,
                           std::chrono::milliseconds window) {
  // The window is waited out on tg-sim's global feed (a long poll), so it
  // costs no sleeping and ends early for nothing.
  auto last = w.sim().stat("/events/last_seq");
  if (!last)
    throw std::runtime_error("tg-sim stats unreadable");
  auto after = *last;
  auto deadline = std::chrono::steady_clock::now() + window;
  for (auto now = std::chrono::steady_clock::now(); now < deadline;
       now = std::chrono::steady_clock::now()) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    auto events = w.sim().events(after, 1000, left);
    if (!events)
      throw std::runtime_error("tg-sim events unreadable");
    for (auto& e : *events)
      after = std::max(after, e.seq);
  }
  std::string out;
  for (auto chat : chats)
    for (auto& e : w.unread(chat))
      out += "\nchat " + std::to_string(chat) + " got " + e.method + " '"
             + e.text + "'";
  return out;
}

} // namespace bridge::test
