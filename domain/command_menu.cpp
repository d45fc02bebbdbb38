// SPDX-License-Identifier: Apache-2.0
#include "domain/command_menu.hpp"

#include "domain/texts.hpp"

namespace bridge::domain {

namespace {

struct menu_entry {
  const char* command;
  text_id description;
  bool manager;
  bool worker;
};

/// The menu in the order of /help: a manager's team first, then what
/// both have.
constexpr menu_entry entries[] = {
    {"help", text_id::menu_help, true, true},
    {"workers", text_id::menu_workers, true, false},
    {"switch", text_id::menu_switch, true, false},
    {"task", text_id::menu_task, true, false},
    {"tasks", text_id::menu_tasks, true, true},
    {"daily", text_id::menu_daily, true, false},
    {"history", text_id::menu_history, true, true},
    {"code", text_id::menu_code, true, false},
    {"newcode", text_id::menu_newcode, true, false},
    {"remove", text_id::menu_remove, true, false},
    {"usage", text_id::menu_usage, true, false},
    {"subscribe", text_id::menu_subscribe, true, false},
    {"paysupport", text_id::menu_paysupport, true, false},
    {"language", text_id::menu_language, true, true},
    // menu: glossary and corrections
    {"glossary", text_id::menu_glossary, true, false},
    {"fix", text_id::menu_fix, true, true},
    {"corrections", text_id::menu_corrections, true, false},
    {"original", text_id::menu_original, true, true},
    {"feedback", text_id::menu_feedback, true, true},
    {"reset", text_id::menu_reset, true, true},
};

} // namespace

std::vector<std::pair<std::string, std::string>>
command_menu(menu_role role, const std::string& lang) {
  std::vector<std::pair<std::string, std::string>> out;
  if (role == menu_role::unregistered) {
    // Before registration only these do anything.
    out.emplace_back("start", std::string{wording(text_id::menu_start, lang)});
    out.emplace_back("help", std::string{wording(text_id::menu_help, lang)});
    return out;
  }
  for (const auto& e : entries)
    if (role == menu_role::manager ? e.manager : e.worker)
      out.emplace_back(e.command, std::string{wording(e.description, lang)});
  return out;
}

std::string help_text(menu_role role, const std::string& lang) {
  if (role == menu_role::unregistered)
    return std::string{wording(text_id::help_new, lang)};
  bool manager = role == menu_role::manager;
  std::string out{
      wording(manager ? text_id::help_manager : text_id::help_worker, lang)};
  // Later features add their lines as their own entries, so each table's
  // older wordings stay as they were translated.
  out += '\n';
  out += wording(manager ? text_id::help_corrections_manager
                         : text_id::help_corrections_worker,
                 lang);
  out += "\n/original – ";
  out += wording(text_id::menu_original, lang);
  if (manager) {
    out += '\n';
    out += wording(text_id::help_glossary_suggestions, lang);
  }
  return out;
}

} // namespace bridge::domain
