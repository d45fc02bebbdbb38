// SPDX-License-Identifier: Apache-2.0
// The team's glossary as a chat sees it: a manager lists, adds and
// removes terms; a worker proposes one, which the manager accepts or
// declines with buttons.

#include <algorithm>
#include <map>
#include <set>

#include "actors/session.hpp"
#include "domain/glossary.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;
namespace gl = domain::glossary;

namespace {

using caf::infinite;

/// Workers read for their languages.
constexpr int64_t max_team_read = 1000;

/// Splits "add rest" into the lower-cased first word and the rest.
std::pair<std::string, std::string> verb_of(const std::string& args) {
  auto end = args.find_first_of(" \t\n");
  std::string verb = args.substr(0, end);
  std::transform(verb.begin(), verb.end(), verb.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  std::string rest =
      end == std::string::npos ? std::string{} : args.substr(end + 1);
  return {verb, rest};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (auto& p : parts)
    out += (out.empty() ? "" : ", ") + p;
  return out;
}

} // namespace

void session_state::glossary_command(const std::string& args) {
  auto [verb, rest] = verb_of(args);
  auto usage = is_manager() ? text_id::glossary_usage_manager
                            : text_id::glossary_usage_worker;
  if (verb.empty() && is_manager())
    list_glossary();
  else if (verb == "add")
    add_glossary_term(rest);
  else if (verb == "remove" && is_manager())
    remove_glossary_term(rest);
  else if (verb == "suggestions" && rest.empty() && is_manager())
    glossary_suggestions();
  else if (is_manager())
    reply(say(usage) + "\n" + say(text_id::help_glossary_suggestions));
  else
    reply(say(usage));
}

void session_state::list_glossary() {
  self->request(opts_->db, infinite, glossary_list{chat_id_})
      .await(
          [this](glossary_page& page) {
            if (page.rows.empty()) {
              reply(say(text_id::glossary_empty));
              return;
            }
            // One line per term, its languages after it.
            std::map<std::string, std::vector<std::string>> lines;
            std::map<std::string, std::string> shown;
            for (auto& r : page.rows) {
              shown.emplace(r.term_key, r.term);
              lines[r.term_key].push_back(r.target_lang + ": " + r.translation);
            }
            std::string body;
            for (auto& [key, sides] : lines) {
              std::string line = shown[key] + " → ";
              for (size_t i = 0; i < sides.size(); ++i)
                line += (i ? "; " : "") + sides[i];
              body += line + "\n";
            }
            reply(say(text_id::glossary_list, lines.size(),
                      opts_->glossary_max_terms, body));
          },
          [this](const caf::error& err) { db_failed(err); });
}

bool session_state::glossary_entry_ok(const gl::add_request& req) {
  if (req.error == gl::add_error::none)
    return true;
  reply(say(text_id::glossary_bad_entry, gl::max_term_chars));
  return false;
}

void session_state::add_glossary_term(const std::string& args) {
  auto req = gl::parse_add(args);
  if (!glossary_entry_ok(req))
    return;
  if (!is_manager()) {
    propose_glossary_term(std::move(req));
    return;
  }
  // The translation's language, when not named, is the team's one other.
  self->request(opts_->db, infinite, workers_of{chat_id_, 0, max_team_read, 0})
      .await(
          [this, req](user_page& page) mutable {
            std::set<std::string> team;
            for (auto& w : page.rows)
              if (w.language != me_.language)
                team.insert(w.language);
            for (auto& s : req.sides) {
              if (!s.lang.empty())
                continue;
              if (team.size() != 1) {
                // No worker yet, or several languages: which one is it?
                std::vector<std::string> offer{team.begin(), team.end()};
                if (offer.empty() && opts_->language_map)
                  offer = opts_->language_map->partners(me_.language);
                reply(say(text_id::glossary_which_language, join(offer)));
                return;
              }
              s.lang = *team.begin();
            }
            store_glossary_term(req, me_.language, "active");
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::store_glossary_term(const gl::add_request& req,
                                        const std::string& source,
                                        const std::string& status) {
  glossary_put put;
  put.manager_id = is_manager() ? chat_id_ : me_.manager_id;
  put.max_terms = opts_->glossary_max_terms;
  for (auto& s : req.sides) {
    bool reachable = s.lang != source
                     && (!opts_->language_map
                         || opts_->language_map->pairable(source, s.lang));
    if (!reachable) {
      auto partners = opts_->language_map
                          ? opts_->language_map->partners(source)
                          : std::vector<std::string>{};
      reply(say(text_id::glossary_bad_language, s.lang, join(partners)));
      return;
    }
    // A term the writer's messages could never contain is refused, and
    // so is a translation no partner's message could contain.
    if (!gl::fits_script(req.term, source)) {
      reply(say(text_id::glossary_wrong_script, req.term,
                domain::language_name(source)));
      return;
    }
    if (!gl::fits_script(s.translation, s.lang)) {
      reply(say(text_id::glossary_wrong_script, s.translation,
                domain::language_name(s.lang)));
      return;
    }
    glossary_row r;
    r.source_lang = source;
    r.target_lang = s.lang;
    r.term = req.term;
    r.term_key = gl::key(req.term);
    r.translation = s.translation;
    r.proposer_id = chat_id_;
    r.status = status;
    put.rows.push_back(std::move(r));
  }
  self->request(opts_->db, infinite, put)
      .await(
          [this, status](glossary_page& stored) {
            if (stored.rows.empty()) {
              reply(say(text_id::glossary_full, opts_->glossary_max_terms));
              return;
            }
            if (status == "active") {
              std::vector<std::string> sides;
              for (auto& r : stored.rows)
                sides.push_back(r.target_lang + ": " + r.translation);
              reply(say(text_id::glossary_added, stored.rows.front().term,
                        join(sides)));
              return;
            }
            ask_manager_about(stored.rows.front());
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::propose_glossary_term(gl::add_request req) {
  if (me_.manager_id == 0) {
    reply(say(text_id::no_manager));
    return;
  }
  // A worker proposes one translation: into their own language.
  if (req.sides.size() != 1
      || (!req.sides[0].lang.empty() && req.sides[0].lang != me_.language)) {
    reply(say(text_id::glossary_usage_worker));
    return;
  }
  req.sides[0].lang = me_.language;
  with_partner(me_.manager_id, [this, req](user_record& manager) {
    store_glossary_term(req, manager.language, "proposed");
  });
}

void session_state::ask_manager_about(const glossary_row& r) {
  with_partner(me_.manager_id, [this, r](user_record& manager) {
    ask_glossary_question(manager, r,
                          domain::render(text_id::glossary_proposal,
                                         manager.language, me_.display_name,
                                         r.term, r.translation, r.target_lang));
    reply(say(text_id::glossary_proposed, r.term, r.translation));
  });
}

void session_state::answer_glossary_proposal(int64_t id, bool accept) {
  glossary_answer a;
  a.manager_id = chat_id_;
  a.id = id;
  a.accept = accept;
  a.max_terms = opts_->glossary_max_terms;
  self->request(opts_->db, infinite, a)
      .await(
          [this](glossary_row& r) {
            if (r.status == "full")
              reply(say(text_id::glossary_full, opts_->glossary_max_terms));
            else if (r.status == "active")
              reply(say(text_id::glossary_added, r.term,
                        r.target_lang + ": " + r.translation));
            else
              reply(say(text_id::glossary_declined, r.term, r.translation));
          },
          [this](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found) {
              reply(say(text_id::glossary_answered));
              return;
            }
            db_failed(err);
          });
}

void session_state::remove_glossary_term(const std::string& args) {
  auto k = gl::key(args);
  if (k.empty() || gl::length(k) > gl::max_term_chars) {
    reply(say(text_id::glossary_usage_manager));
    return;
  }
  self->request(opts_->db, infinite, glossary_remove{chat_id_, k})
      .await(
          [this, k](const db_count& n) {
            reply(say(n.n > 0 ? text_id::glossary_removed
                              : text_id::glossary_not_found,
                      k));
          },
          [this](const caf::error& err) { db_failed(err); });
}

} // namespace bridge
