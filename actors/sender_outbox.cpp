// The sender's outbox half: a durable call's row is written (or, for a
// partner's copy, was written with its message) before the call is
// queued, in arrival order; rows a crash left pending are resent at start.

#include "actors/sender.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"

namespace bridge {

void sender_state::accept(outbound& out,
                          caf::typed_response_promise<delivery>* promise) {
  if (!keeps_row(out)) {
    enqueue(out, promise);
    return;
  }
  auto seq = staged_base_ + staged_.size();
  auto& st = staged_.emplace_back();
  if (promise != nullptr)
    st.promise = *promise;
  if (!resume_.claim(out.dedupe_key)) {
    // A page of the resume has queued this row already.
    st.out = std::move(out);
    st.ready = true;
    st.already_sent = true;
    release_staged();
    return;
  }
  if (out.stored) {
    // Written with the message it copies: only its place in line counts.
    st.out = std::move(out);
    st.ready = true;
    release_staged();
    return;
  }
  auto record = telegram::to_outbox_record(out);
  st.out = std::move(out);
  self->request(opts_.db, caf::infinite, outbox_put{std::move(record), 0})
    .then(
      [this, seq](const outbox_put_result& r) {
        auto& s = staged_[seq - staged_base_];
        s.ready = true;
        // An existing row was sent, or is pending and resent by
        // resume_outbox at start: either way not sent again from here.
        s.already_sent = !r.created;
        release_staged();
      },
      [this, seq](const caf::error& err) {
        // Better sent without a row than not sent: the reply still goes
        // out, only its crash safety is lost. Logged and counted.
        auto& s = staged_[seq - staged_base_];
        spdlog::warn("sender: outbox row for '{}' not written ({}); sending "
                     "anyway", s.out.dedupe_key, describe(err));
        s.ready = true;
        release_staged();
      });
}

void sender_state::release_staged() {
  while (!staged_.empty() && staged_.front().ready) {
    auto st = std::move(staged_.front());
    staged_.pop_front();
    ++staged_base_;
    if (st.already_sent) {
      ++counters_.deduplicated;
      if (st.promise)
        st.promise->deliver(delivery{st.out.dedupe_key, {}});
      continue;
    }
    enqueue(st.out, st.promise ? &*st.promise : nullptr);
  }
}

void sender_state::resume_outbox(int64_t after_id) {
  constexpr int64_t page = 500;
  self->request(opts_.db, caf::infinite, outbox_unsent{after_id, page, 0})
    .then(
      [this](outbox_page& p) {
        int64_t last = 0;
        size_t resent = 0;
        for (auto& r : p.rows) {
          last = std::max(last, r.id);
          auto kind = telegram::parse_outbound_kind(r.kind);
          auto keyboard = r.markup.empty()
                            ? std::optional<decltype(outbound::keyboard)>{
                              decltype(outbound::keyboard){}}
                            : telegram::decode_keyboard(r.markup);
          if (!kind || !keyboard) {
            spdlog::error("sender: outbox row '{}' cannot be read; left as is",
                          r.dedupe_key);
            continue;
          }
          if (!resume_.claim(r.dedupe_key))
            continue; // a live reply since start, queued by the live path
          outbound out;
          out.kind = *kind;
          out.chat_id = r.chat_id;
          out.text = std::move(r.text);
          out.message_id = r.target_message_id;
          out.keyboard = std::move(*keyboard);
          out.dedupe_key = std::move(r.dedupe_key);
          ++counters_.resumed;
          ++resent;
          enqueue(out, nullptr);
        }
        if (resent > 0)
          spdlog::info("sender: resending {} message(s) left in the outbox",
                       resent);
        if (static_cast<int64_t>(p.rows.size()) == page)
          resume_outbox(last);
        else
          resume_.finish();
      },
      [this](const caf::error& err) {
        spdlog::error("sender: cannot read the outbox to resume: {}",
                      describe(err));
        resume_.finish();
      });
}

} // namespace bridge
