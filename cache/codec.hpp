// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "messages/storage_billing.hpp"
#include "messages/storage_people.hpp"

/// How cached rows look in Redis: a tag, then length-prefixed fields
/// (`<len>:<bytes>`), so any byte in a name survives and a truncated or
/// foreign value is recognised and dropped, never half-read.
namespace bridge::cache {

/// A cached lookup: the row, or the fact that there is none.
template <class T> struct cached {
  bool absent = false;
  T value;
};

/// The marker of a cached "no such row".
constexpr std::string_view absent_marker = "-";

std::string encode_profile(const user_record& u);

/// Nothing when `text` is not a profile this build wrote.
std::optional<cached<user_record>> decode_profile(std::string_view text);

std::string encode_subscription(const subscription& s);

std::optional<cached<subscription>> decode_subscription(std::string_view text);

/// A usage counter's text; nothing unless a non-negative decimal.
std::optional<int64_t> decode_count(std::string_view text);

} // namespace bridge::cache
