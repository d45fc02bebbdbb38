// SPDX-License-Identifier: Apache-2.0
#include "actors/sweeper.hpp"

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

constexpr int64_t page_rows = 500;

} // namespace

caf::behavior sweeper_state::make_behavior(sweeper_options opts) {
  opts_ = std::move(opts);
  if (opts_.interval.count() > 0)
    self->delayed_send(self, opts_.interval, sweep_atom::value);
  return {
      [this](sweep_atom) {
        self->delayed_send(self, opts_.interval, sweep_atom::value);
        if (running_)
          return;
        auto up_to = opts_.intake ? opts_.intake->last_handed_on.load() : 0;
        if (up_to <= 0)
          return; // nothing handed on yet
        std::vector<int32_t> parts;
        if (opts_.owned && !opts_.owned->owns_all()) {
          parts = opts_.owned->owned();
          if (parts.empty())
            return; // nothing is ours to sweep
        }
        running_ = true;
        auto before = opts_.clock.wall_ms() - opts_.after.count();
        sweep_page(0, std::max<int64_t>(1, before), up_to, std::move(parts));
      },
  };
}

void sweeper_state::sweep_page(int64_t after_id, int64_t before_ms,
                               int64_t up_to, std::vector<int32_t> parts) {
  inbox_pending ask{after_id, page_rows, 0, before_ms, parts};
  self->request(opts_.db, caf::infinite, ask)
      .then(
          [this, before_ms, up_to, parts](inbox_page& p) {
            int64_t last = 0;
            size_t handed = 0;
            for (auto& row : p.rows) {
              last = row.update_id;
              if (is_note_id(row.update_id)) {
                // Notes are handed on by whoever stores them; one left
                // unfinished is handed on again like an update.
                if (auto note =
                        telegram::decode_note(row.payload, row.update_id)) {
                  note->partition = row.partition;
                  ++handed;
                  self->send(opts_.dispatcher, std::move(*note));
                }
                continue;
              }
              if (row.update_id > up_to)
                continue; // stored, not handed on yet: the intake's
              auto batch = telegram::decode_update(row.payload);
              if (batch.updates.empty()) {
                spdlog::error("sweep: inbox row {} cannot be read; left",
                              row.update_id);
                continue;
              }
              ++handed;
              auto& u = batch.updates.front();
              u.partition = row.partition;
              self->send(opts_.dispatcher, std::move(u));
            }
            if (handed > 0) {
              telemetry::metrics().updates_swept.Increment(
                  static_cast<double>(handed));
              spdlog::info("sweep: handed on {} unfinished update(s) again",
                           handed);
            }
            bool more = static_cast<int64_t>(p.rows.size()) == page_rows;
            if (more)
              sweep_page(last, before_ms, up_to, parts);
            else
              running_ = false;
          },
          [this](const caf::error& err) {
            running_ = false;
            spdlog::warn("sweep: cannot read the inbox: {}", describe(err));
          });
}

caf::behavior sweeper(caf::stateful_actor<sweeper_state>* self,
                      sweeper_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
