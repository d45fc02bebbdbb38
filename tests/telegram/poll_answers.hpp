// SPDX-License-Identifier: Apache-2.0
#pragma once

// getUpdates answers as the poll suites write them, and the positions and
// outcomes they start from.

#include <cstdint>
#include <string>
#include <vector>

#include "telegram/poll_classify.hpp"

namespace bridge::telegram::test {

/// A text message update in chat 7.
inline std::string message(int64_t update_id, const std::string& text) {
  return R"({"update_id":)" + std::to_string(update_id)
         + R"(,"message":{"message_id":1,"date":0,"chat":{"id":7},)"
         + R"("from":{"id":7,"first_name":"A"},"text":")" + text + R"("}})";
}

/// A successful answer holding `updates`, in order.
inline std::string ok_result(const std::vector<std::string>& updates) {
  std::string body = R"({"ok":true,"result":[)";
  for (size_t i = 0; i < updates.size(); ++i)
    body += (i > 0 ? "," : "") + updates[i];
  return body + "]}";
}

/// The elements not handed on, as "id:reason" joined by commas.
inline std::string left_out(const decoded_batch& b) {
  std::string out;
  for (const auto& e : b.elements)
    if (e.fate != update_fate::handed_on)
      out += (out.empty() ? "" : ",") + std::to_string(e.update_id) + ":"
             + e.reason;
  return out;
}

/// A position with nothing unnamed, and one with an unnamed update
/// expected again at its offset.
inline poll_position at(int64_t offset) {
  return {offset, -1};
}
inline poll_position again(int64_t offset) {
  return {offset, offset};
}

/// An element whose text the parser refuses and whose id is unreadable.
inline const std::string unnamed_broken = R"({"message":{"text":"\ud800"}})";

/// A poll whose updates were stored, leaving the intake at `next`.
inline poll_outcome stored_at(poll_position next) {
  poll_outcome out;
  out.verdict = poll_verdict::store;
  out.next = next;
  return out;
}

} // namespace bridge::telegram::test
