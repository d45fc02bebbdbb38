// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <caf/error.hpp>

/// The small vocabulary repositories speak instead of libpqxx: statements
/// by name with text parameters, rows of text cells, and one exception
/// type. Only `storage/pg_session.cpp` and the migrator know libpqxx.
namespace bridge::storage {

/// One value in PostgreSQL's text format, or NULL.
using cell = std::optional<std::string>;

/// One result row.
using row = std::vector<cell>;

/// A result set.
using rows = std::vector<row>;

/// A named statement and its SQL, prepared on every connection.
struct sql_def {
  const char* name;
  const char* text;
  /// Planned at each call with its parameters and the tables' sizes then,
  /// instead of prepared once: for a statement whose best plan turns with
  /// the size of a table that grows fast (a connection would otherwise
  /// keep the plan it made while that table was empty). Costs a parse and
  /// a plan per call, in the same round trip.
  bool planned_each_time = false;
};

/// A call of a prepared statement.
struct statement {
  const char* name = "";
  std::vector<cell> params;
};

/// Why a database call failed, as far as retrying and reporting care.
enum class failure_kind : uint8_t {
  /// The connection broke; the current transaction did not commit.
  connection_lost,
  /// The connection broke while committing: the work may have committed.
  in_doubt,
  /// Deadlock or serialization failure: rolled back, safe to run again.
  rollback,
  unique_violation,
  foreign_key_violation,
  /// A CHECK or NOT NULL constraint, or data PostgreSQL would not take.
  invalid_data,
  /// statement_timeout cut the statement.
  timeout,
  /// A row did not have the shape the decoder expects.
  decode,
  /// A statement's own fencing check refused it (SQLSTATE BRF01): a
  /// partition it writes has another owner now; nothing was written.
  fenced,
  other,
};

const char* to_string(failure_kind x);

/// Classifies an SQLSTATE code (five characters).
failure_kind classify_sqlstate(std::string_view sqlstate);

/// The one exception of the storage room; never crosses a mailbox.
class db_failure : public std::runtime_error {
public:
  db_failure(failure_kind kind, const std::string& what,
             std::string sqlstate = {})
      : std::runtime_error(what), kind_(kind), sqlstate_(std::move(sqlstate)) {}

  failure_kind kind() const { return kind_; }
  const std::string& sqlstate() const { return sqlstate_; }

private:
  failure_kind kind_;
  std::string sqlstate_;
};

/// Turns a failure into the engine error a caller sees; `context` names
/// the request.
caf::error to_error(const db_failure& failure, std::string_view context);

/// Runs prepared statements: the worker's PostgreSQL session, or a scripted
/// fake in tests.
class sql_runner {
public:
  virtual ~sql_runner() = default;

  /// Runs one statement; throws `db_failure`.
  virtual rows run(const statement& st) = 0;
};

/// What a request's code gets to work with.
struct op_context {
  sql_runner& sql;
  std::mt19937_64& rng;
  /// Rows written per statement at most.
  size_t batch_max = 500;
  /// Set while the calls run in a transaction whose fencing tokens were
  /// checked apart: statements that check their own then pass none.
  bool fences_checked = false;
};

// -- parameters
// -----------------------------------------------------------------

/// Builds a PostgreSQL array literal (`{1,2}`, `{"a","b\"c",NULL}`) for one
/// array parameter. Every text element is quoted, so no content (quotes,
/// backslashes, braces, commas, spaces) can change the array's shape.
class array_literal {
public:
  void add(int64_t x);
  void add_text(std::string_view x);
  void add_null();

  /// The literal; `{}` when nothing was added.
  std::string str() const { return buf_ + '}'; }

  size_t size() const { return n_; }

private:
  void separate();

  std::string buf_ = "{";
  size_t n_ = 0;
};

/// A parameter from an integer.
inline cell param(int64_t x) {
  return std::to_string(x);
}

/// A parameter from text.
inline cell param(std::string_view x) {
  return std::string{x};
}

inline cell param(const char* x) {
  return std::string{x};
}

inline cell param(bool x) {
  return std::string{x ? "true" : "false"};
}

/// A partition filter: an integer array, or NULL (every partition) when
/// `parts` is empty.
inline cell partitions_param(const std::vector<int32_t>& parts) {
  if (parts.empty())
    return std::nullopt;
  array_literal arr;
  for (auto p : parts)
    arr.add(p);
  return arr.str();
}

/// Calls `f` with consecutive slices of `items` of at most `n` elements.
template <class T, class F>
void for_each_chunk(const std::vector<T>& items, size_t n, F&& f) {
  if (n == 0)
    n = 1;
  for (size_t i = 0; i < items.size(); i += n) {
    auto end = std::min(items.size(), i + n);
    std::vector<T> chunk(items.begin() + static_cast<std::ptrdiff_t>(i),
                         items.begin() + static_cast<std::ptrdiff_t>(end));
    f(chunk);
  }
}

// -- decoding
// -------------------------------------------------------------------

/// Throws a `decode` failure unless `r` has exactly `width` cells.
void expect_width(const row& r, size_t width, const char* what);

/// Cell `i` as an integer; NULL is 0. Throws `decode` on anything else.
int64_t int_at(const row& r, size_t i);

/// Cell `i` as text; NULL is empty.
std::string text_at(const row& r, size_t i);

/// `text` with every parameter `$N` renumbered `$(N + by)`: a statement
/// written once, run as one part of a larger one after `by` parameters of
/// the others. Bridge's statements use no dollar quoting.
std::string shift_params(const std::string& text, int by);

/// Cell `i` as a boolean (`t` or `f`).
bool bool_at(const row& r, size_t i);

/// Cell `i` as an integer array (`{1,2,3}`); NULL is empty.
std::vector<int64_t> int_list_at(const row& r, size_t i);

/// Parses a whole decimal integer (optional leading '-'), strictly.
std::optional<int64_t> parse_int(std::string_view text);

} // namespace bridge::storage
