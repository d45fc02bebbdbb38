// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include <caf/meta/type_name.hpp>

#include "messages/cluster.hpp"

/// Results shared by many storage requests.
///
/// Every storage request struct carries `timeout_ms`: the deadline of the
/// request, counted from when the pool receives it; 0 means
/// `db.request_timeout_ms`. A request still waiting for a connection at its
/// deadline is answered `deadline_exceeded` and never runs. Times in records
/// are Unix epoch milliseconds, 0 meaning "none".
///
/// A write an owner makes for a partition carries `fence`, its fencing
/// token (messages/cluster.hpp): PostgreSQL refuses it, answering `fenced`,
/// when that partition's lease has moved on. The default token fences
/// nothing.
namespace bridge {

/// Largest page any listing request may ask for.
constexpr int64_t max_page_size = 1000;

/// A number of rows (written, deleted, counted).
struct db_count {
  int64_t n = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, db_count& x) {
  return f(caf::meta::type_name("db_count"), x.n);
}

/// The id PostgreSQL gave a new row.
struct db_id {
  int64_t id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, db_id& x) {
  return f(caf::meta::type_name("db_id"), x.id);
}

} // namespace bridge
