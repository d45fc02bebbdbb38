// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/injector.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "common/error.hpp"
#include "tools/bridge_replay/timing.hpp"

namespace bridge::replay {

namespace {

using clock_type = std::chrono::steady_clock;

/// Names a failed control call by its engine code and HTTP status.
std::string error_kind(const std::string& what) {
  auto at = what.find("HTTP ");
  if (at != std::string::npos && at + 8 <= what.size())
    return "inject_http_" + what.substr(at + 5, 3);
  return "inject_unreachable";
}

} // namespace

int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void shared::error(const std::string& kind, const std::string& detail) {
  std::lock_guard<std::mutex> guard{mu};
  ++errors[kind];
  if (first_error.empty())
    first_error = kind + ": " + detail;
}

injector::injector(shared& s, const registration& reg, const run_options& o,
                   std::unordered_map<int64_t, int64_t>& targets)
    : s_(s), reg_(reg), opts_(o), targets_(targets),
      sim_(tg_sim::sim_client::on_port(o.sim_port)) {}

template <class F> bool injector::attempt(F call) {
  auto give_up = clock_type::now() + std::chrono::seconds{10};
  for (;;) {
    auto r = call();
    if (r)
      return true;
    auto what = describe(r.error());
    auto kind = error_kind(what);
    if (kind != "inject_http_503" || clock_type::now() > give_up || s_.stop) {
      s_.error(kind, what);
      return false;
    }
    {
      std::lock_guard<std::mutex> guard{s_.mu};
      ++s_.errors["sim_busy_retries"];
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
}

void injector::play(const timed_line& t) {
  const auto& l = *t.line;
  if (l.kind == line_kind::update) {
    // A recorded update may be answered in its own chat.
    if (auto chat = update_chat(l.payload); chat != 0) {
      std::lock_guard<std::mutex> guard{s_.mu};
      s_.checker.allow_replies(chat, 2);
    }
    attempt([&] { return sim_.inject_raw_update(l.payload); });
    return;
  }
  if (l.kind == line_kind::raw) {
    attempt([&] { return sim_.inject_raw(l.payload); });
    return;
  }
  if (batchable(l)) {
    play_batch(&t, 1);
    return;
  }
  auto u = reg_.users.find(l.user + opts_.id_offset);
  if (u == reg_.users.end() || !u->second.registered) {
    s_.error("skipped_unregistered", std::to_string(l.user));
    return;
  }
  const auto& who = u->second;
  int64_t on = 0;
  {
    std::lock_guard<std::mutex> guard{s_.mu};
    s_.checker.allow_replies(who.user.id, 2);
    on = s_.last_bot_message[who.user.id];
  }
  // A press: the only kind left.
  attempt([&] { return sim_.press(who.user, who.user.id, on, l.data); });
}

void injector::add(const timed_line& t) {
  const auto& l = *t.line;
  auto marker = t.marker;
  auto u = reg_.users.find(l.user + opts_.id_offset);
  if (u == reg_.users.end() || !u->second.registered) {
    s_.error("skipped_unregistered", std::to_string(l.user));
    return;
  }
  const auto& who = u->second;
  if (l.kind == line_kind::message && l.expect == expectation::delivery) {
    auto to = who.is_manager ? targets_.at(who.user.id) : who.manager;
    auto r = reg_.users.find(to);
    if (r == reg_.users.end()) {
      s_.error("no_partner", std::to_string(who.user.id));
      return;
    }
    auto text = with_marker(l.text, opts_.tag, marker);
    auto& m = expected_.emplace_back();
    m.marker = marker;
    m.writer = who.user.id;
    m.recipient = to;
    m.expected_prefix = who.user.first_name + ": ";
    m.expected_text = m.expected_prefix + "[" + r->second.lang + "] " + text;
    m.due_ms = s_.start_ms + std::llround(t.due_ms);
    batch_.say(who.user, text);
    markers_.push_back(marker);
    return;
  }
  if (l.kind == line_kind::switch_to) {
    auto to = l.to + opts_.id_offset;
    const auto& ws = who.workers;
    auto at = std::find(ws.begin(), ws.end(), to);
    if (at == ws.end()) {
      s_.error("switch_to_unknown_worker", std::to_string(l.to));
      return;
    }
    // The lines after it in this batch already write to the new worker.
    targets_.at(who.user.id) = to;
    batch_.say(who.user, "/switch " + std::to_string(at - ws.begin() + 1));
  } else if (l.kind == line_kind::media) {
    batch_.send_media(who.user, l.media);
  } else {
    batch_.say(who.user, l.text);
  }
  markers_.push_back(0);
  answered_.push_back(who.user.id);
}

void injector::play_batch(const timed_line* first, size_t n) {
  batch_.clear();
  markers_.clear();
  expected_.clear();
  answered_.clear();
  for (size_t i = 0; i < n; ++i)
    add(first[i]);
  if (batch_.empty())
    return;
  // Expected before they are sent: the feed may see a delivery before
  // the call returns.
  auto sent_ms = unix_ms();
  {
    std::lock_guard<std::mutex> guard{s_.mu};
    for (auto& m : expected_) {
      m.sent_ms = sent_ms;
      s_.sent_ms.push_back(sent_ms);
      s_.send_lag_ms.push_back(send_lag(m.due_ms, sent_ms));
      s_.checker.expect(std::move(m));
    }
    for (auto id : answered_)
      s_.checker.allow_replies(id, 2);
  }
  std::vector<tg_sim::batch_result> results;
  auto sent = attempt([&]() -> caf::expected<void> {
    auto got = sim_.say_many(batch_);
    if (!got)
      return got.error();
    results = std::move(*got);
    return {};
  });
  std::lock_guard<std::mutex> guard{s_.mu};
  for (size_t i = 0; i < markers_.size(); ++i) {
    if (sent && results[i].ok())
      continue;
    if (sent) {
      const auto& r = results[i];
      ++s_.errors["inject_http_" + std::to_string(r.status)];
      if (s_.first_error.empty())
        s_.first_error =
            "inject_http_" + std::to_string(r.status) + ": " + r.error;
    }
    if (markers_[i] != 0)
      s_.checker.cancel(markers_[i]);
  }
}

} // namespace bridge::replay
