// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/none.hpp>

/// A team's terms as a translation request carries them.
namespace bridge {

/// A team's glossary entry for one translation: the term in the source
/// language and the translation the team fixed for the target language.
struct glossary_term {
  std::string term;
  std::string translation;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_term& x) {
  return f(caf::meta::type_name("glossary_term"), x.term, x.translation);
}

/// The terms a translation must keep: some entries of a table shared by
/// every message of a team and direction (the team's glossary, built
/// once), so a copy between actors copies indices, never the strings.
/// Immutable once made; read like a vector.
class glossary_terms {
public:
  using table = std::vector<glossary_term>;

  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = glossary_term;
    using difference_type = std::ptrdiff_t;
    using pointer = const glossary_term*;
    using reference = const glossary_term&;

    iterator(const glossary_terms* terms, size_t at) : terms_(terms), at_(at) {}
    reference operator*() const { return (*terms_)[at_]; }
    pointer operator->() const { return &(*terms_)[at_]; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator==(const iterator& other) const { return at_ == other.at_; }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

  private:
    const glossary_terms* terms_;
    size_t at_;
  };

  glossary_terms() = default;
  /// A list of its own, every entry picked.
  explicit glossary_terms(table terms);
  glossary_terms(std::initializer_list<glossary_term> terms)
      : glossary_terms(table(terms)) {}
  /// Entries `picked` (indices into `shared`, each below its size).
  glossary_terms(std::shared_ptr<const table> shared,
                 std::vector<uint32_t> picked)
      : table_(std::move(shared)), picked_(std::move(picked)) {}

  size_t size() const { return picked_.size(); }
  bool empty() const { return picked_.empty(); }
  const glossary_term& operator[](size_t i) const {
    return (*table_)[picked_[i]];
  }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, picked_.size()}; }

  /// The entries `keep` accepts, in order, at most `limit`; the table is
  /// shared, not copied.
  template <class Keep> glossary_terms filtered(Keep keep, size_t limit) const {
    std::vector<uint32_t> kept;
    for (auto i : picked_) {
      if (kept.size() >= limit)
        break;
      if (keep((*table_)[i]))
        kept.push_back(i);
    }
    return {table_, std::move(kept)};
  }

  /// The entries as a list of their own.
  table copied() const;

  template <class Inspector>
  friend typename Inspector::result_type inspect(Inspector& f,
                                                 glossary_terms& x) {
    // Written and read as the plain list: the sharing is in-process only.
    auto list = x.copied();
    return f(caf::meta::type_name("glossary_terms"), list,
             caf::meta::load_callback([&]() -> caf::error {
               x = glossary_terms{std::move(list)};
               return caf::none;
             }));
  }

private:
  std::shared_ptr<const table> table_;
  std::vector<uint32_t> picked_;
};

} // namespace bridge
