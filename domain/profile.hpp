// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language_map.hpp"

/// A registered user's profile commands, pure: what `/language` asks for
/// and whether it may be granted, and what `/usage` shows.
namespace bridge::domain {

/// What `/language ARG` (or a language button) comes to before anything
/// is looked up or stored.
enum class language_verdict : uint8_t {
  /// No argument: show the current language and the choice.
  show_choice,
  /// Not a language Bridge offers (or not a language at all).
  unknown,
  /// The language the user writes already.
  same,
  /// An offered language other than the current one: check the partners.
  change,
};

struct language_request {
  language_verdict verdict = language_verdict::unknown;
  /// The offered code asked for (`same` and `change`).
  std::string language;
};

/// Reads the argument of `/language`: an offered code in any case, with a
/// region or not ("pt-BR", "PT"), or an offered language's own name
/// ("Español", "english"). `current` is the user's language now,
/// `offered` what the translator can take.
language_request read_language_request(std::string_view args,
                                       const std::string& current,
                                       const std::vector<std::string>& offered);

/// One partner whose language a change must still reach.
struct partner_language {
  std::string name;
  std::string language;
};

/// The first partner `to` cannot be translated to and from (their
/// language stays unreachable from the new one), or nothing when every
/// partner can still read the user. No map: every pair works.
std::optional<partner_language>
unreachable_partner(const std::string& to,
                    const std::vector<partner_language>& partners,
                    const language_map* map);

/// Free messages a manager can still send today: the day's `limit`, less
/// what PostgreSQL `charged`, plus what the session `held` of it unsent;
/// never below 0 nor above the limit.
int64_t free_left(int64_t limit, int64_t charged, int64_t held);

/// `ms` since the epoch as "YYYY-MM-DD HH:MM" in UTC: a date every
/// language reads alike.
std::string utc_minute(int64_t ms);

} // namespace bridge::domain
