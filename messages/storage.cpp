// SPDX-License-Identifier: Apache-2.0
#include "messages/storage.hpp"

namespace bridge {

const char* to_string(outbox_status x) {
  switch (x) {
  case outbox_status::pending:
    return "pending";
  case outbox_status::sent:
    return "sent";
  case outbox_status::failed:
    return "failed";
  }
  return "unknown";
}

const char* to_string(park_action x) {
  switch (x) {
  case park_action::retry:
    return "retry";
  case park_action::drop:
    return "drop";
  }
  return "unknown";
}

const char* to_string(user_role x) {
  switch (x) {
  case user_role::none:
    return "none";
  case user_role::manager:
    return "manager";
  case user_role::worker:
    return "worker";
  }
  return "unknown";
}

const char* to_string(subscription_status x) {
  switch (x) {
  case subscription_status::none:
    return "none";
  case subscription_status::active:
    return "active";
  case subscription_status::canceled:
    return "canceled";
  }
  return "unknown";
}

const char* to_string(star_verdict x) {
  switch (x) {
  case star_verdict::ok:
    return "ok";
  case star_verdict::unknown_order:
    return "unknown_order";
  case star_verdict::other_user:
    return "other_user";
  case star_verdict::not_open:
    return "not_open";
  case star_verdict::wrong_currency:
    return "wrong_currency";
  case star_verdict::wrong_amount:
    return "wrong_amount";
  case star_verdict::duplicate:
    return "duplicate";
  }
  return "unknown";
}

const char* to_string(message_status x) {
  switch (x) {
  case message_status::pending:
    return "pending";
  case message_status::translated:
    return "translated";
  case message_status::delivered:
    return "delivered";
  case message_status::failed:
    return "failed";
  }
  return "unknown";
}

const char* to_string(task_status x) {
  switch (x) {
  case task_status::open:
    return "open";
  case task_status::done:
    return "done";
  }
  return "unknown";
}

const char* to_string(purge_target x) {
  switch (x) {
  case purge_target::messages:
    return "messages";
  case purge_target::inbox:
    return "inbox";
  case purge_target::outbox:
    return "outbox";
  }
  return "unknown";
}

} // namespace bridge
