// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include <caf/atom.hpp>
#include <caf/error.hpp>
#include <caf/make_message.hpp>

namespace bridge {

/// Errors that cross mailboxes. Every room turns its library's exceptions
/// into one of these, with a context string that never carries a secret.
enum class engine_errc : uint8_t {
  none = 0,
  /// A request waited past its deadline.
  deadline_exceeded,
  /// A bounded queue was full; the request was refused, not queued.
  queue_full,
  /// The engine is draining and takes no new work.
  shutting_down,
  /// PostgreSQL could not be reached or the connection broke mid-request.
  db_unavailable,
  /// PostgreSQL answered with an error (constraint, syntax, data).
  db_error,
  /// Redis could not be reached or answered an error.
  cache_unavailable,
  /// An HTTP peer could not be reached, or the transfer failed.
  http_unreachable,
  /// An HTTP peer answered a status that is not success.
  http_status,
  /// A peer asked us to slow down (Telegram or translation API 429).
  rate_limited,
  /// The peer refused our credentials.
  unauthorized,
  /// Another client already polls this bot, or a webhook is set.
  conflict,
  /// Input could not be decoded or broke a documented limit.
  invalid_input,
  /// The requested item does not exist.
  not_found,
  /// The translator could not produce a translation.
  translation_failed,
  /// The translator has no backend for this language pair.
  unsupported_language,
  /// The circuit breaker is open; the backend is not asked.
  circuit_open,
  /// The chat has blocked the bot or no longer exists.
  chat_unavailable,
  /// A write for a partition this engine no longer owns: refused by its
  /// lease's epoch. Never reported to a user: the partition's new owner
  /// does the work, and the keeper soon stops the writer here.
  fenced,
  /// The database was migrated by a newer build than this one: its schema
  /// has versions this binary does not know, so the engine must not run
  /// on it (a backup of a newer release restored under an older binary).
  schema_newer,
};

/// The CAF error category of engine errors.
constexpr caf::atom_value engine_error_category = caf::atom("bridge");

/// Renders a code as its snake_case name.
const char* to_string(engine_errc code);

/// Builds a CAF error value carrying `code` and a human-readable context.
inline caf::error make_error(engine_errc code, std::string context = {}) {
  if (context.empty())
    return caf::error{static_cast<uint8_t>(code), engine_error_category};
  return caf::error{static_cast<uint8_t>(code), engine_error_category,
                    caf::make_message(std::move(context))};
}

/// Returns the engine code of `err`, or `engine_errc::none` when `err` is
/// empty or from another category.
engine_errc engine_code(const caf::error& err);

/// Whether a failure may go away by itself (a connection comes back, a
/// queue drains, a peer stops refusing): such work is retried with backoff
/// and a bound. Every other failure is permanent: the same request would
/// get the same answer, so it is finished with a clear outcome instead.
bool is_transient(engine_errc code);

/// `is_transient` for any error: engine codes as above; of CAF's own, a
/// request timeout and a receiver that went away are transient.
bool is_transient(const caf::error& err);

/// Renders any CAF error (engine or not) on one line for logs and replies.
std::string describe(const caf::error& err);

} // namespace bridge
