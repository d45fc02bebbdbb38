// SPDX-License-Identifier: Apache-2.0
// Combined write turns: batches of different write types that waited
// together run in one transaction, and apart when they cannot. One commit
// for them all costs PostgreSQL less than the round trips it adds: a
// batch that checks its own fences still joins the transaction, which
// checks them once for all.

#include "storage/dispatch.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/fence.hpp"
#include "storage/turn_rules.hpp"

namespace bridge::storage {

namespace {

/// The calls of one type in a combined turn.
struct part {
  uint32_t op = 0;
  std::vector<size_t> idx;
};

constexpr const char* combined_name = "combined write";

/// Runs every part in one transaction, after one fencing check for all
/// of its calls (the statements that check their own then pass none). False,
/// with nothing committed and nothing answered, when the parts must run apart
/// instead (a call failed, or a fence refused one: apart, each type answers its
/// refused calls alone).
bool run_together(db_session& session, op_context& ctx, const db_turn& turn,
                  const std::vector<part>& parts, db_turn_result& out) {
  std::vector<fence_token> tokens;
  for (auto& p : parts)
    for (auto i : p.idx)
      tokens.push_back(op_table(p.op).fence_of(turn.calls[i]));
  for (int round = 0;; ++round) {
    try {
      session.begin();
      auto refused = refused_fences(ctx, tokens);
      if (std::any_of(refused.begin(), refused.end(),
                      [](bool b) { return b; })) {
        session.rollback();
        return false;
      }
      std::vector<std::vector<caf::message>> replies;
      replies.reserve(parts.size());
      fences_checked_in checked{ctx};
      for (auto& p : parts) {
        replies.push_back(op_table(p.op).execute_checked(ctx, turn, p.idx));
        bool refused =
            replies.back().size() != p.idx.size()
            || std::any_of(replies.back().begin(), replies.back().end(),
                           [](const caf::message& r) {
                             return r.match_elements<caf::error>();
                           });
        if (refused) {
          session.rollback();
          return false;
        }
      }
      session.commit();
      for (size_t k = 0; k < parts.size(); ++k)
        for (size_t j = 0; j < parts[k].idx.size(); ++j)
          out.replies[parts[k].idx[j]] = std::move(replies[k][j]);
      return true;
    } catch (const db_failure& f) {
      session.rollback();
      auto kind = f.kind();
      if (breaks_connection(kind)) {
        out.link = link_after(kind, true); // every combinable type is atomic
        auto err = caf::make_message(to_error(f, combined_name));
        for (auto& p : parts)
          for (auto i : p.idx)
            out.replies[i] = err;
        return true;
      }
      if (kind == failure_kind::rollback && round < rollback_retries)
        continue;
      return false;
    } catch (const std::exception&) {
      session.rollback();
      return false;
    }
  }
}

/// Answers every call of `parts` that the connection broke before it ran.
void fail_unran(const std::vector<part>& parts, db_turn_result& out) {
  auto gone = caf::make_message(make_error(
      engine_errc::db_unavailable,
      std::string{combined_name} + ": the connection broke before it ran"));
  for (auto& p : parts)
    for (auto i : p.idx)
      out.replies[i] = gone;
}

/// Runs each part as a turn of its own type, in order, until the
/// connection breaks; the parts behind a break never ran.
void run_apart(db_session& session, op_context& ctx, const db_turn& turn,
               const std::vector<part>& parts, int64_t now_ns,
               db_turn_result& out) {
  for (size_t k = 0; k < parts.size(); ++k) {
    db_turn single;
    single.op = parts[k].op;
    for (auto i : parts[k].idx) {
      single.calls.push_back(turn.calls[i]);
      single.deadlines_ns.push_back(turn.deadlines_ns[i]);
    }
    auto r = op_table(single.op).run(session, ctx, single, now_ns);
    for (size_t j = 0; j < parts[k].idx.size(); ++j)
      out.replies[parts[k].idx[j]] =
          j < r.replies.size()
              ? std::move(r.replies[j])
              : caf::make_message(make_error(engine_errc::db_error,
                                             "a turn left a call unanswered"));
    if (r.link != link_state::up) {
      out.link = r.link;
      fail_unran(
          {parts.begin() + static_cast<std::ptrdiff_t>(k) + 1, parts.end()},
          out);
      return;
    }
  }
}

} // namespace

db_turn_result run_combined(db_session& session, op_context& ctx, db_turn& turn,
                            int64_t now_ns) {
  db_turn_result out;
  out.replies.resize(turn.calls.size());
  turn.deadlines_ns.resize(turn.calls.size(), INT64_MAX);
  std::vector<part> parts;
  for (size_t i = 0; i < turn.calls.size(); ++i) {
    auto op = i < turn.ops.size() ? turn.ops[i] : op_count;
    if (op >= op_count || !op_table(op).is_combinable) {
      out.replies[i] = caf::make_message(make_error(
          engine_errc::db_error,
          "a combined turn carried a request that cannot share a transaction"));
      continue;
    }
    if (turn.deadlines_ns[i] <= now_ns) {
      out.replies[i] = caf::make_message(
          make_error(engine_errc::deadline_exceeded,
                     std::string{op_table(op).name}
                         + " reached its deadline before it ran"));
      continue;
    }
    auto same = std::find_if(parts.begin(), parts.end(),
                             [op](const part& p) { return p.op == op; });
    if (same == parts.end())
      parts.push_back(part{op, {i}});
    else
      same->idx.push_back(i);
  }
  if (!parts.empty() && !run_together(session, ctx, turn, parts, out))
    run_apart(session, ctx, turn, parts, now_ns, out);
  return out;
}

db_turn_result run_any(db_session& session, op_context& ctx, db_turn& turn,
                       int64_t now_ns) {
  if (!turn.ops.empty())
    return run_combined(session, ctx, turn, now_ns);
  return op_table(turn.op).run(session, ctx, turn, now_ns);
}

} // namespace bridge::storage
