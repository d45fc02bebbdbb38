// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "domain/texts.hpp"

/// The per-language wording tables behind `wording`; only domain/texts*.cpp
/// include this. Each table lives in its own texts_<code>.cpp.
namespace bridge::domain::texts_detail {

/// One language's wordings, indexed by `text_id`.
using text_table =
    std::array<std::string_view, static_cast<size_t>(text_id::count_)>;

extern const text_table texts_en;
extern const text_table texts_es;
extern const text_table texts_pt;
extern const text_table texts_fr;
extern const text_table texts_it;
extern const text_table texts_ro;
extern const text_table texts_ca;
extern const text_table texts_gl;
extern const text_table texts_ru;
extern const text_table texts_uk;
extern const text_table texts_pl;
extern const text_table texts_de;
extern const text_table texts_ar;
extern const text_table texts_tr;
extern const text_table texts_zh;
extern const text_table texts_hi;
extern const text_table texts_ur;
extern const text_table texts_tl;

} // namespace bridge::domain::texts_detail
