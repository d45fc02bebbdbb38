// SPDX-License-Identifier: Apache-2.0
// Storing messages in batches: each with its partner's copy and the
// update it finishes, in one statement when the batch fits one.
#include "storage/repo_talk.hpp"

#include <map>
#include <string>
#include <unordered_map>

#include "storage/fence.hpp"
#include "storage/repo_intake.hpp"
#include "storage/repo_outbox.hpp"

namespace bridge::storage {

namespace {

/// Hands the outbox rows written for `calls` (in their order, each call's
/// copies together) back to each call's result.
void hand_back_outbox(const std::vector<const message_put*>& calls,
                      const std::vector<outbox_put_result>& written,
                      std::vector<message_put_result>& out) {
  size_t next = 0;
  for (size_t i = 0; i < calls.size(); ++i)
    for (size_t k = 0; k < calls[i]->outbox.size(); ++k)
      out[i].outbox.push_back(written[next++]);
}

/// `execute_batch` of messages whose rows, copies and finishes each fit
/// one statement: all three in one (`message_store`).
std::vector<message_put_result>
store_in_one(op_context& ctx, const std::vector<const message_put*>& calls,
             const std::vector<const message_row*>& all,
             const std::vector<outbox_record>& copies,
             const std::vector<int64_t>& finished) {
  auto st = message_insert_statement(all);
  st.name = message_store_statement().name;
  st.params.push_back(inbox_done_statement(finished).params.at(0));
  for (auto& p : outbox_insert_statement(pointers_to(copies)).params)
    st.params.push_back(std::move(p));
  auto fences = fence_params(ctx, calls);
  st.params.push_back(std::move(fences.partitions));
  st.params.push_back(std::move(fences.epochs));
  std::map<message_key, int64_t> stored;
  std::unordered_map<std::string, int64_t> created;
  for (auto& r : ctx.sql.run(st)) {
    expect_width(r, 5, "message store");
    if (text_at(r, 0) == "m")
      stored.emplace(message_key{int_at(r, 1), int_at(r, 2)}, int_at(r, 3));
    else
      created.emplace(text_at(r, 4), int_at(r, 3));
  }
  add_stored_before(ctx, calls, stored);
  auto out = split_message_ids(calls, std::move(stored));
  hand_back_outbox(calls, settle_outbox(ctx, pointers_to(copies), created),
                   out);
  return out;
}

} // namespace

std::vector<message_put_result>
execute_batch(op_context& ctx, const std::vector<const message_put*>& calls) {
  std::vector<const message_row*> all;
  for (auto c : calls)
    for (auto& r : c->rows)
      all.push_back(&r);
  std::vector<outbox_record> copies;
  std::vector<int64_t> finished;
  for (auto c : calls) {
    for (auto& o : c->outbox)
      copies.push_back(placed(o, c->fence));
    finished.insert(finished.end(), c->finishes.begin(), c->finishes.end());
  }
  if (all.size() <= ctx.batch_max && copies.size() <= ctx.batch_max
      && finished.size() <= ctx.batch_max)
    return store_in_one(ctx, calls, all, copies, finished);
  std::map<message_key, int64_t> stored;
  for_each_chunk(all, ctx.batch_max, [&](const auto& chunk) {
    for (auto& r : ctx.sql.run(message_insert_statement(chunk))) {
      expect_width(r, 3, "message insert");
      stored.emplace(message_key{int_at(r, 0), int_at(r, 1)}, int_at(r, 2));
    }
  });
  add_stored_before(ctx, calls, stored);
  auto out = split_message_ids(calls, std::move(stored));
  // Past one statement's rows: the copies and the finished updates, in
  // the same transaction, exactly as outbox_put and inbox_done write them.
  if (!finished.empty())
    mark_inbox_done(ctx, finished);
  if (copies.empty())
    return out;
  hand_back_outbox(calls, write_outbox(ctx, pointers_to(copies)), out);
  return out;
}

} // namespace bridge::storage
