// SPDX-License-Identifier: Apache-2.0
#include "domain/texts.hpp"

#include <cstdint>

#include "domain/texts_tables.hpp"

namespace bridge::domain {

namespace {

struct bot_language_entry {
  std::string_view code;
  std::string_view name; ///< In the language itself.
  const texts_detail::text_table* texts;
};

/// English first: index 0 is the fallback.
constexpr std::array<bot_language_entry, 18> bot_language_table{{
    {"en", "English", &texts_detail::texts_en},
    {"es", "Español", &texts_detail::texts_es},
    {"pt", "Português", &texts_detail::texts_pt},
    {"fr", "Français", &texts_detail::texts_fr},
    {"it", "Italiano", &texts_detail::texts_it},
    {"ro", "Română", &texts_detail::texts_ro},
    {"ca", "Català", &texts_detail::texts_ca},
    {"gl", "Galego", &texts_detail::texts_gl},
    {"ru", "Русский", &texts_detail::texts_ru},
    {"uk", "Українська", &texts_detail::texts_uk},
    {"pl", "Polski", &texts_detail::texts_pl},
    {"de", "Deutsch", &texts_detail::texts_de},
    {"ar", "العربية", &texts_detail::texts_ar},
    {"tr", "Türkçe", &texts_detail::texts_tr},
    {"zh", "中文", &texts_detail::texts_zh},
    {"hi", "हिन्दी", &texts_detail::texts_hi},
    {"ur", "اردو", &texts_detail::texts_ur},
    {"tl", "Tagalog", &texts_detail::texts_tl},
}};

/// Two lower-case letters as a slot in 0..675, or -1.
constexpr int bot_language_slot(std::string_view code) {
  if (code.size() != 2)
    return -1;
  auto a = code[0], b = code[1];
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z')
    return -1;
  return (a - 'a') * 26 + (b - 'a');
}

/// For every two-letter code, its index in `bot_language_table` plus one
/// (0: not spoken), so a lookup is one array read instead of a search.
constexpr auto bot_language_index_by_slot = [] {
  std::array<uint8_t, 26 * 26> out{};
  for (size_t i = 0; i < bot_language_table.size(); ++i) {
    auto s = bot_language_slot(bot_language_table[i].code);
    out[s] = static_cast<uint8_t>(i + 1);
  }
  return out;
}();

/// Every code is two lower-case letters, and no two are the same.
constexpr bool bot_language_codes_are_distinct() {
  size_t used = 0;
  for (auto index : bot_language_index_by_slot)
    used += index != 0;
  return used == bot_language_table.size();
}
static_assert(bot_language_codes_are_distinct());

/// The table entry for exactly `code`, or nullptr.
const bot_language_entry* find_bot_language(std::string_view code) {
  auto s = bot_language_slot(code);
  if (s < 0 || bot_language_index_by_slot[s] == 0)
    return nullptr;
  return &bot_language_table[bot_language_index_by_slot[s] - 1];
}

} // namespace

std::string_view wording(text_id id, std::string_view lang) {
  auto* entry = find_bot_language(lang);
  const auto& texts = entry ? *entry->texts : texts_detail::texts_en;
  return texts[static_cast<size_t>(id)];
}

std::array<std::string_view, 18> bot_languages() {
  std::array<std::string_view, 18> out;
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = bot_language_table[i].code;
  return out;
}

bool speaks(std::string_view lang) {
  return find_bot_language(lang) != nullptr;
}

std::string_view bot_language(std::string_view code) {
  // The primary subtag: "pt-BR" and "pt_BR" are Portuguese.
  auto primary = code.substr(0, code.find_first_of("-_"));
  if (primary.size() < 2 || primary.size() > 3)
    return "en";
  char buf[3];
  for (size_t i = 0; i < primary.size(); ++i) {
    auto c = primary[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view lower{buf, primary.size()};
  if (lower == "fil")
    lower = "tl"; // Filipino: its written standard is Tagalog's.
  auto* entry = find_bot_language(lower);
  return entry ? entry->code : "en";
}

std::string language_name(std::string_view lang) {
  if (auto* entry = find_bot_language(lang))
    return std::string{entry->name};
  return std::string{lang};
}

} // namespace bridge::domain
