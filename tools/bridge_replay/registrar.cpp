// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/registrar.hpp"

#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <thread>

#include "common/error.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace bridge::replay {

namespace {

using tg_sim::sim_event;
using clock_type = std::chrono::steady_clock;

/// A team as its lines say: the manager's line and their workers' lines.
struct team_lines {
  const traffic_line* manager = nullptr;
  std::vector<const traffic_line*> workers;
};

/// Reads each chat's messages in order through the per-chat feed, as a
/// person reads their chat. One per thread, with its own client.
class chat_reader {
public:
  chat_reader(int port, clock_type::time_point deadline)
      : sim_(tg_sim::sim_client::on_port(port)), deadline_(deadline) {}

  tg_sim::sim_client& sim() { return sim_; }
  int64_t last_seq() const { return last_seq_; }
  const std::map<int64_t, int64_t>& last_message() const {
    return last_message_;
  }

  /// The chat's next message from the bot; throws when none comes.
  sim_event next(int64_t chat) {
    auto& c = chats_[chat];
    auto give_up =
        std::min(deadline_, clock_type::now() + std::chrono::seconds{30});
    while (c.unread.empty()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          give_up - clock_type::now());
      if (left.count() <= 0)
        throw std::runtime_error("chat " + std::to_string(chat)
                                 + ": no answer from the bot");
      auto got = sim_.chat_events(
          chat, c.after, std::min(left, std::chrono::milliseconds{2000}));
      if (!got)
        throw std::runtime_error(describe(got.error()));
      for (auto& e : *got) {
        c.after = std::max(c.after, e.seq);
        last_seq_ = std::max(last_seq_, e.seq);
        if (e.method != "sendMessage")
          continue;
        last_message_[chat] = e.message_id;
        c.unread.push_back(std::move(e));
      }
    }
    auto e = std::move(c.unread.front());
    c.unread.pop_front();
    return e;
  }

private:
  struct cursor {
    int64_t after = 0;
    std::deque<sim_event> unread;
  };

  tg_sim::sim_client sim_;
  clock_type::time_point deadline_;
  std::map<int64_t, cursor> chats_;
  std::map<int64_t, int64_t> last_message_;
  int64_t last_seq_ = 0;
};

template <class T> T need(caf::expected<T> x) {
  if (!x)
    throw std::runtime_error(describe(x.error()));
  return std::move(*x);
}

bool has_button(const sim_event& m, const std::string& data) {
  for (const auto& row : m.buttons)
    for (const auto& b : row)
      if (b.data == data)
        return true;
  return false;
}

/// Presses `data` on the next message of `u`'s chat, which must carry it.
void press_next(chat_reader& r, const tg_sim::sim_user& u,
                const std::string& data) {
  auto m = r.next(u.id);
  if (!has_button(m, data))
    throw std::runtime_error("'" + m.text + "' has no button " + data);
  need(r.sim().press(u, u.id, m.message_id, data));
}

std::string find_code(const std::string& text) {
  // BRIDGE-XXXX-XXXX (Crockford base32), or a five-digit code of an
  // engine from before.
  static const std::regex code{
      "BRIDGE-(?:[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}|[0-9]{5})"};
  std::smatch m;
  return std::regex_search(text, m, code) ? m.str() : std::string{};
}

run_user make_user(const traffic_line& l, int64_t offset) {
  run_user u;
  u.user.id = l.user + offset;
  u.user.first_name = l.name;
  u.user.language_code = l.lang;
  u.lang = l.lang;
  u.is_manager = l.kind == line_kind::register_manager;
  u.manager = u.is_manager ? 0 : l.manager + offset;
  return u;
}

/// One team's dialogues; returns the workers in join order, then the
/// manager.
std::vector<run_user> register_team(chat_reader& r, const team_lines& t,
                                    int64_t offset) {
  auto m = make_user(*t.manager, offset);
  need(r.sim().say(m.user, "/start"));
  press_next(r, m.user, "role:manager");
  press_next(r, m.user, "lang:" + m.lang);
  auto code = find_code(r.next(m.user.id).text);
  if (code.empty())
    throw std::runtime_error("manager " + std::to_string(m.user.id)
                             + " got no invitation code");
  m.registered = true;
  std::vector<run_user> out;
  for (const auto* wl : t.workers) {
    auto w = make_user(*wl, offset);
    need(r.sim().say(w.user, "/start"));
    press_next(r, w.user, "role:worker");
    press_next(r, w.user, "lang:" + w.lang);
    r.next(w.user.id); // asks for the code
    need(r.sim().say(w.user, code));
    auto connected = r.next(w.user.id);
    auto joined = r.next(m.user.id);
    // With session.join_approval the manager is asked first: the runner
    // accepts, as the manager would.
    auto accept = "join:yes:" + std::to_string(w.user.id);
    if (has_button(joined, accept)) {
      need(r.sim().press(m.user, m.user.id, joined.message_id, accept));
      joined = r.next(m.user.id);
      connected = r.next(w.user.id);
    }
    if (connected.text.find(m.user.first_name) == std::string::npos)
      throw std::runtime_error("worker " + std::to_string(w.user.id)
                               + " not connected: " + connected.text);
    if (joined.text.find(w.user.first_name) == std::string::npos)
      throw std::runtime_error("manager not told of "
                               + std::to_string(w.user.id) + ": "
                               + joined.text);
    w.registered = true;
    m.workers.push_back(w.user.id);
    out.push_back(std::move(w));
  }
  out.push_back(std::move(m));
  return out;
}

} // namespace

registration register_all(const std::vector<traffic_line>& lines, int sim_port,
                          int threads, int64_t offset,
                          clock_type::time_point deadline) {
  auto began = clock_type::now();
  std::vector<team_lines> teams;
  std::map<int64_t, size_t> team_of;
  for (const auto& l : lines) {
    if (l.kind == line_kind::register_manager) {
      team_of[l.user] = teams.size();
      teams.push_back({&l, {}});
    } else if (l.kind == line_kind::register_worker) {
      teams[team_of.at(l.manager)].workers.push_back(&l);
    }
  }
  registration out;
  out.teams = static_cast<int64_t>(teams.size());
  std::mutex mu;
  std::atomic<size_t> next{0};
  auto work = [&] {
    chat_reader r{sim_port, deadline};
    for (size_t i; (i = next++) < teams.size();) {
      std::vector<run_user> got;
      std::string failure;
      try {
        got = register_team(r, teams[i], offset);
      } catch (const std::exception& e) {
        failure = "team of " + std::to_string(teams[i].manager->user + offset)
                  + ": " + e.what();
      }
      std::lock_guard<std::mutex> guard{mu};
      if (!failure.empty()) {
        ++out.failed;
        if (out.failures.size() < 5)
          out.failures.push_back(failure);
        continue;
      }
      for (auto& u : got)
        out.users[u.user.id] = std::move(u);
    }
    std::lock_guard<std::mutex> guard{mu};
    out.last_seq = std::max(out.last_seq, r.last_seq());
    for (const auto& [chat, id] : r.last_message())
      out.last_bot_message[chat] = id;
  };
  std::vector<std::thread> pool;
  auto n = std::clamp<size_t>(static_cast<size_t>(std::max(threads, 1)), 1,
                              std::max<size_t>(teams.size(), 1));
  for (size_t i = 0; i < n; ++i)
    pool.emplace_back(work);
  for (auto& t : pool)
    t.join();
  out.seconds =
      std::chrono::duration<double>(clock_type::now() - began).count();
  return out;
}

registration assume_registered(const std::vector<traffic_line>& lines,
                               int64_t offset) {
  registration out;
  for (const auto& l : lines) {
    if (l.kind != line_kind::register_manager
        && l.kind != line_kind::register_worker)
      continue;
    auto u = make_user(l, offset);
    u.registered = true;
    if (u.is_manager)
      ++out.teams;
    else
      out.users[u.manager].workers.push_back(u.user.id);
    auto& kept = out.users[u.user.id];
    u.workers = std::move(kept.workers);
    kept = std::move(u);
  }
  return out;
}

} // namespace bridge::replay
