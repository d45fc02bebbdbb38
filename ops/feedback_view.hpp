// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "messages/storage_feedback.hpp"

/// `/admin/feedback`'s decisions, pure: which pieces of a page need the
/// translator, and the page as JSON once the translator answered.
namespace bridge::ops {

/// Most pieces one reading sends to the translator: a page of 1,000
/// untranslated pieces must not crowd out the conversations' requests.
/// The rest are translated by the readings after.
constexpr size_t max_feedback_translations = 20;

/// How a piece reads in the operator's language.
enum class feedback_state : uint8_t {
  /// Written in the operator's language: shown as it is.
  same_language,
  /// The stored translation, or one made for this reading.
  translated,
  /// The translator failed (or the author's language is unknown): the
  /// original is shown, marked, with the reason.
  failed,
  /// Not sent to the translator in this reading (past
  /// `max_feedback_translations`): the original is shown, marked.
  pending,
};

const char* to_string(feedback_state s);

/// One piece of feedback as the operator reads it.
struct feedback_view {
  feedback_record record;
  feedback_state state = feedback_state::pending;
  /// In the operator's language when `translated`; else the original.
  std::string text;
  /// Why not translated (`failed`, `pending`).
  std::string error;
};

/// True when two language codes name the same language: case and a
/// region suffix ("en-GB", "pt_BR") are ignored.
bool same_language(std::string_view a, std::string_view b);

/// The page as the operator will read it, before any translation: pieces
/// in the operator's language or with a stored translation into it are
/// settled; of the rest, at most `max_translations` are listed in `ask`
/// (positions in the result) and stay `pending` until `settle` is called.
std::vector<feedback_view> plan_feedback(const feedback_page& page,
                                         const std::string& operator_lang,
                                         size_t max_translations,
                                         std::vector<size_t>& ask);

/// The translator's answer for one piece that was asked for.
void settle(feedback_view& v, bool ok, const std::string& text_or_reason);

/// `{"operator_language":"en","rows":[{"id":N,"user_id":N,"role":"worker",
///   "language":"es","text":"...","created_at_ms":T,
///   "translation":{"state":"translated","language":"en","text":"...",
///   "error":"..."}}],"next_after":N|null}`; `error` only when not
/// translated; `next_after` as the other listings (null on the last page).
std::string render_feedback(const std::vector<feedback_view>& rows,
                            int64_t limit, const std::string& operator_lang);

} // namespace bridge::ops
