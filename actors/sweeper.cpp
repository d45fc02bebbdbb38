#include "actors/sweeper.hpp"

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
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
      running_ = true;
      auto before = opts_.clock.wall_ms() - opts_.after.count();
      sweep_page(0, std::max<int64_t>(1, before), up_to);
    },
  };
}

void sweeper_state::sweep_page(int64_t after_id, int64_t before_ms,
                               int64_t up_to) {
  inbox_pending ask{after_id, page_rows, 0, before_ms};
  self->request(opts_.db, caf::infinite, ask)
    .then(
      [this, before_ms, up_to](inbox_page& p) {
        int64_t last = 0;
        size_t handed = 0;
        for (auto& row : p.rows) {
          last = row.update_id;
          if (row.update_id > up_to)
            break; // stored, not handed on yet: the intake's
          auto batch = telegram::decode_update(row.payload);
          if (batch.updates.empty()) {
            spdlog::error("sweep: inbox row {} cannot be read; left",
                          row.update_id);
            continue;
          }
          ++handed;
          self->send(opts_.dispatcher, std::move(batch.updates.front()));
        }
        if (handed > 0) {
          telemetry::metrics().updates_swept.Increment(
            static_cast<double>(handed));
          spdlog::info("sweep: handed on {} unfinished update(s) again",
                       handed);
        }
        bool more = static_cast<int64_t>(p.rows.size()) == page_rows
                    && last < up_to;
        if (more)
          sweep_page(last, before_ms, up_to);
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
