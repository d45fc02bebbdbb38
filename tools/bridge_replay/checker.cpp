// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/checker.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/texts.hpp"
#include "tools/bridge_replay/timing.hpp"

namespace bridge::replay {

namespace {

constexpr std::string_view marker_tag = " #r";

/// The bot's sentences a load run may provoke, by the name reports use.
constexpr std::array<std::pair<domain::text_id, const char*>, 15> known{{
    {domain::text_id::history_header, "history"},
    {domain::text_id::queued, "queued"},
    {domain::text_id::rate_limited, "rate_limited"},
    {domain::text_id::daily_limit_reached, "daily_limit_reached"},
    {domain::text_id::translation_failed, "translation_failed"},
    {domain::text_id::busy, "busy"},
    {domain::text_id::partner_unreachable, "partner_unreachable"},
    {domain::text_id::no_workers, "no_workers"},
    {domain::text_id::no_manager, "no_manager"},
    {domain::text_id::not_registered, "not_registered"},
    {domain::text_id::unknown_command, "unknown_command"},
    {domain::text_id::message_too_long, "message_too_long"},
    {domain::text_id::media_not_supported, "media_not_supported"},
    {domain::text_id::switched_to, "switched_to"},
    {domain::text_id::manager_worker_joined, "worker_joined"},
}};

/// The longest literal stretch of a wording between its placeholders.
std::string_view longest_literal(std::string_view w) {
  std::string_view best;
  size_t at = 0;
  while (at <= w.size()) {
    auto end = w.find("{}", at);
    auto part = w.substr(at, end == std::string_view::npos ? w.npos : end - at);
    if (part.size() > best.size())
      best = part;
    if (end == std::string_view::npos)
      break;
    at = end + 2;
  }
  return best;
}

/// Whether `text` is a /history reply: its first line is the header
/// ("Last N messages:"). It quotes earlier messages, markers and all, and
/// is not a delivery of any of them.
bool is_history_reply(std::string_view text) {
  auto first = text.substr(0, text.find('\n'));
  for (auto lang : {"en", "es"}) {
    auto w = domain::wording(domain::text_id::history_header, lang);
    auto hole = w.find("{}");
    auto head = w.substr(0, hole);
    auto tail = w.substr(hole + 2);
    if (first.size() > head.size() + tail.size()
        && first.substr(0, head.size()) == head
        && first.substr(first.size() - tail.size()) == tail) {
      auto n =
          first.substr(head.size(), first.size() - head.size() - tail.size());
      if (n.find_first_not_of("0123456789") == std::string_view::npos)
        return true;
    }
  }
  return false;
}

} // namespace

std::string with_marker(const std::string& text, std::string_view tag,
                        int64_t marker) {
  return text + std::string{marker_tag} + std::string{tag} + "."
         + std::to_string(marker);
}

std::optional<marker_ref> find_marker(std::string_view text) {
  // A copy delivered untranslated carries the engine's note after the
  // writer's text, so after the marker: it is still that message.
  for (auto lang : {"en", "es"}) {
    auto note = domain::wording(domain::text_id::untranslated_note, lang);
    if (text.size() > note.size() + 1
        && text.substr(text.size() - note.size()) == note
        && text[text.size() - note.size() - 1] == ' ') {
      text.remove_suffix(note.size() + 1);
      break;
    }
  }
  auto at = text.rfind(marker_tag);
  if (at == std::string_view::npos)
    return std::nullopt;
  auto rest = text.substr(at + marker_tag.size());
  auto dot = rest.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 32)
    return std::nullopt;
  auto tag = rest.substr(0, dot);
  auto digits = rest.substr(dot + 1);
  if (tag.find_first_not_of("0123456789abcdef") != std::string_view::npos
      || digits.empty() || digits.size() > 18
      || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  int64_t v = 0;
  for (auto c : digits)
    v = v * 10 + (c - '0');
  return marker_ref{tag, v};
}

const char* to_string(verdict v) {
  switch (v) {
  case verdict::delivered:
    return "delivered";
  case verdict::reordered:
    return "reordered";
  case verdict::duplicate:
    return "duplicate";
  case verdict::wrong_chat:
    return "wrong_chat";
  case verdict::mistranslated:
    return "mistranslated";
  case verdict::unknown_marker:
    return "unknown_marker";
  case verdict::foreign_marker:
    return "foreign_marker";
  case verdict::expected_reply:
    return "expected_reply";
  case verdict::queued_notice:
    return "queued_notice";
  case verdict::unexpected_reply:
    return "unexpected_reply";
  }
  return "unexpected_reply";
}

std::string reply_kind(std::string_view text) {
  for (const auto& [id, name] : known)
    for (auto lang : {"en", "es"}) {
      auto lit = longest_literal(domain::wording(id, lang));
      if (lit.size() >= 6 && text.find(lit) != std::string_view::npos)
        return name;
    }
  return "other";
}

void delivery_checker::expect(sent_message m) {
  conversation_key key{m.writer, m.recipient};
  entry e;
  e.order = next_order_[key]++;
  auto marker = m.marker;
  e.msg = std::move(m);
  sent_[marker] = std::move(e);
  ++counts_.sent;
}

void delivery_checker::cancel(int64_t marker) {
  auto i = sent_.find(marker);
  if (i == sent_.end() || i->second.cancelled || i->second.copies > 0)
    return;
  i->second.cancelled = true;
  ++counts_.cancelled;
}

void delivery_checker::allow_replies(int64_t chat, int n) {
  allowance_[chat] += n;
}

verdict delivery_checker::observe(int64_t chat, std::string_view text,
                                  int64_t at_ms) {
  auto marker = is_history_reply(text) ? std::nullopt : find_marker(text);
  if (!marker) {
    auto kind = reply_kind(text);
    if (kind == "queued") {
      ++counts_.queued_notices;
      return verdict::queued_notice;
    }
    auto a = allowance_.find(chat);
    if (a != allowance_.end() && a->second > 0) {
      --a->second;
      ++counts_.expected_replies;
      return verdict::expected_reply;
    }
    ++counts_.unexpected_replies;
    ++kinds_[kind];
    return verdict::unexpected_reply;
  }
  if (marker->tag != tag_) {
    ++counts_.foreign_markers;
    return verdict::foreign_marker;
  }
  auto i = sent_.find(marker->marker);
  if (i == sent_.end() || i->second.cancelled) {
    ++counts_.unknown_marker;
    return verdict::unknown_marker;
  }
  auto& e = i->second;
  if (chat != e.msg.recipient) {
    ++counts_.wrong_chat;
    return verdict::wrong_chat;
  }
  if (++e.copies > 1) {
    ++counts_.duplicated;
    return verdict::duplicate;
  }
  ++counts_.delivered;
  auto t = time_delivery(e.msg.due_ms, e.msg.sent_ms, at_ms);
  samples_.push_back(
      {at_ms, t.latency_ms, e.msg.writer, e.msg.recipient, t.from_send_ms});
  bool text_ok = exact_ ? text == e.msg.expected_text
                        : text.substr(0, e.msg.expected_prefix.size())
                              == e.msg.expected_prefix;
  if (!text_ok)
    ++counts_.mistranslated;
  conversation_key key{e.msg.writer, e.msg.recipient};
  auto [hw, fresh] = high_water_.try_emplace(key, e.order);
  if (!fresh) {
    if (e.order < hw->second) {
      ++counts_.reordered;
      return verdict::reordered;
    }
    hw->second = e.order;
  }
  return text_ok ? verdict::delivered : verdict::mistranslated;
}

std::vector<int64_t> delivery_checker::missing(size_t max) const {
  std::vector<int64_t> out;
  for (const auto& [marker, e] : sent_)
    if (!e.cancelled && e.copies == 0)
      out.push_back(marker);
  std::sort(out.begin(), out.end());
  if (out.size() > max)
    out.resize(max);
  return out;
}

} // namespace bridge::replay
