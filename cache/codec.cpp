// SPDX-License-Identifier: Apache-2.0
#include "cache/codec.hpp"

#include <charconv>
#include <vector>

namespace bridge::cache {

namespace {

// u2 added original_mode. A u1 value (an older build's) no longer decodes:
// the cache drops it and reads the profile through.
constexpr std::string_view profile_tag = "u2|";
constexpr std::string_view subscription_tag = "s1|";

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

void put(std::string& out, int64_t x) {
  put(out, std::to_string(x));
}

std::optional<int64_t> to_int(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
    return std::nullopt;
  return v;
}

/// Splits exactly `n` fields after `tag`; nothing on any irregularity.
std::optional<std::vector<std::string_view>>
fields(std::string_view text, std::string_view tag, size_t n) {
  if (text.substr(0, tag.size()) != tag)
    return std::nullopt;
  text.remove_prefix(tag.size());
  std::vector<std::string_view> out;
  while (out.size() < n) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10)
      return std::nullopt;
    auto len = to_int(text.substr(0, colon));
    if (!len || *len < 0 || static_cast<size_t>(*len) > text.size() - colon - 1)
      return std::nullopt;
    out.push_back(text.substr(colon + 1, static_cast<size_t>(*len)));
    text.remove_prefix(colon + 1 + static_cast<size_t>(*len));
  }
  if (!text.empty())
    return std::nullopt;
  return out;
}

std::optional<user_role> role_of(std::string_view s) {
  if (s == "none")
    return user_role::none;
  if (s == "manager")
    return user_role::manager;
  if (s == "worker")
    return user_role::worker;
  return std::nullopt;
}

std::optional<subscription_status> status_of(std::string_view s) {
  if (s == "none")
    return subscription_status::none;
  if (s == "active")
    return subscription_status::active;
  if (s == "canceled")
    return subscription_status::canceled;
  return std::nullopt;
}

} // namespace

std::string encode_profile(const user_record& u) {
  std::string out{profile_tag};
  put(out, u.telegram_id);
  put(out, to_string(u.role));
  put(out, u.language);
  put(out, u.display_name);
  put(out, u.invitation_code);
  put(out, u.manager_id);
  put(out, u.created_at_ms);
  put(out, u.updated_at_ms);
  put(out, u.original_mode);
  return out;
}

std::optional<cached<user_record>> decode_profile(std::string_view text) {
  if (text == absent_marker)
    return cached<user_record>{true, {}};
  auto f = fields(text, profile_tag, 9);
  if (!f)
    return std::nullopt;
  auto id = to_int((*f)[0]);
  auto role = role_of((*f)[1]);
  auto manager = to_int((*f)[5]);
  auto created = to_int((*f)[6]);
  auto updated = to_int((*f)[7]);
  auto mode = (*f)[8];
  if (!id || !role || !manager || !created || !updated
      || (mode != "auto" && mode != "on" && mode != "off"))
    return std::nullopt;
  user_record u;
  u.telegram_id = *id;
  u.role = *role;
  u.language = std::string{(*f)[2]};
  u.display_name = std::string{(*f)[3]};
  u.invitation_code = std::string{(*f)[4]};
  u.manager_id = *manager;
  u.created_at_ms = *created;
  u.updated_at_ms = *updated;
  u.original_mode = std::string{mode};
  return cached<user_record>{false, std::move(u)};
}

std::string encode_subscription(const subscription& s) {
  std::string out{subscription_tag};
  put(out, s.user_id);
  put(out, to_string(s.status));
  put(out, s.expires_at_ms);
  put(out, s.updated_at_ms);
  return out;
}

std::optional<cached<subscription>> decode_subscription(std::string_view text) {
  if (text == absent_marker)
    return cached<subscription>{true, {}};
  auto f = fields(text, subscription_tag, 4);
  if (!f)
    return std::nullopt;
  auto id = to_int((*f)[0]);
  auto status = status_of((*f)[1]);
  auto expires = to_int((*f)[2]);
  auto updated = to_int((*f)[3]);
  if (!id || !status || !expires || !updated)
    return std::nullopt;
  return cached<subscription>{false,
                              subscription{*id, *status, *expires, *updated}};
}

std::optional<int64_t> decode_count(std::string_view text) {
  auto v = to_int(text);
  if (!v || *v < 0)
    return std::nullopt;
  return v;
}

} // namespace bridge::cache
