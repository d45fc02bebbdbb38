// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"
#include "messages/storage_people.hpp"

/// Joining a team with the manager's approval, and leaving it at the
/// manager's word. Each request touches two chats that may live in
/// different partitions: it changes the rows in one transaction, fenced by
/// the writer's partition, and queues a note for the other chat's session
/// (messages/conversation.hpp), which that chat's owner handles like an
/// update, whichever engine it is.
namespace bridge {

/// A worker who sent a right code asks to join: stores the request (one
/// per worker; a newer one replaces it) and queues a `join_request` note
/// for the manager's session (named `name`, keyed by update `cause`).
/// Answers 1.
struct join_request_put {
  using result = db_count;
  int64_t worker_id = 0;
  int64_t manager_id = 0;
  std::string name = {};
  int64_t cause = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, join_request_put& x) {
  return f(caf::meta::type_name("join_request_put"), x.worker_id, x.manager_id,
           x.name, x.cause, x.timeout_ms, x.fence);
}

/// A manager's answer to a worker's request. Takes the request (so a
/// second answer finds none); on `accept` links the worker, moves their
/// unfinished updates to the team's partition and queues `join_accepted`
/// for them, else queues `join_declined` (named `name`, the manager's).
/// Answers the worker's profile after it; `not_found` when no request of
/// this worker to this manager waits (answered already, withdrawn by a
/// reset, or never made).
struct join_answer {
  using result = user_record;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  bool accept = false;
  std::string name = {};
  int64_t cause = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, join_answer& x) {
  return f(caf::meta::type_name("join_answer"), x.manager_id, x.worker_id,
           x.accept, x.name, x.cause, x.timeout_ms, x.fence);
}

/// A manager unlinks one of their workers: removes the link, moves the
/// worker's unfinished updates back to their own partition and queues a
/// `removed` note for them (named `name`, the manager's), so their session
/// forgets the manager at once. Answers the worker's profile after it;
/// `not_found` when the worker is not this manager's.
struct worker_remove {
  using result = user_record;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  std::string name = {};
  int64_t cause = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, worker_remove& x) {
  return f(caf::meta::type_name("worker_remove"), x.manager_id, x.worker_id,
           x.name, x.cause, x.timeout_ms, x.fence);
}

} // namespace bridge
