#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace bridge::domain {

/// Invitation codes look like `BRIDGE-48213`: five digits, so 90,000
/// codes (10000..99999). Uniqueness is the database's job (unique index,
/// retry on collision); this only makes and reads them.
constexpr int64_t min_code = 10000;
constexpr int64_t max_code = 99999;

/// Renders number `n` as a code.
std::string format_code(int64_t n);

/// A uniformly random candidate code.
template <class Rng>
std::string random_code(Rng& rng) {
  std::uniform_int_distribution<int64_t> dist{min_code, max_code};
  return format_code(dist(rng));
}

/// Reads a code typed by a person: surrounding spaces, any letter case,
/// and a missing or different dash ("bridge 48213", "BRIDGE48213") are
/// forgiven. Returns the canonical form, or nullopt when the text is not
/// a code at all.
std::optional<std::string> parse_code(std::string_view text);

} // namespace bridge::domain
