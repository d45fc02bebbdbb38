// SPDX-License-Identifier: Apache-2.0
#include "actors/intake.hpp"

#include <algorithm>
#include <unordered_map>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// Tells the engines that own `partitions` that updates wait for them.
/// The inbox row is the durable copy: a lost wake-up costs latency (their
/// sweep finds the rows), never an update.
void wake_owners(caf::scoped_actor& blocking, const db_actor& db,
                 std::vector<int32_t> partitions) {
  std::sort(partitions.begin(), partitions.end());
  partitions.erase(std::unique(partitions.begin(), partitions.end()),
                   partitions.end());
  blocking
      ->request(db, std::chrono::seconds{5},
                partition_notify{std::move(partitions), 0})
      .receive([](const db_count&) {},
               [](const caf::error& err) {
                 spdlog::warn("intake: cannot wake the partitions' owners "
                              "({}); their sweep finds the updates",
                              describe(err));
               });
}

} // namespace

bool engine_is_behind(const db_pool_status& pool) {
  return pool.queue_limit > 0 && pool.queue_depth * 4 >= pool.queue_limit;
}

bool engine_is_behind(const db_pressure* pool) {
  if (pool == nullptr)
    return false;
  db_pool_status s;
  s.queue_depth = pool->queue_depth.load(std::memory_order_relaxed);
  s.queue_limit = pool->queue_limit.load(std::memory_order_relaxed);
  return engine_is_behind(s);
}

bool store_and_hand_on(caf::scoped_actor& blocking, const db_actor& db,
                       const caf::actor& dispatcher,
                       std::vector<tg_update>& updates, intake_state& counters,
                       const ownership* owned) {
  // A checkout must be answered within Telegram's 10 seconds whatever the
  // chats are doing: it skips the inbox (an unanswered one fails by
  // itself, nothing is lost) and goes straight on, never into a chat's
  // queue. Its payment arrives later as a message, which is stored.
  auto checkouts = std::stable_partition(
      updates.begin(), updates.end(), [](const tg_update& u) {
        return u.kind != update_kind::pre_checkout_query;
      });
  for (auto it = checkouts; it != updates.end(); ++it)
    blocking->send(dispatcher, std::move(*it));
  updates.erase(checkouts, updates.end());
  if (updates.empty())
    return true;
  inbox_put put;
  put.rows.reserve(updates.size());
  for (const auto& u : updates)
    put.rows.push_back({u.update_id, u.chat_id, telegram::encode_update(u), 0});
  bool stored = false;
  blocking->request(db, caf::infinite, std::move(put))
      .receive(
          [&](inbox_put_result& r) {
            stored = true;
            if (counters.draining)
              return; // stored: the next start hands them on
            std::unordered_map<int64_t, int32_t> fresh, unfinished;
            for (size_t i = 0; i < r.new_ids.size(); ++i)
              fresh.emplace(r.new_ids[i], i < r.new_partitions.size()
                                              ? r.new_partitions[i]
                                              : -1);
            for (size_t i = 0; i < r.unfinished.size(); ++i)
              unfinished.emplace(r.unfinished[i],
                                 i < r.unfinished_partitions.size()
                                     ? r.unfinished_partitions[i]
                                     : -1);
            std::vector<int32_t> elsewhere;
            // Handed on here, or its owner woken: false when another engine
            // owns its partition.
            auto ours = [&](tg_update& u, int32_t partition) {
              u.partition = partition;
              if (owned == nullptr || owned->owns(partition))
                return true;
              if (partition >= 0)
                elsewhere.push_back(partition);
              return false;
            };
            auto& m = telemetry::metrics();
            for (auto& u : updates) {
              auto f = fresh.find(u.update_id);
              if (f == fresh.end()) {
                ++counters.duplicates;
                m.updates_duplicate.Increment();
                // Stored before but never finished (an earlier write whose
                // answer was lost, or a push repeated before it was handled):
                // handed on again; its session drops it if it holds it already.
                if (auto uf = unfinished.find(u.update_id);
                    uf != unfinished.end() && ours(u, uf->second))
                  blocking->send(dispatcher, std::move(u));
                continue;
              }
              switch (u.kind) {
              case update_kind::message:
                m.updates_message.Increment();
                break;
              case update_kind::edited_message:
                m.updates_edited.Increment();
                break;
              case update_kind::callback_query:
                m.updates_callback.Increment();
                break;
              case update_kind::pre_checkout_query:
                break; // never stored: handed on before the write
              }
              counters.last_handed_on =
                  std::max(counters.last_handed_on.load(), u.update_id);
              if (ours(u, f->second))
                blocking->send(dispatcher, std::move(u));
            }
            if (!elsewhere.empty())
              wake_owners(blocking, db, std::move(elsewhere));
          },
          [&](const caf::error& err) {
            spdlog::warn("intake: inbox write failed: {}", describe(err));
          });
  return stored;
}

void count_left_out(const telegram::decoded_batch& batch,
                    intake_state& counters, const char* where,
                    size_t repeated) {
  using telegram::update_fate;
  auto& m = telemetry::metrics();
  if (batch.repaired_utf8)
    spdlog::warn("{}: invalid UTF-8 repaired (bytes -> U+FFFD)", where);
  for (size_t i = 0; i < batch.elements.size(); ++i) {
    const auto& e = batch.elements[i];
    if (e.fate == update_fate::handed_on)
      continue;
    auto id = e.update_id > 0 ? std::to_string(e.update_id)
                              : std::string{"(id unreadable)"};
    if (i < repeated) {
      spdlog::warn("{}: skipping update {} sent again, still unreadable ({})",
                   where, id, e.reason);
      continue;
    }
    if (e.fate == update_fate::skipped) {
      ++counters.skipped;
      m.updates_skipped(e.reason).Increment();
      spdlog::info("{}: skipped update {}: {}", where, id, e.reason);
    } else {
      ++counters.refused;
      m.updates_refused(e.reason).Increment();
      spdlog::warn("{}: refused unreadable update {}: {}", where, id, e.reason);
    }
  }
}

void announce_intake_metrics() {
  auto& m = telemetry::metrics();
  for (auto r : telegram::all_refuse_reasons())
    m.updates_refused(telegram::to_string(r));
  for (auto label : telegram::skip_labels())
    m.updates_skipped(std::string{label});
  for (auto reason : {"transport_failed", "oversize", "unreadable", "conflict",
                      "token_refused", "rate_limited", "failed"})
    m.get_updates_errors(reason);
}

namespace {

/// Marks inbox rows that cannot be replayed done, so that they are
/// counted once and not resumed again at every start.
void finish_unreadable(caf::scoped_actor& blocking, const db_actor& db,
                       std::vector<int64_t> ids) {
  if (ids.empty())
    return;
  auto n = ids.size();
  blocking->request(db, caf::infinite, inbox_done{std::move(ids), 0})
      .receive(
          [&](const db_count&) {
            spdlog::error("intake: {} inbox row(s) could not be replayed; "
                          "refused and marked done",
                          n);
          },
          [&](const caf::error& err) {
            spdlog::warn("intake: cannot mark {} unreadable inbox row(s) "
                         "done: {}",
                         n, describe(err));
          });
}

} // namespace

size_t resume_from_inbox(caf::actor_system& sys, const db_actor& db,
                         const caf::actor& dispatcher, intake_state& counters) {
  constexpr int64_t page = 500;
  caf::scoped_actor blocking{sys};
  int64_t after = 0;
  size_t total = 0;
  std::vector<int64_t> unreadable;
  for (bool more = true; more;) {
    more = false;
    blocking->request(db, caf::infinite, inbox_pending{after, page, 0})
        .receive(
            [&](inbox_page& p) {
              for (auto& row : p.rows) {
                after = std::max(after, row.update_id);
                if (is_note_id(row.update_id)) {
                  if (auto note =
                          telegram::decode_note(row.payload, row.update_id)) {
                    note->partition = row.partition;
                    ++total;
                    blocking->send(dispatcher, std::move(*note));
                  } else {
                    unreadable.push_back(row.update_id);
                  }
                  continue;
                }
                auto batch = telegram::decode_update(row.payload);
                if (batch.updates.empty()) {
                  count_left_out(batch, counters, "inbox");
                  unreadable.push_back(row.update_id);
                  continue;
                }
                ++counters.resumed;
                ++total;
                counters.last_handed_on =
                    std::max(counters.last_handed_on.load(), row.update_id);
                auto& u = batch.updates.front();
                u.partition = row.partition;
                blocking->send(dispatcher, std::move(u));
              }
              more = static_cast<int64_t>(p.rows.size()) == page;
            },
            [&](const caf::error& err) {
              spdlog::error("intake: cannot read the inbox to resume: {}",
                            describe(err));
            });
  }
  finish_unreadable(blocking, db, std::move(unreadable));
  if (total > 0)
    spdlog::info("intake: resumed {} unfinished update(s) from the inbox",
                 total);
  return total;
}

} // namespace bridge
