// SPDX-License-Identifier: Apache-2.0
#include "messages/glossary_terms.hpp"

#include <numeric>

namespace bridge {

glossary_terms::glossary_terms(table terms)
    : table_(std::make_shared<const table>(std::move(terms))),
      picked_(table_->size()) {
  std::iota(picked_.begin(), picked_.end(), 0u);
}

glossary_terms::table glossary_terms::copied() const {
  table out;
  out.reserve(picked_.size());
  for (const auto& t : *this)
    out.push_back(t);
  return out;
}

} // namespace bridge
