// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_stats.hpp"

#include "common/json_writer.hpp"

namespace bridge::tg_sim {

std::string to_json(const sim_stats& s) {
  json::writer w;
  w.begin_object();
  w.key("updates")
      .begin_object()
      .field("injected", s.updates_injected)
      .field("filtered", s.updates_filtered)
      .field("refused", s.updates_refused)
      .field("raw_injected", s.raw_injected)
      .field("delivered", s.updates_delivered)
      .field("confirmed", s.updates_confirmed)
      .field("pending", static_cast<uint64_t>(s.updates_pending))
      .field("last_update_id", s.last_update_id)
      .end_object();
  w.key("get_updates")
      .begin_object()
      .field("calls",
             s.methods[static_cast<size_t>(bot_method::get_updates)].calls)
      .field("conflicts", s.get_updates_conflicts)
      .field("in_progress", s.get_updates_in_progress)
      .end_object();
  w.key("methods").begin_object();
  for (size_t i = 0; i < bot_method_count; ++i)
    w.key(to_string(static_cast<bot_method>(i)))
        .begin_object()
        .field("calls", s.methods[i].calls)
        .field("failures", s.methods[i].failures)
        .end_object();
  w.end_object();
  w.field("unauthorized", s.unauthorized)
      .field("unknown_methods", s.unknown_methods)
      .field("faults_fired", s.faults_fired);
  w.key("too_many_requests")
      .begin_object()
      .field("total", s.too_many_requests)
      .field("global_limit", s.limited_global)
      .field("chat_limit", s.limited_chat)
      .field("group_limit", s.limited_group)
      .end_object();
  w.key("callback_queries")
      .begin_object()
      .field("total", s.callback_queries)
      .field("unanswered", s.callback_unanswered)
      .end_object();
  w.key("webhook")
      .begin_object()
      .field("pushes", s.webhook_pushes)
      .field("failures", s.webhook_failures)
      .end_object();
  w.key("events")
      .begin_object()
      .field("recorded", s.events_recorded)
      .field("dropped", s.events_dropped)
      .field("retained", static_cast<uint64_t>(s.events_retained))
      .field("last_seq", s.last_seq)
      .field("waiting", s.events_waiting)
      .end_object();
  w.field("chats", static_cast<uint64_t>(s.chats))
      .field("users", static_cast<uint64_t>(s.users));
  w.end_object();
  return std::move(w).str();
}

} // namespace bridge::tg_sim
