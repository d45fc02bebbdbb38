// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(structure_layering)

// The rooms' floors, as STYLE.md draws them, checked on the sources: a
// room includes only itself and rooms on lower floors (never a sibling on
// its own floor), and the tools only common/ and domain/. The per-room
// libraries make most wrong reaches fail to link; this catches the ones
// that link anyway (a header-only type, an inline function).

namespace fs = std::filesystem;

namespace {

/// Floor of each room, bottom up.
const std::map<std::string, int>& floors() {
  static const std::map<std::string, int> f{
      {"common", 0},     {"telemetry", 1}, {"config", 2}, {"domain", 2},
      {"messages", 2},   {"telegram", 3},  {"cache", 3},  {"storage", 3},
      {"translator", 3}, {"cluster", 4},   {"actors", 5}, {"ops", 6},
      {"app", 7},
  };
  return f;
}

/// Rooms the tools may include besides their own folder.
const std::set<std::string> tool_rooms{"common", "domain", "tools"};

struct include_edge {
  std::string file;
  int line;
  std::string target;
};

/// Every `#include "room/..."` of the files under `dir`.
std::vector<include_edge> includes_under(const fs::path& root,
                                         const std::string& dir) {
  static const std::regex inc{R"re(^\s*#\s*include\s*"([a-z_]+)/[^"]+")re"};
  std::vector<include_edge> out;
  for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
    auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp"))
      continue;
    std::ifstream in{e.path()};
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
      std::smatch m;
      if (std::regex_search(text, m, inc))
        out.push_back({fs::relative(e.path(), root).string(), n, m[1]});
    }
  }
  return out;
}

/// "" when `from` may include `to`, else why not.
std::string verdict(const std::string& from, const std::string& to) {
  if (from == to)
    return "";
  auto f = floors().find(from);
  auto t = floors().find(to);
  if (t == floors().end())
    return "'" + to + "' is not a room of the engine";
  if (t->second < f->second)
    return "";
  return t->second == f->second ? "a room on the same floor"
                                : "a room on a higher floor";
}

fs::path source_root() {
  auto dir = std::getenv("BRIDGE_SOURCE_DIR");
  BOOST_REQUIRE_MESSAGE(dir != nullptr, "BRIDGE_SOURCE_DIR is not set");
  return dir;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_rule_itself) {
  BOOST_TEST(verdict("storage", "common").empty());
  BOOST_TEST(verdict("actors", "storage").empty());
  BOOST_TEST(verdict("app", "ops").empty());
  BOOST_TEST(verdict("storage", "storage").empty());
  BOOST_TEST(verdict("storage", "ops") == "a room on a higher floor");
  BOOST_TEST(verdict("telemetry", "actors") == "a room on a higher floor");
  BOOST_TEST(verdict("storage", "cache") == "a room on the same floor");
  BOOST_TEST(verdict("common", "telemetry") == "a room on a higher floor");
  BOOST_TEST(!verdict("ops", "tools").empty());
}

BOOST_AUTO_TEST_CASE(every_room_includes_only_rooms_below_it) {
  auto root = source_root();
  size_t checked = 0;
  for (const auto& [room, floor] : floors()) {
    for (const auto& e : includes_under(root, room)) {
      ++checked;
      auto why = verdict(room, e.target);
      BOOST_TEST(why.empty(), e.file << ':' << e.line << " includes "
                                     << e.target << "/: " << why);
    }
  }
  // The sources were found and read: the engine has hundreds of includes.
  BOOST_TEST(checked > 300u);
}

BOOST_AUTO_TEST_CASE(tools_use_only_the_bottom_rooms) {
  auto root = source_root();
  size_t checked = 0;
  for (const auto& e : includes_under(root, "tools")) {
    ++checked;
    BOOST_TEST(tool_rooms.count(e.target) == 1u,
               e.file << ':' << e.line << " includes " << e.target
                      << "/; the tools may use common/ and domain/ only");
  }
  BOOST_TEST(checked > 50u);
}

BOOST_AUTO_TEST_SUITE_END() // structure_layering
