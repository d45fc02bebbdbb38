// SPDX-License-Identifier: Apache-2.0
// /original: whether the translations this user reads carry the original
// text folded below them. The partner's session reads the setting with
// this user's profile for each message, so the next copy follows it.

#include "actors/session.hpp"
#include "domain/original.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::original_verdict;
using domain::text_id;

void session_state::original_command(const std::string& args) {
  auto req = domain::read_original_request(args);
  switch (req.verdict) {
  case original_verdict::show:
    reply(say(text_id::original_current, me_.original_mode) + "\n\n"
          + say(text_id::original_usage));
    return;
  case original_verdict::bad:
    // What was typed is not echoed: it may be anything.
    reply(say(text_id::original_usage));
    return;
  case original_verdict::set:
    break;
  }
  // A write through the pool, so its commit drops the cached profile on
  // every engine, as a language change does.
  self->request(opts_->db, caf::infinite,
                user_original_set{chat_id_, req.mode, 0})
      .await(
          [this](user_record& u) {
            me_ = std::move(u);
            reply(say(text_id::original_changed, me_.original_mode));
          },
          [this](const caf::error& err) { db_failed(err); });
}

} // namespace bridge
