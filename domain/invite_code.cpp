#include "domain/invite_code.hpp"

#include <cctype>

namespace bridge::domain {

std::string format_code(int64_t n) {
  return "BRIDGE-" + std::to_string(n);
}

std::optional<std::string> parse_code(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  constexpr std::string_view prefix = "BRIDGE";
  if (text.size() < prefix.size())
    return std::nullopt;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) != prefix[i])
      return std::nullopt;
  text.remove_prefix(prefix.size());
  if (!text.empty() && (text.front() == '-' || text.front() == ' '
                        || text.front() == '_'))
    text.remove_prefix(1);
  if (text.size() != 5)
    return std::nullopt;
  int64_t n = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < min_code || n > max_code)
    return std::nullopt;
  return format_code(n);
}

} // namespace bridge::domain
