// SPDX-License-Identifier: Apache-2.0
#include "storage/dispatch.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

#include <caf/type_id.hpp>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/fence.hpp"
#include "storage/repo_admin.hpp"
#include "storage/repo_billing.hpp"
#include "storage/repo_business.hpp"
#include "storage/repo_corrections.hpp"
#include "storage/repo_feedback.hpp"
#include "storage/repo_glossary.hpp"
#include "storage/repo_intake.hpp"
#include "storage/repo_join.hpp"
#include "storage/repo_outbox.hpp"
#include "storage/repo_parked.hpp"
#include "storage/repo_people.hpp"
#include "storage/repo_star_rejections.hpp"
#include "storage/repo_stars.hpp"
#include "storage/repo_talk.hpp"
#include "storage/turn_rules.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::storage {

namespace {

// -- what writes change in cached data
// ------------------------------------------

template <class Op, class R>
void touched_by(const Op&, const R&, cache_invalidate&) {
  // Most requests change nothing the cache keeps.
}

void touched_by(const user_put& x, const user_record&, cache_invalidate& out) {
  out.profiles.push_back(x.telegram_id);
}

void touched_by(const user_issue_code& x, const user_record&,
                cache_invalidate& out) {
  out.profiles.push_back(x.telegram_id);
}

void touched_by(const user_reset& x, const user_reset_result& r,
                cache_invalidate& out) {
  out.profiles.push_back(x.telegram_id);
  // The partners' profiles named this user as manager (or as worker's).
  out.profiles.insert(out.profiles.end(), r.unlinked.begin(), r.unlinked.end());
}

void touched_by(const link_worker& x, const link_result&,
                cache_invalidate& out) {
  out.profiles.push_back(x.worker_id);
}

void touched_by(const unlink_worker& x, const db_count&,
                cache_invalidate& out) {
  out.profiles.push_back(x.worker_id);
}

void touched_by(const join_answer& x, const user_record&,
                cache_invalidate& out) {
  out.profiles.push_back(x.worker_id);
}

void touched_by(const worker_remove& x, const user_record&,
                cache_invalidate& out) {
  out.profiles.push_back(x.worker_id);
}

void touched_by(const glossary_put& x, const glossary_page&,
                cache_invalidate& out) {
  out.glossaries.push_back(x.manager_id);
}

void touched_by(const glossary_answer& x, const glossary_row&,
                cache_invalidate& out) {
  out.glossaries.push_back(x.manager_id);
}

void touched_by(const glossary_remove& x, const db_count&,
                cache_invalidate& out) {
  out.glossaries.push_back(x.manager_id);
}

void touched_by(const sub_set& x, const subscription&, cache_invalidate& out) {
  out.subscriptions.push_back(x.user_id);
}

void touched_by(const sub_clear& x, const subscription&,
                cache_invalidate& out) {
  out.subscriptions.push_back(x.user_id);
}

void touched_by(const usage_incr& x, const usage_count&,
                cache_invalidate& out) {
  out.usage.push_back({x.manager_id, x.day});
}

void touched_by(const usage_release& x, const db_count&,
                cache_invalidate& out) {
  // A mirror at the limit would keep refusing what was given back.
  out.usage.push_back({x.manager_id, x.day});
}

void touched_by(const star_credit& x, const star_outcome& r,
                cache_invalidate& out) {
  if (r.verdict == star_verdict::ok)
    out.subscriptions.push_back(x.user_id);
}

void touched_by(const star_refund_put&, const star_payment& r,
                cache_invalidate& out) {
  out.subscriptions.push_back(r.user_id);
}

// Partners read the mode with the profile, from the cache.
void touched_by(const user_original_set& x, const user_record&,
                cache_invalidate& out) {
  out.profiles.push_back(x.telegram_id);
}

template <class Op>
void touched(const caf::message& call, const caf::message& reply,
             cache_invalidate& out) {
  using result = typename Op::result;
  if (call.match_elements<Op>() && reply.match_elements<result>())
    touched_by(call.get_as<Op>(0), reply.get_as<result>(0), out);
}

// -- running a turn
// -------------------------------------------------------------

template <class T> caf::message to_message(T&& x) {
  return caf::make_message(std::forward<T>(x));
}

template <class T> caf::message to_message(caf::expected<T>&& x) {
  if (x)
    return caf::make_message(std::move(*x));
  return caf::make_message(std::move(x.error()));
}

/// Whether requests of type `Op` carry a fencing token.
template <class Op, class = void> struct has_fence : std::false_type {};

template <class Op>
struct has_fence<Op, std::void_t<decltype(std::declval<const Op&>().fence)>>
    : std::true_type {};

/// Runs the calls at `idx` of `turn` (none refused by a fence), without
/// transaction control.
template <class Op>
std::vector<caf::message> execute_live(op_context& ctx, const db_turn& turn,
                                       const std::vector<size_t>& idx) {
  std::vector<caf::message> out;
  out.reserve(idx.size());
  if constexpr (op_traits<Op>::is_batched) {
    std::vector<const Op*> ops;
    ops.reserve(idx.size());
    for (auto i : idx)
      ops.push_back(&turn.calls[i].get_as<Op>(0));
    for (auto& r : execute_batch(ctx, ops))
      out.push_back(to_message(std::move(r)));
  } else {
    for (auto i : idx)
      out.push_back(to_message(execute(ctx, turn.calls[i].get_as<Op>(0))));
  }
  return out;
}

/// Whether the calls at `idx` of `turn` write one statement that checks
/// its own fences, so they need no transaction.
template <class Op>
bool runs_alone(const db_turn& turn, const std::vector<size_t>& idx,
                size_t batch_max) {
  if constexpr (!op_traits<Op>::is_one_statement) {
    return false;
  } else {
    size_t rows = 0;
    for (auto i : idx)
      rows += op_weight(turn.calls.at(i).get_as<Op>(0));
    return rows <= batch_max;
  }
}

/// Runs the calls at `idx` of `turn`, without transaction control. With
/// `check_fences`, fenced requests are checked first, in the same
/// transaction: those whose partition moved to another owner are answered
/// `fenced` and write nothing; the rest run. Without, the one statement
/// they write checks them itself.
template <class Op>
std::vector<caf::message> execute_calls(op_context& ctx, const db_turn& turn,
                                        const std::vector<size_t>& idx,
                                        bool check_fences) {
  if constexpr (has_fence<Op>::value) {
    if (!check_fences)
      return execute_live<Op>(ctx, turn, idx);
    std::vector<fence_token> tokens;
    tokens.reserve(idx.size());
    for (auto i : idx)
      tokens.push_back(turn.calls[i].get_as<Op>(0).fence);
    auto refused = refused_fences(ctx, tokens);
    if (std::any_of(refused.begin(), refused.end(), [](bool b) { return b; })) {
      std::vector<size_t> live;
      for (size_t k = 0; k < idx.size(); ++k)
        if (!refused[k])
          live.push_back(idx[k]);
      auto replies = execute_live<Op>(ctx, turn, live);
      std::vector<caf::message> out;
      out.reserve(idx.size());
      size_t next = 0;
      for (size_t k = 0; k < idx.size(); ++k) {
        if (!refused[k]) {
          out.push_back(std::move(replies.at(next++)));
          continue;
        }
        telemetry::metrics().db_fenced_writes.Increment();
        out.push_back(caf::make_message(make_error(
            engine_errc::fenced,
            std::string{caf::type_name<Op>::value} + " for partition "
                + std::to_string(tokens[k].partition) + " at epoch "
                + std::to_string(tokens[k].epoch)
                + ": the partition has another owner now")));
      }
      return out;
    }
  }
  return execute_live<Op>(ctx, turn, idx);
}

/// Failures worth splitting a batch for: one bad request among good ones.
bool isolatable(failure_kind k) {
  return k == failure_kind::invalid_data || k == failure_kind::unique_violation
         || k == failure_kind::foreign_key_violation
         || k == failure_kind::decode || k == failure_kind::other;
}

/// Runs one turn of `Op` requests; answers every call, never throws.
template <class Op> class turn_runner {
public:
  using traits = op_traits<Op>;

  turn_runner(db_session& session, op_context& ctx, db_turn& turn)
      : session_(session), ctx_(ctx), turn_(turn) {
    out_.replies.resize(turn.calls.size());
  }

  db_turn_result run(int64_t now_ns) {
    std::vector<size_t> live;
    for (size_t i = 0; i < turn_.calls.size(); ++i) {
      if (i < turn_.deadlines_ns.size() && turn_.deadlines_ns[i] <= now_ns)
        answer(i, make_error(engine_errc::deadline_exceeded,
                             std::string{name_}
                                 + " reached its deadline before it ran"));
      else if (!turn_.calls[i].match_elements<Op>())
        answer(i, make_error(engine_errc::db_error,
                             std::string{name_}
                                 + " turn carried a foreign request"));
      else
        live.push_back(i);
    }
    if (!live.empty())
      attempt(live);
    return std::move(out_);
  }

private:
  void answer(size_t i, caf::error err) {
    out_.replies[i] = caf::make_message(std::move(err));
  }

  void fail(const std::vector<size_t>& idx, size_t from,
            const caf::error& err) {
    for (size_t k = from; k < idx.size(); ++k)
      answer(idx[k], err);
  }

  /// Whether the calls at `idx` run between BEGIN and COMMIT.
  bool in_transaction(const std::vector<size_t>& idx) const {
    return traits::is_atomic && !runs_alone<Op>(turn_, idx, ctx_.batch_max);
  }

  /// Runs the calls at `idx` together; false once the connection is gone.
  /// `long_way`: in a transaction, the fences checked apart, whatever the
  /// batch's size.
  bool attempt(const std::vector<size_t>& idx, bool long_way = false) {
    const bool txn = long_way || in_transaction(idx);
    const bool check_fences = txn || !traits::is_one_statement;
    for (int round = 0;; ++round) {
      try {
        if (txn)
          session_.begin();
        fences_checked_in checked{ctx_, check_fences};
        auto replies = execute_calls<Op>(ctx_, turn_, idx, check_fences);
        if (txn) {
          // A refused request (not found, fenced out) leaves nothing behind.
          bool refused =
              idx.size() == 1
              && replies.front().template match_elements<caf::error>();
          if (refused)
            session_.rollback();
          else
            session_.commit();
        }
        for (size_t k = 0; k < idx.size(); ++k)
          out_.replies[idx[k]] = std::move(replies[k]);
        return true;
      } catch (const db_failure& f) {
        session_.rollback();
        auto kind = f.kind();
        if (breaks_connection(kind)) {
          out_.link = link_after(kind, txn);
          fail(idx, 0, to_error(f, name_));
          return false;
        }
        if (kind == failure_kind::rollback && round < rollback_retries)
          continue;
        // The statement's own check refused a token and wrote nothing:
        // the long way answers each refused call alone.
        if (kind == failure_kind::fenced && !check_fences)
          return attempt(idx, true);
        if (idx.size() > 1 && isolatable(kind))
          return isolate(idx);
        fail(idx, 0, to_error(f, name_));
        return true;
      } catch (const std::exception& e) {
        session_.rollback();
        fail(idx, 0,
             make_error(engine_errc::db_error,
                        std::string{name_} + ": " + e.what()));
        return true;
      }
    }
  }

  /// One bad request must not fail its neighbours: runs each alone.
  bool isolate(const std::vector<size_t>& idx) {
    for (size_t k = 0; k < idx.size(); ++k) {
      if (!attempt({idx[k]})) {
        fail(idx, k + 1,
             make_error(engine_errc::db_unavailable,
                        std::string{name_} + ": connection lost"));
        return false;
      }
    }
    return true;
  }

  db_session& session_;
  op_context& ctx_;
  db_turn& turn_;
  db_turn_result out_;
  const char* name_ = caf::type_name<Op>::value;
};

template <class Op>
db_turn_result run_turn(db_session& session, op_context& ctx, db_turn& turn,
                        int64_t now_ns) {
  return turn_runner<Op>{session, ctx, turn}.run(now_ns);
}

/// `execute_live` for a combined turn (fences checked by the caller), which
/// checks the calls' types.
template <class Op>
std::vector<caf::message> execute_part_checked(op_context& ctx,
                                               const db_turn& turn,
                                               const std::vector<size_t>& idx) {
  for (auto i : idx)
    if (!turn.calls.at(i).match_elements<Op>())
      throw std::invalid_argument{"a call is not of the type its turn names"};
  return execute_live<Op>(ctx, turn, idx);
}

template <class Op> fence_token fence_of(const caf::message& call) {
  if constexpr (has_fence<Op>::value) {
    if (call.match_elements<Op>())
      return call.get_as<Op>(0).fence;
  }
  return fence_token{};
}

template <class Op> op_entry make_entry() {
  using traits = op_traits<Op>;
  return {caf::type_name<Op>::value,
          traits::is_batched,
          traits::is_atomic,
          traits::is_idempotent,
          traits::is_urgent,
          traits::is_batched && traits::is_atomic && !traits::is_urgent,
          &run_turn<Op>,
          &execute_part_checked<Op>,
          &fence_of<Op>,
          &touched<Op>};
}

template <class... Ops>
std::array<op_entry, sizeof...(Ops)> make_table(db_op_list<Ops...>) {
  return {make_entry<Ops>()...};
}

} // namespace

const op_entry& op_table(uint32_t index) {
  static const auto table = make_table(db_ops{});
  return table.at(index);
}

const std::vector<sql_def>& all_statements() {
  static const std::vector<sql_def> defs = [] {
    std::vector<sql_def> out;
    for (auto* part :
         {&fence_statements(), &intake_statements(), &outbox_statements(),
          &parked_statements(), &people_statements(), &join_statements(),
          &billing_statements(), &talk_statements(), &task_statements(),
          &admin_statements(), &feedback_statements(), &star_statements(),
          &business_statements(), &glossary_statements(),
          &correction_statements(), &star_rejection_statements()})
      out.insert(out.end(), part->begin(), part->end());
    return out;
  }();
  return defs;
}

} // namespace bridge::storage
