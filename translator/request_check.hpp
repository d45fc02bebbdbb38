// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "config/defaults.hpp"
#include "messages/translator.hpp"

namespace bridge::translation {

/// Bounds a request must keep.
struct request_limits {
  /// Telegram's message limit, in UTF-16 code units.
  size_t max_text_units = 4096;
  /// Context lines kept (the most recent ones).
  size_t max_context_lines = 50;
  /// Each context line is clipped to this many UTF-16 code units.
  size_t max_context_units = 4096;
  /// Glossary terms a call carries (a team has at most 200), and the
  /// length of each side of one.
  size_t max_terms = 256;
  size_t max_term_units = 256;
  /// Characters per token, for the token estimate.
  double chars_per_token = defaults::translator::chars_per_token;
  /// Longest deadline a request may ask for; longer ones are cut to it.
  int64_t max_deadline_ms = 3'600'000;
};

/// What to do with a request.
struct checked_request {
  enum class verdict {
    /// Send `call` to the backend; it costs `tokens`.
    translate,
    /// Answer `text` without a backend call: source and target are the
    /// same language, or the text has nothing to translate (emoji, digits,
    /// punctuation only).
    pass_through,
    /// Refuse with `code` and `reason`.
    reject,
  };
  verdict what = verdict::reject;
  backend_call call;
  double tokens = 0;
  /// The request's deadline within bounds; 0 means the configured default.
  int64_t deadline_ms = 0;
  std::string text;
  engine_errc code = engine_errc::none;
  std::string reason;
};

/// Checks and normalises a request: text present, valid UTF-8, no NUL,
/// within `max_text_units`; language codes well formed and the pair among
/// `supported`; context trimmed to its bounds. Pure.
checked_request check_request(const translate_request& req,
                              const request_limits& limits,
                              const std::set<language_pair>& supported);

/// True when `text` holds at least one letter of some script; false for
/// text made only of emoji, symbols, digits, punctuation and spaces.
bool has_words(std::string_view text);

/// Prompt characters on top of the text and context that the estimate
/// reserves: the longest Claude system prompt and the context block's
/// heading (a test keeps this in step with claude_prompt.cpp).
constexpr size_t prompt_overhead_chars = 700;

/// Estimated input tokens of a call: everything the backend is sent
/// (text, context with its labels, prompt), divided by `chars_per_token`.
double estimate_tokens(const backend_call& call, double chars_per_token);

} // namespace bridge::translation
