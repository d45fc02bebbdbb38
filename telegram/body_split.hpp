// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

/// Reading a getUpdates body the parser refuses, as far as it can be read:
/// by bracket and string scanning alone, so one broken update neither
/// takes its neighbours with it nor hides its own id.
namespace bridge::telegram {

/// The elements of a body's `result` array, as views into the body.
struct result_elements {
  std::vector<std::string_view> elements;
  /// The last element is cut off: the body ends inside it, or a bracket
  /// in it closes what it did not open, so it runs to the end of the body
  /// and may have swallowed the elements after it.
  bool last_cut = false;
};

/// Finds the array under a `"result"` key of the root object of `body` and
/// cuts it into elements at the commas between them; nullopt when there is
/// no root object or no such array. Nothing in an element is checked.
std::optional<result_elements> split_result(std::string_view body);

/// The element's own `update_id`: the value of that key in its top-level
/// object (never one nested, never text inside a string), when it is a
/// whole number from 1 to 2^63-1 followed by a delimiter (so a number cut
/// off by the end of the body is not taken). 0 otherwise.
int64_t element_update_id(std::string_view element);

/// True when `text` ends with a string, object or array still open.
bool ends_open(std::string_view text);

/// True when `text` holds a `\u` escape of a UTF-16 surrogate without its
/// other half.
bool has_lone_surrogate(std::string_view text);

} // namespace bridge::telegram
