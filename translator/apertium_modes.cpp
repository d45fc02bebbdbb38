// SPDX-License-Identifier: Apache-2.0
#include "translator/apertium_modes.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "translator/languages.hpp"

namespace bridge::translation::apertium {

namespace fs = std::filesystem;

namespace {

bool code_like(std::string_view s) {
  return s.size() >= 2 && s.size() <= 3
         && std::all_of(s.begin(), s.end(),
                        [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

std::vector<mode> discover(const std::string& dir) {
  std::vector<mode> out;
  std::error_code ec;
  fs::directory_iterator it{dir, ec};
  if (ec)
    return out;
  for (; it != fs::directory_iterator{}; it.increment(ec)) {
    if (ec)
      break;
    auto& path = it->path();
    if (path.extension() != ".mode")
      continue;
    auto name = path.stem().string();
    auto dash = name.find('-');
    if (dash == std::string::npos)
      continue;
    auto src = name.substr(0, dash);
    auto dst = name.substr(dash + 1);
    if (!code_like(src) || !code_like(dst))
      continue;
    out.push_back(mode{name,
                       {languages::to_iso1(src), languages::to_iso1(dst)},
                       path.string()});
  }
  std::sort(out.begin(), out.end(), [](const mode& a, const mode& b) {
    return a.pair < b.pair || (a.pair == b.pair && a.name < b.name);
  });
  // "nob-nno" and "nb-nn" would both claim one pair: keep the first.
  out.erase(std::unique(
                out.begin(), out.end(),
                [](const mode& a, const mode& b) { return a.pair == b.pair; }),
            out.end());
  return out;
}

std::optional<std::vector<stage>> parse_pipeline(std::string_view text,
                                                 std::string& error) {
  std::vector<stage> stages;
  stage current;
  std::string word;
  bool in_word = false;
  auto end_word = [&] {
    if (!in_word)
      return;
    in_word = false;
    if (word == "$2") {
      // tagger options: none
    } else if (word == "$1") {
      current.push_back("-n");
    } else {
      current.push_back(word);
      if (current.size() == 1)
        current.push_back("-z");
    }
    word.clear();
  };
  auto end_stage = [&]() -> bool {
    end_word();
    if (current.empty())
      return false;
    stages.push_back(std::move(current));
    current.clear();
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      auto close = text.find(c, i + 1);
      if (close == std::string_view::npos) {
        error = "unterminated quote";
        return std::nullopt;
      }
      word.append(text.substr(i + 1, close - i - 1));
      in_word = true;
      i = close;
    } else if (c == '|') {
      if (!end_stage()) {
        error = "empty stage";
        return std::nullopt;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      end_word();
    } else if (c == ';' || c == '&' || c == '>' || c == '<' || c == '`'
               || c == '(' || c == ')') {
      error = std::string{"unsupported shell syntax '"} + c + "'";
      return std::nullopt;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (!end_stage()) {
    error = stages.empty() ? "no stages" : "empty stage";
    return std::nullopt;
  }
  return stages;
}

} // namespace bridge::translation::apertium
