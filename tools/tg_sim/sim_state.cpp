// SPDX-License-Identifier: Apache-2.0
// The Bot API side of the simulator's state: polling, sending, the
// webhook and the per-call bookkeeping. The control side (injections,
// events, faults, reset) is in sim_state_control.cpp.

#include "tools/tg_sim/sim_state.hpp"

#include "common/backoff.hpp"

namespace bridge::tg_sim {

namespace {

sim_user make_bot(const sim_options& opts) {
  sim_user bot;
  bot.id = bot_id_of(opts.token);
  bot.first_name = opts.bot_first_name;
  bot.username = opts.bot_username;
  bot.is_bot = true;
  return bot;
}

const char* const conflict_webhook =
    "Conflict: can't use getUpdates method while webhook is active; use "
    "deleteWebhook to delete the webhook first";
const char* const conflict_poll =
    "Conflict: terminated by other getUpdates request; make sure that only one "
    "bot instance is running";
const char* const conflict_set_webhook =
    "Conflict: terminated by setWebhook request";
const char* const not_modified =
    "Bad Request: message is not modified: specified new message content and "
    "reply markup are exactly the same as a current content and reply markup "
    "of the message";
const char* const query_invalid =
    "Bad Request: query is too old and response timeout expired or query ID is "
    "invalid";

} // namespace

sim_state::sim_state(sim_options opts, std::shared_ptr<const sim_clock> clock)
    : opts_(std::move(opts)), clock_(std::move(clock)), bot_(make_bot(opts_)),
      queue_(opts_.max_pending_updates, opts_.max_pending_bytes),
      events_(opts_.max_events), limits_(opts_.limits, clock_->now()),
      next_update_id_(opts_.first_update_id) {}

void sim_state::updates_changed() {
  ++updates_version_;
  updates_cv_.notify_all();
}

void sim_state::updates_changed_unlocking(lock& guard) {
  ++updates_version_;
  guard.unlock();
  updates_cv_.notify_all();
}

void sim_state::events_changed_unlocking(lock& guard) {
  bool waiters = event_waiters_ != 0;
  guard.unlock();
  if (waiters)
    events_cv_.notify_all();
}

chat_record* sim_state::find_chat(int64_t chat_id) {
  auto it = chats_.find(chat_id);
  return it == chats_.end() ? nullptr : &it->second;
}

refusal sim_state::check_chat(int64_t chat_id, chat_record*& chat) {
  chat = find_chat(chat_id);
  if (chat == nullptr)
    return refusal::bad_request("chat not found");
  if (chat->blocked)
    return {403,
            chat->type == "private"
                ? "Forbidden: bot was blocked by the user"
                : "Forbidden: bot was kicked from the group chat",
            0};
  return {};
}

refusal sim_state::check_limits(int64_t chat_id) {
  auto v = limits_.try_send(chat_id, clock_->now());
  switch (v.refused_by) {
  case limit_scope::none:
    return {};
  case limit_scope::global:
    ++stats_.limited_global;
    break;
  case limit_scope::chat:
    ++stats_.limited_chat;
    break;
  case limit_scope::group:
    ++stats_.limited_group;
    break;
  }
  return {429,
          "Too Many Requests: retry after " + std::to_string(v.retry_after_s),
          v.retry_after_s};
}

stored_message& sim_state::store(chat_record& chat, stored_message m) {
  if (chat.messages.size() >= opts_.max_messages_per_chat)
    chat.messages.pop_front();
  chat.messages.push_back(std::move(m));
  return chat.messages.back();
}

// -- getUpdates -------------------------------------------------------------

refusal sim_state::begin_poll(int64_t offset, const allowed_updates* allowed,
                              uint64_t& ticket) {
  lock guard{mu_};
  if (!webhook_.url.empty()) {
    ++stats_.get_updates_conflicts;
    return {409, conflict_webhook, 0};
  }
  if (allowed != nullptr)
    allowed_ = *allowed;
  stats_.updates_confirmed += queue_.apply_offset(offset);
  ticket = ++poll_tickets_;
  if (poll_owner_ != 0) {
    // As Telegram does: the newer call wins and the one running ends
    // with 409 (woken here to see it).
    ++stats_.get_updates_conflicts;
    updates_changed();
  }
  poll_owner_ = ticket;
  return {};
}

poll_step sim_state::poll(uint64_t ticket, size_t limit) {
  lock guard{mu_};
  poll_step step;
  step.version = updates_version_;
  if (shut_down_)
    return step;
  if (!webhook_.url.empty()) {
    ++stats_.get_updates_conflicts;
    step.refused = {409, conflict_set_webhook, 0};
    return step;
  }
  if (ticket != poll_owner_) {
    step.refused = {409, conflict_poll, 0};
    return step;
  }
  step.count = queue_.render(limit, step.items);
  stats_.updates_delivered += step.count;
  return step;
}

void sim_state::end_poll(uint64_t ticket) {
  lock guard{mu_};
  if (poll_owner_ == ticket)
    poll_owner_ = 0;
}

bool sim_state::wait_updates(uint64_t seen,
                             std::chrono::steady_clock::time_point deadline) {
  lock guard{mu_};
  updates_cv_.wait_until(
      guard, deadline, [&] { return shut_down_ || updates_version_ != seen; });
  return !shut_down_;
}

// -- sending ------------------------------------------------------------------

message_outcome sim_state::send_message(int64_t chat_id, std::string text,
                                        markup kb, std::string event_fields) {
  return send_message(chat_id, std::move(text), std::move(kb),
                      std::move(event_fields), {});
}

message_outcome sim_state::send_message(int64_t chat_id, std::string text,
                                        markup kb, std::string event_fields,
                                        std::string entities_json) {
  message_outcome out;
  lock guard{mu_};
  chat_record* chat = nullptr;
  if ((out.refused = check_chat(chat_id, chat)))
    return out;
  if ((out.refused = check_limits(chat_id)))
    return out;
  stored_message m;
  m.id = chat->next_message_id++;
  m.from_id = bot_.id;
  m.from_bot = true;
  m.date = clock_->unix_ms() / 1000;
  m.text = std::move(text);
  m.keyboard = std::move(kb);
  m.entities_json = std::move(entities_json);
  auto& stored = store(*chat, std::move(m));
  events_.append(chat_id, stored.id, std::move(event_fields));
  out.message = stored;
  out.chat_json = chat->json;
  events_changed_unlocking(guard);
  return out;
}

message_outcome sim_state::edit_message(int64_t chat_id, int64_t message_id,
                                        std::string text, markup kb,
                                        std::string event_fields,
                                        std::string entities_json) {
  message_outcome out;
  lock guard{mu_};
  chat_record* chat = nullptr;
  if ((out.refused = check_chat(chat_id, chat)))
    return out;
  auto* m = chat->find(message_id);
  if (m == nullptr) {
    out.refused = refusal::bad_request("message to edit not found");
    return out;
  }
  if (!m->from_bot) {
    out.refused = refusal::bad_request("message can't be edited");
    return out;
  }
  if (m->text == text && m->keyboard == kb
      && m->entities_json == entities_json) {
    out.refused = {400, not_modified, 0};
    return out;
  }
  if ((out.refused = check_limits(chat_id)))
    return out;
  m->text = std::move(text);
  m->keyboard = std::move(kb);
  m->entities_json = std::move(entities_json);
  m->edit_date = clock_->unix_ms() / 1000;
  events_.append(chat_id, message_id, std::move(event_fields));
  out.message = *m;
  out.chat_json = chat->json;
  events_changed_unlocking(guard);
  return out;
}

refusal sim_state::answer_callback(const std::string& callback_id,
                                   std::string event_fields) {
  lock guard{mu_};
  auto it = callbacks_.find(callback_id);
  if (it == callbacks_.end() || it->second.answered)
    return {400, query_invalid, 0};
  it->second.answered = true;
  --stats_.callback_unanswered;
  events_.append(it->second.chat_id, 0, std::move(event_fields));
  events_cv_.notify_all();
  return {};
}

refusal sim_state::chat_action(int64_t chat_id, std::string event_fields) {
  lock guard{mu_};
  chat_record* chat = nullptr;
  if (auto r = check_chat(chat_id, chat))
    return r;
  events_.append(chat_id, 0, std::move(event_fields));
  events_cv_.notify_all();
  return {};
}

refusal sim_state::set_commands(const std::string& key, std::string commands,
                                std::optional<int64_t> chat_id,
                                std::string event_fields) {
  lock guard{mu_};
  if (chat_id) {
    chat_record* chat = nullptr;
    if (auto r = check_chat(*chat_id, chat))
      return r;
    events_.append(*chat_id, 0, std::move(event_fields));
    events_cv_.notify_all();
  }
  command_menus_[key] = std::move(commands);
  return {};
}

std::string sim_state::commands(const std::string& key) const {
  lock guard{mu_};
  auto it = command_menus_.find(key);
  return it == command_menus_.end() ? "[]" : it->second;
}

// -- webhook ----------------------------------------------------------------

refusal sim_state::set_webhook(std::string url, std::string secret_token,
                               const allowed_updates* allowed,
                               bool drop_pending) {
  lock guard{mu_};
  if (allowed != nullptr)
    allowed_ = *allowed;
  if (drop_pending) {
    stats_.updates_confirmed += queue_.size();
    queue_.clear();
  }
  auto generation = webhook_.generation + 1;
  webhook_ = webhook_state{};
  webhook_.url = std::move(url);
  webhook_.secret_token = std::move(secret_token);
  webhook_.generation = generation;
  updates_changed();
  return {};
}

bool sim_state::delete_webhook(bool drop_pending) {
  lock guard{mu_};
  bool was_set = !webhook_.url.empty();
  if (drop_pending) {
    stats_.updates_confirmed += queue_.size();
    queue_.clear();
  }
  auto generation = webhook_.generation + 1;
  webhook_ = webhook_state{};
  webhook_.generation = generation;
  updates_changed();
  return was_set;
}

webhook_info sim_state::webhook() const {
  lock guard{mu_};
  webhook_info info;
  info.url = webhook_.url;
  info.secret_token = webhook_.secret_token;
  info.pending = queue_.size();
  info.last_error_date = webhook_.last_error_date;
  info.last_error_message = webhook_.last_error_message;
  info.allowed = allowed_.kinds();
  return info;
}

std::optional<push_job> sim_state::next_push(sim_clock::time_point& wake,
                                             uint64_t& version) {
  lock guard{mu_};
  version = updates_version_;
  wake = sim_clock::time_point::max();
  if (shut_down_ || webhook_.url.empty() || queue_.empty()
      || webhook_.in_flight)
    return std::nullopt;
  if (clock_->now() < webhook_.not_before) {
    wake = webhook_.not_before;
    return std::nullopt;
  }
  webhook_.in_flight = true;
  auto& head = queue_.front();
  return push_job{webhook_.generation,   head.id,  head.raw, webhook_.url,
                  webhook_.secret_token, head.body};
}

void sim_state::push_done(const push_job& job, long http_status,
                          const std::string& error) {
  lock guard{mu_};
  // A webhook set, deleted or reset meanwhile makes this answer moot.
  if (job.generation != webhook_.generation)
    return;
  webhook_.in_flight = false;
  ++stats_.webhook_pushes;
  bool accepted = http_status >= 200 && http_status < 300;
  bool head_is_job = !queue_.empty() && queue_.front().id == job.update_id;
  if (head_is_job && (accepted || job.raw)) {
    queue_.pop_front();
    ++stats_.updates_delivered;
    if (!job.raw)
      ++stats_.updates_confirmed;
  }
  if (accepted) {
    webhook_.failures = 0;
    webhook_.not_before = {};
    return;
  }
  ++stats_.webhook_failures;
  webhook_.last_error_date = clock_->unix_ms() / 1000;
  webhook_.last_error_message =
      !error.empty()
          ? error
          : "Wrong response from the webhook: " + std::to_string(http_status);
  backoff_policy policy{opts_.webhook_retry_base, opts_.webhook_retry_cap};
  webhook_.not_before = clock_->now() + policy.ceiling(webhook_.failures++);
}

// -- bookkeeping --------------------------------------------------------------

sim_state::call_setup sim_state::begin_call(bot_method m,
                                            std::optional<int64_t> chat_id) {
  lock guard{mu_};
  call_setup setup;
  setup.latency = latency_;
  // A fault bound to the call's chat comes before one for every chat.
  auto it = faults_.end();
  for (auto f = faults_.begin(); f != faults_.end(); ++f) {
    if (f->method != m || (f->f.chat_id && f->f.chat_id != chat_id))
      continue;
    if (it == faults_.end() || f->f.chat_id)
      it = f;
    if (f->f.chat_id)
      break;
  }
  if (it == faults_.end())
    return setup;
  setup.armed = it->f;
  if (--it->f.count <= 0)
    faults_.erase(it);
  ++stats_.faults_fired;
  return setup;
}

void sim_state::count_call(bot_method m, int status) {
  lock guard{mu_};
  auto& c = stats_.methods[static_cast<size_t>(m)];
  ++c.calls;
  if (status != 200)
    ++c.failures;
  if (status == 429)
    ++stats_.too_many_requests;
}

void sim_state::count_unauthorized() {
  lock guard{mu_};
  ++stats_.unauthorized;
}

void sim_state::count_unknown_method() {
  lock guard{mu_};
  ++stats_.unknown_methods;
}

} // namespace bridge::tg_sim
