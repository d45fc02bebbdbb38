// SPDX-License-Identifier: Apache-2.0
// The team's glossary as a conversation uses it: read through the
// engine's memo, and the terms of each text sent with its translation.

#include <spdlog/spdlog.h>

#include "actors/conversation.hpp"
#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

bool conversation_state::glossary_ready() {
  auto& memo = opts_->glossaries;
  if (!memo)
    return true;
  if (auto kept = memo->find(manager_id_)) {
    glossary_ = std::move(kept);
    glossary_degraded_ = false;
    return true;
  }
  if (!glossary_loading_)
    load_glossary();
  return glossary_degraded_;
}

void conversation_state::load_glossary() {
  glossary_loading_ = true;
  auto ticket = opts_->glossaries->reserve();
  self->request(opts_->db, caf::infinite, glossary_list{manager_id_})
      .then(
          [this, ticket](glossary_page& page) {
            glossary_loading_ = false;
            glossary_degraded_ = false;
            glossary_ =
                std::make_shared<const team_glossary>(std::move(page.rows));
            opts_->glossaries->fill(manager_id_, glossary_, ticket);
            if (pipe_)
              pump();
          },
          [this](const caf::error& err) {
            // A glossary is worth a message's wait, never its loss: the
            // messages go with the terms known, and the next pump asks
            // again.
            glossary_loading_ = false;
            if (!glossary_degraded_)
              spdlog::warn("conversation {}: team glossary not read: {}",
                           conversation_id_, describe(err));
            glossary_degraded_ = true;
            if (pipe_)
              pump();
          });
}

glossary_terms conversation_state::terms_for(const std::string& text,
                                             const std::string& src,
                                             const std::string& dst) const {
  if (!glossary_)
    return {};
  return glossary_->terms_in(text, src, dst);
}

} // namespace bridge
