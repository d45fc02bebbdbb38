// SPDX-License-Identifier: Apache-2.0
// The control side of the simulator's state: what simulated users do,
// the event log readers, faults, limits, stats and reset.

#include "tools/tg_sim/sim_state.hpp"

#include <algorithm>

#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace {

/// Callback query ids look like Telegram's: long decimal strings.
constexpr uint64_t callback_id_base = 4'200'000'000'000'000'000ULL;

/// What an update costs in the queue besides its text.
constexpr size_t update_overhead_bytes = 2048;

refusal control_refusal(int code, std::string what) {
  return {code, std::move(what), 0};
}

} // namespace

const sim_user& sim_state::remember(const sim_user& from) {
  auto [it, created] = users_.try_emplace(from.id, from);
  auto& u = it->second;
  if (!created) {
    auto keep = [](std::string& known, const std::string& given) {
      if (!given.empty())
        known = given;
    };
    keep(u.first_name, from.first_name);
    keep(u.last_name, from.last_name);
    keep(u.username, from.username);
    keep(u.language_code, from.language_code);
    u.is_bot = from.is_bot;
  }
  if (u.first_name.empty())
    u.first_name = "User " + std::to_string(u.id);
  return u;
}

chat_record& sim_state::chat_for(const sim_user& user, int64_t chat_id) {
  auto [it, created] = chats_.try_emplace(chat_id);
  auto& chat = it->second;
  if (created) {
    chat.id = chat_id;
    // Telegram gives supergroups ids below -10^12.
    chat.type = chat_id > 0                     ? "private"
                : chat_id <= -1'000'000'000'000 ? "supergroup"
                                                : "group";
    chat.title = "Group " + std::to_string(chat_id);
  }
  if (created || chat.type == "private")
    chat.json = encode_chat(chat, &user);
  return chat;
}

void sim_state::remember_callback(const std::string& id, int64_t chat_id) {
  callbacks_[id] = {chat_id, false};
  callback_order_.push_back(id);
  ++stats_.callback_queries;
  ++stats_.callback_unanswered;
  if (callback_order_.size() <= opts_.max_callback_queries)
    return;
  // The oldest query expires, as Telegram's do.
  auto it = callbacks_.find(callback_order_.front());
  if (it != callbacks_.end()) {
    if (!it->second.answered)
      --stats_.callback_unanswered;
    callbacks_.erase(it);
  }
  callback_order_.pop_front();
}

bool sim_state::admits(update_kind kind, injection& out) {
  if (allowed_.allows(to_string(kind)))
    return true;
  ++stats_.updates_filtered;
  out.filtered = true;
  return false;
}

void sim_state::enqueue(int64_t update_id, std::string body) {
  queue_.push(update_id, std::move(body));
  ++stats_.updates_injected;
}

injection sim_state::inject_message(message_request r) {
  lock guard{mu_};
  auto out = message_locked(r);
  if (out.update_id != 0)
    updates_changed_unlocking(guard);
  return out;
}

injection sim_state::inject_message(const sim_user& from, int64_t chat_id,
                                    std::string text, std::string media,
                                    std::string caption,
                                    std::string chat_title) {
  message_request r{from,
                    chat_id,
                    std::move(text),
                    std::move(media),
                    std::move(caption),
                    {},
                    std::move(chat_title)};
  return inject_message(std::move(r));
}

refusal sim_state::inject_messages(std::vector<message_request>& batch,
                                   std::vector<injection>& out) {
  out.clear();
  out.reserve(batch.size());
  size_t bytes = 0;
  for (const auto& r : batch)
    bytes += r.text.size() + r.caption.size() + update_overhead_bytes;
  lock guard{mu_};
  if (!batch.empty() && queue_.would_overflow(batch.size(), bytes)) {
    stats_.updates_refused += batch.size();
    return control_refusal(503, "update queue is full");
  }
  bool queued = false;
  for (auto& r : batch) {
    out.push_back(message_locked(r));
    queued = queued || out.back().update_id != 0;
  }
  // One wake-up for the batch: a poll then takes it whole.
  if (queued)
    updates_changed_unlocking(guard);
  return {};
}

injection sim_state::message_locked(message_request& r) {
  injection out;
  const auto& from = r.from;
  auto chat_id = r.chat_id == 0 ? from.id : r.chat_id;
  if (chat_id > 0 && chat_id != from.id) {
    out.refused = control_refusal(400, "a private chat's id is its user's id");
    return out;
  }
  if (queue_.would_overflow(r.text.size() + r.caption.size()
                            + update_overhead_bytes)) {
    ++stats_.updates_refused;
    out.refused = control_refusal(503, "update queue is full");
    return out;
  }
  auto& user = remember(from);
  auto& chat = chat_for(user, chat_id);
  if (chat.type != "private" && !r.chat_title.empty()
      && chat.title != r.chat_title) {
    chat.title = std::move(r.chat_title);
    chat.json = encode_chat(chat, nullptr);
  }
  stored_message m;
  if (r.reply_to_message_id != 0) {
    // Telegram refuses a reply to a message the chat does not have.
    const auto* replied = chat.find(r.reply_to_message_id);
    if (replied == nullptr) {
      out.refused =
          control_refusal(400, "Bad Request: message to be replied not found");
      return out;
    }
    json::writer w;
    write_message(w, *replied, chat.json, replied->from_bot ? bot_ : user);
    m.reply_json = std::move(w).str();
  }
  m.id = chat.next_message_id++;
  m.from_id = from.id;
  m.date = clock_->unix_ms() / 1000;
  m.text = std::move(r.text);
  m.media = std::move(r.media);
  m.caption = std::move(r.caption);
  m.media_group_id = std::move(r.media_group_id);
  if (!m.media.empty())
    m.media_serial = next_media_serial_++;
  auto& stored = store(chat, std::move(m));
  out.message_id = stored.id;
  out.chat_id = chat_id;
  if (!admits(update_kind::message, out))
    return out;
  out.update_id = next_update_id_++;
  enqueue(out.update_id,
          encode_message_update(out.update_id, "message", stored, chat, user));
  return out;
}

injection sim_state::inject_edit(const sim_user& from, int64_t chat_id,
                                 int64_t message_id, std::string text) {
  injection out;
  if (chat_id == 0)
    chat_id = from.id;
  lock guard{mu_};
  auto* chat = find_chat(chat_id);
  auto* m = chat == nullptr ? nullptr : chat->find(message_id);
  if (m == nullptr) {
    out.refused = control_refusal(404, "message not found");
    return out;
  }
  if (m->from_bot || m->from_id != from.id) {
    out.refused =
        control_refusal(400, "a user can edit only their own messages");
    return out;
  }
  if (queue_.would_overflow(text.size() + update_overhead_bytes)) {
    ++stats_.updates_refused;
    out.refused = control_refusal(503, "update queue is full");
    return out;
  }
  auto& user = remember(from);
  if (m->media.empty())
    m->text = std::move(text);
  else
    m->caption = std::move(text);
  m->edit_date = clock_->unix_ms() / 1000;
  out.message_id = message_id;
  out.chat_id = chat_id;
  if (!admits(update_kind::edited_message, out))
    return out;
  out.update_id = next_update_id_++;
  enqueue(out.update_id, encode_message_update(out.update_id, "edited_message",
                                               *m, *chat, user));
  updates_changed();
  return out;
}

injection sim_state::inject_callback(const sim_user& from, int64_t chat_id,
                                     int64_t message_id, std::string data) {
  injection out;
  if (chat_id == 0)
    chat_id = from.id;
  lock guard{mu_};
  auto* chat = find_chat(chat_id);
  auto* m = chat == nullptr ? nullptr : chat->find(message_id);
  if (m == nullptr) {
    out.refused = control_refusal(404, "message not found");
    return out;
  }
  if (!m->from_bot) {
    out.refused = control_refusal(400, "only the bot's messages carry buttons");
    return out;
  }
  if (queue_.would_overflow(m->text.size() + data.size()
                            + update_overhead_bytes)) {
    ++stats_.updates_refused;
    out.refused = control_refusal(503, "update queue is full");
    return out;
  }
  auto& user = remember(from);
  out.callback_id = std::to_string(callback_id_base + ++callback_serial_);
  remember_callback(out.callback_id, chat_id);
  out.message_id = message_id;
  out.chat_id = chat_id;
  if (!admits(update_kind::callback_query, out))
    return out;
  out.update_id = next_update_id_++;
  enqueue(out.update_id, encode_callback_update(out.update_id, out.callback_id,
                                                user, *m, *chat, bot_, data));
  updates_changed();
  return out;
}

injection sim_state::inject_raw(std::string bytes) {
  injection out;
  lock guard{mu_};
  if (queue_.would_overflow(bytes.size())) {
    ++stats_.updates_refused;
    out.refused = control_refusal(503, "update queue is full");
    return out;
  }
  out.update_id = next_update_id_++;
  queue_.push(out.update_id, std::move(bytes), true);
  ++stats_.raw_injected;
  updates_changed();
  return out;
}

injection sim_state::inject_raw_update(const std::string& members) {
  injection out;
  lock guard{mu_};
  if (queue_.would_overflow(members.size() + 32)) {
    ++stats_.updates_refused;
    out.refused = control_refusal(503, "update queue is full");
    return out;
  }
  auto id = next_update_id_++;
  std::string body = "{\"update_id\":" + std::to_string(id);
  if (!members.empty()) {
    body += ',';
    body += members;
  }
  body += '}';
  enqueue(id, std::move(body));
  updates_changed();
  out.update_id = id;
  return out;
}

// -- events -------------------------------------------------------------------

size_t sim_state::render_events(std::optional<int64_t> chat_id, int64_t after,
                                size_t limit, std::string& out) const {
  lock guard{mu_};
  return chat_id ? events_.render_chat(*chat_id, after, limit, out)
                 : events_.render_all(after, limit, out);
}

void sim_state::wait_events(std::optional<int64_t> chat_id, int64_t after,
                            std::chrono::steady_clock::time_point deadline) {
  lock guard{mu_};
  ++event_waiters_;
  events_cv_.wait_until(guard, deadline, [&] {
    return shut_down_
           || (chat_id ? events_.has_after(*chat_id, after)
                       : events_.has_any_after(after));
  });
  --event_waiters_;
}

// -- settings -----------------------------------------------------------------

void sim_state::arm_fault(bot_method m, fault f) {
  lock guard{mu_};
  auto same = [&](const armed_fault& a) {
    return a.method == m && a.f.chat_id == f.chat_id;
  };
  faults_.erase(std::remove_if(faults_.begin(), faults_.end(), same),
                faults_.end());
  if (f.count > 0)
    faults_.push_back({m, std::move(f)});
}

bool sim_state::set_blocked(int64_t chat_id, bool blocked) {
  lock guard{mu_};
  auto* chat = find_chat(chat_id);
  if (chat == nullptr)
    return false;
  chat->blocked = blocked;
  return true;
}

void sim_state::set_limits(const limit_settings& s) {
  lock guard{mu_};
  limits_.configure(s, clock_->now());
}

limit_settings sim_state::limits() const {
  lock guard{mu_};
  return limits_.settings();
}

void sim_state::set_latency(std::chrono::milliseconds d) {
  lock guard{mu_};
  latency_ = d;
}

sim_stats sim_state::stats() const {
  lock guard{mu_};
  auto s = stats_;
  s.updates_pending = queue_.size();
  s.events_recorded = events_.recorded();
  s.events_dropped = events_.dropped();
  s.events_retained = events_.size();
  s.last_seq = events_.last_seq();
  s.last_update_id = next_update_id_ - 1;
  s.chats = chats_.size();
  s.users = users_.size();
  s.get_updates_in_progress = poll_owner_ != 0 ? 1 : 0;
  s.events_waiting = event_waiters_;
  return s;
}

void sim_state::reset() {
  lock guard{mu_};
  users_.clear();
  chats_.clear();
  queue_.clear();
  allowed_ = allowed_updates{};
  events_.clear();
  limits_.configure(opts_.limits, clock_->now());
  faults_.clear();
  latency_ = std::chrono::milliseconds{0};
  callbacks_.clear();
  callback_order_.clear();
  payments_.clear();
  auto generation = webhook_.generation + 1;
  webhook_ = webhook_state{};
  webhook_.generation = generation;
  stats_ = sim_stats{};
  updates_changed();
  events_cv_.notify_all();
}

void sim_state::shutdown() {
  lock guard{mu_};
  shut_down_ = true;
  updates_cv_.notify_all();
  events_cv_.notify_all();
}

} // namespace bridge::tg_sim
