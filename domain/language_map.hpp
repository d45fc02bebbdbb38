// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bridge::domain {

/// Which languages the translator lets people talk across: what sign-up
/// offers, which manager and worker may be paired, and which translations
/// go through a pivot language (for /history). Pure; built once at start
/// from the translator's pairs.
class language_map {
public:
  /// One direction the translator takes, with the languages it passes
  /// through on the way (empty: direct).
  struct direction {
    std::string source;
    std::string target;
    std::vector<std::string> via;
  };

  language_map() = default;

  /// `directions` as the translator reports them; a pair whose way back
  /// is missing is kept for `via` but pairs nobody.
  explicit language_map(const std::vector<direction>& directions);

  /// Every language with a partner, sorted: the sign-up buttons.
  std::vector<std::string> languages() const;

  /// Whether a manager writing `a` and a worker writing `b` can read each
  /// other: the same language, or a translation each way.
  bool pairable(const std::string& a, const std::string& b) const;

  /// `lang` and every language pairable with it, sorted: what a worker
  /// of a manager writing `lang` may choose.
  std::vector<std::string> partners(const std::string& lang) const;

  /// The pivot languages of a translation from `a` to `b`; empty when it
  /// is direct or unknown.
  std::vector<std::string> via(const std::string& a,
                               const std::string& b) const;

private:
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      pairs_;
};

} // namespace bridge::domain
