// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "messages/translator.hpp"

/// What the Claude backend asks the Messages API.
namespace bridge::translation::claude {

/// The system prompt for one direction: translate the last message, reply
/// with the translation only, treat earlier messages as context.
std::string system_prompt(const std::string& source_lang,
                          const std::string& target_lang);

/// First line of the terminology block, and what joins a term to its
/// translation on each following line (llm-sim reads both).
constexpr const char* terminology_heading =
    "Binding terminology of this team (term -> required translation):";
constexpr const char* terminology_arrow = " -> ";

/// The team's terms found in the message, one per line. Empty when none.
std::string terminology_block(const glossary_terms& terms);

/// The context block: earlier messages, oldest first, one per line with
/// their writer's role and language. Empty when there is no context.
std::string context_block(const std::vector<context_line>& context);

/// The JSON body of a Messages API request. The message to translate is
/// the last content block, verbatim, so nothing in it can be mistaken for
/// the prompt's own structure.
std::string request_body(const backend_call& call, const std::string& model,
                         int64_t max_tokens);

} // namespace bridge::translation::claude
