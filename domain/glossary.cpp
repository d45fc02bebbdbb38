// SPDX-License-Identifier: Apache-2.0
#include "domain/glossary.hpp"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <utility>

#include "common/utf8.hpp"
#include "domain/glossary_text.hpp"

namespace bridge::domain::glossary {

namespace detail {

/// The code point at `i` and its length in bytes; a malformed byte is
/// returned as itself (above U+10FFFF, so it folds to nothing else and
/// is no word) with length 1.
std::pair<char32_t, size_t> decode(std::string_view s, size_t i) {
  auto n = utf8::sequence_length(s.substr(i));
  auto b = static_cast<unsigned char>(s[i]);
  if (n == 0)
    return {0x110000u + b, 1};
  if (n == 1)
    return {b, 1};
  char32_t c = b & (0xFFu >> (n + 1));
  for (size_t k = 1; k < n; ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return {c, n};
}

std::string_view trim(std::string_view s) {
  while (!s.empty()
         && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'
             || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty()
         && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'
             || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

} // namespace detail

namespace {

using detail::decode;
using detail::in;
using detail::trim;

void encode(char32_t c, std::string& out) {
  if (c > 0x10FFFF) {
    out += static_cast<char>(c - 0x110000u); // a malformed byte, kept
  } else if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// Blocks where capitals are the even code point and small the next.
char32_t fold_pairs(char32_t c) {
  bool even_upper =
      in(c, 0x0100, 0x012F) || in(c, 0x0132, 0x0137) || in(c, 0x014A, 0x0177)
      || in(c, 0x0182, 0x0185) || in(c, 0x01DE, 0x01EF) || in(c, 0x01F8, 0x021F)
      || in(c, 0x0222, 0x0233) || in(c, 0x0246, 0x024F) || in(c, 0x03D8, 0x03EF)
      || in(c, 0x0460, 0x0481) || in(c, 0x048A, 0x04BF) || in(c, 0x04D0, 0x052F)
      || in(c, 0x1E00, 0x1E95) || in(c, 0x1EA0, 0x1EFF);
  if (even_upper)
    return (c % 2 == 0) ? c + 1 : c;
  bool odd_upper = in(c, 0x0139, 0x0148) || in(c, 0x0179, 0x017E)
                   || in(c, 0x01CD, 0x01DC) || in(c, 0x04C1, 0x04CE);
  if (odd_upper)
    return (c % 2 == 1) ? c + 1 : c;
  return c;
}

/// Folded code points of `text` and the byte offset each starts at (one
/// more offset at the end: the text's size).
struct folded_text {
  std::u32string points;
  std::vector<size_t> offsets;
};

void fold_points_into(std::string_view text, folded_text& out) {
  out.points.clear();
  out.offsets.clear();
  out.points.reserve(text.size());
  out.offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) { // most text: no decoding, no table
      out.points.push_back(b >= 'A' && b <= 'Z' ? b + 32u : b);
      out.offsets.push_back(i++);
      continue;
    }
    auto [c, n] = decode(text, i);
    out.points.push_back(fold(c));
    out.offsets.push_back(i);
    i += n;
  }
  out.offsets.push_back(text.size());
}

folded_text fold_points(std::string_view text) {
  folded_text out;
  fold_points_into(text, out);
  return out;
}

} // namespace

// -- text classes -------------------------------------------------------------

char32_t fold(char32_t c) {
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (in(c, 0x00C0, 0x00DE) && c != 0x00D7)
    return c + 32;
  switch (c) {
  case 0x0130: // İ: the Turkish capital folds to a plain i
    return 'i';
  case 0x0178: // Ÿ
    return 0x00FF;
  case 0x017F: // long s
    return 's';
  case 0x0386:
    return 0x03AC;
  case 0x038C:
    return 0x03CC;
  case 0x038E:
    return 0x03CD;
  case 0x038F:
    return 0x03CE;
  case 0x03C2: // final sigma is a sigma
    return 0x03C3;
  case 0x04C0:
    return 0x04CF;
  case 0x1E9E: // capital sharp s
    return 0x00DF;
  default:
    break;
  }
  if (in(c, 0x0388, 0x038A))
    return c + 37;
  if (in(c, 0x0391, 0x03AB) && c != 0x03A2)
    return c + 32;
  if (in(c, 0x0400, 0x040F))
    return c + 80;
  if (in(c, 0x0410, 0x042F))
    return c + 32;
  return fold_pairs(c);
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto [c, n] = decode(text, i);
    encode(fold(c), out);
    i += n;
  }
  return out;
}

bool is_word(char32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c == 0x00AA || c == 0x00B5 || c == 0x00BA)
    return true;
  if (in(c, 0x00C0, 0x024F))
    return c != 0x00D7 && c != 0x00F7;
  return in(c, 0x0250, 0x02AF)    // IPA
         || in(c, 0x0300, 0x036F) // combining marks stay in their word
         || (in(c, 0x0370, 0x03FF) && c != 0x037E && c != 0x0387)
         || in(c, 0x0400, 0x0482) || in(c, 0x048A, 0x052F) // Cyrillic
         || in(c, 0x0531, 0x0587)                          // Armenian
         || in(c, 0x05D0, 0x05EA)                          // Hebrew
         || in(c, 0x0620, 0x064A) || in(c, 0x064B, 0x065F) // Arabic
         || in(c, 0x0660, 0x0669) || in(c, 0x0671, 0x06D3)
         || in(c, 0x06F0, 0x06F9) || in(c, 0x0900, 0x0963) // Devanagari
         || in(c, 0x0966, 0x096F) || in(c, 0x0E01, 0x0E3A) // Thai
         || in(c, 0x10A0, 0x10FF)                          // Georgian
         || in(c, 0x1E00, 0x1FFF); // Latin and Greek extended
}

// -- terms and matching -------------------------------------------------------

matcher::matcher(std::vector<term> terms) : terms_(std::move(terms)) {
  // Built with a list of children per node, then laid flat.
  std::vector<std::vector<std::pair<char32_t, uint32_t>>> children(1);
  for (size_t i = 0; i < terms_.size(); ++i) {
    auto f = fold_points(trim(terms_[i].text)).points;
    if (f.empty())
      continue;
    if (f.front() < 0x80) {
      if (f.size() == 1)
        ascii_alone_[f.front()] = true;
      else
        ascii_next_[f.front()].set(std::min<char32_t>(f[1], 127));
      // Both cases of an ASCII letter read as the same first byte.
      auto b = f.front();
      ascii_starts_[b] = true;
      if (b >= 'a' && b <= 'z')
        ascii_starts_[b - 32] = true;
    }
    uint32_t at = 0;
    for (auto c : f) {
      auto& next = children[at];
      auto it = std::lower_bound(
          next.begin(), next.end(), c,
          [](const auto& edge, char32_t v) { return edge.first < v; });
      if (it == next.end() || it->first != c) {
        auto fresh = static_cast<uint32_t>(nodes_.size());
        next.insert(it, {c, fresh});
        nodes_.emplace_back();
        children.emplace_back();
        at = fresh;
      } else {
        at = it->second;
      }
    }
    if (nodes_[at].term < 0) {
      nodes_[at].term = static_cast<int64_t>(i);
      nodes_[at].ends_in_word = is_word(f.back());
    }
  }
  for (size_t at = 0; at < nodes_.size(); ++at) {
    nodes_[at].first_edge = static_cast<uint32_t>(edge_points_.size());
    nodes_[at].edges = static_cast<uint32_t>(children[at].size());
    for (auto [c, to] : children[at]) {
      edge_points_.push_back(c);
      edge_nodes_.push_back(to);
    }
  }
}

// Used only by find(), below: inlined into its walk.
inline uint32_t matcher::child(uint32_t at, char32_t c) const {
  const auto& here = nodes_[at];
  const char32_t* first = edge_points_.data() + here.first_edge;
  const char32_t* last = first + here.edges;
  // Most nodes past the first code point or two have a few children: a
  // straight scan beats a search there.
  const char32_t* it = first;
  if (here.edges <= 8) {
    while (it != last && *it < c)
      ++it;
  } else {
    it = std::lower_bound(first, last, c);
  }
  return it != last && *it == c ? edge_nodes_[here.first_edge + (it - first)]
                                : 0;
}

namespace {

bool ascii_word_byte(unsigned char b) {
  return static_cast<unsigned>(b - '0') < 10u
         || static_cast<unsigned>((b | 32) - 'a') < 26u;
}

/// A code point as the matcher reads it: folded, its length in bytes, and
/// whether it is a word code point.
struct read_cp {
  char32_t c;
  uint32_t len;
  bool word;
};

/// Fold and word class of every two-byte sequence (U+0080 to U+07FF:
/// Latin with diacritics, Greek, Cyrillic, Hebrew, Arabic), so the letters
/// of most of the bot's languages are read without the general decoder.
/// Indexed by the lead byte's low five bits and the continuation's low six.
struct two_byte_table {
  std::array<char32_t, 2048> folded{};
  std::bitset<2048> word;

  two_byte_table() {
    for (char32_t c = 0x80; c < 0x800; ++c) {
      folded[c] = fold(c);
      word[c] = is_word(folded[c]);
    }
  }
};

/// Built before main: the scan reads it without a guard.
const two_byte_table two_byte_cps;

const two_byte_table& two_bytes() {
  return two_byte_cps;
}

/// The code point of a well-formed two-byte sequence at `i`, or 0.
char32_t two_byte_at(std::string_view text, size_t i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0xC2 || b > 0xDF || i + 1 >= text.size())
    return 0;
  auto t = static_cast<unsigned char>(text[i + 1]);
  if ((t & 0xC0) != 0x80)
    return 0;
  return (static_cast<char32_t>(b & 0x1F) << 6) | (t & 0x3F);
}

/// folded_at past ASCII: two-byte letters from the table, the rest
/// decoded. Kept out of line so the ASCII case inlines into the scan.
[[gnu::noinline]] read_cp folded_past_ascii(std::string_view text, size_t i) {
  if (auto c = two_byte_at(text, i); c != 0) {
    const auto& t = two_bytes();
    return {t.folded[c], 2, t.word[c]};
  }
  auto [c, n] = decode(text, i);
  auto f = fold(c);
  return {f, static_cast<uint32_t>(n), is_word(f)};
}

/// The code point at byte `i`, read as the matcher reads it.
inline read_cp folded_at(std::string_view text, size_t i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80)
    return {(b >= 'A' && b <= 'Z') ? b + 32u : b, 1, ascii_word_byte(b)};
  return folded_past_ascii(text, i);
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "skip_word reads eight bytes as one little-endian word");

/// The high bit of each byte of `v` that is an ASCII letter or digit.
/// Eight bytes at once: each range test adds a constant that carries
/// into a byte's high bit exactly when the byte is at or past the
/// range's bound, and no byte of seven bits carries into the next.
uint64_t ascii_word_bytes(uint64_t v) {
  constexpr uint64_t ones = 0x0101010101010101ull;
  constexpr uint64_t high = 0x8080808080808080ull;
  const uint64_t seven = v & ~high;
  const uint64_t lower = seven | (0x20 * ones); // 'A'..'Z' onto 'a'..'z'
  const uint64_t letter =
      (lower + (0x80 - 'a') * ones) & ~(lower + (0x7F - 'z') * ones);
  const uint64_t digit =
      (seven + (0x80 - '0') * ones) & ~(seven + (0x7F - '9') * ones);
  return (letter | digit) & ~v & high;
}

/// Past the word code points from `i` that fit the tables (ASCII letters
/// and digits, two-byte letters): the rest of a word, which starts nothing.
/// ASCII is passed eight bytes at a time; the first byte that is not an
/// ASCII word byte ends the word or is read one at a time.
[[gnu::always_inline]] inline size_t skip_word(std::string_view text,
                                               size_t i) {
  constexpr uint64_t high = 0x8080808080808080ull;
  const auto& t = two_bytes();
  const size_t n = text.size();
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t v;
      std::memcpy(&v, text.data() + i, sizeof v);
      const uint64_t stop = ~ascii_word_bytes(v) & high;
      if (stop == 0) {
        i += 8;
        continue;
      }
      const auto at = static_cast<unsigned>(__builtin_ctzll(stop));
      i += at / 8;
      // An ASCII byte that stopped the test is no letter or digit.
      if ((v >> (at & ~7u) & 0x80u) == 0)
        break;
    }
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (!ascii_word_byte(b))
        break;
      ++i;
      continue;
    }
    auto c = two_byte_at(text, i);
    if (c == 0 || !t.word[c])
      break;
    i += 2;
  }
  return i;
}

} // namespace

std::vector<match> matcher::find(std::string_view text) const {
  std::vector<match> out;
  if (nodes_[0].edges == 0 || text.empty())
    return out;
  // One pass over the bytes, folding as it goes: no copy of the text.
  // Where a word (or a character outside words) starts and its first two
  // code points could begin a term, the trie is walked from there; the
  // longest term that does not end inside a word wins.
  const size_t n = text.size();
  bool after_word = false;
  for (size_t i = 0; i < n;) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && !ascii_starts_[b]) {
      // No term starts with this byte: past it, and past the rest of its
      // word (the common case, without reading code points).
      bool word = ascii_word_byte(b);
      if (after_word && word) {
        ++i;
        continue;
      }
      after_word = word;
      i = word ? skip_word(text, i + 1) : i + 1;
      continue;
    }
    auto r = folded_at(text, i);
    bool may_start = !(after_word && r.word);
    if (may_start && r.c < 0x80 && !ascii_alone_[r.c]) {
      if (ascii_next_[r.c].none() || i + r.len >= n)
        may_start = false;
      else
        may_start = ascii_next_[r.c].test(
            std::min<char32_t>(folded_at(text, i + r.len).c, 127));
    }
    size_t best_end = 0;
    const node* best = nullptr;
    if (may_start) {
      uint32_t at = 0;
      size_t j = i;
      auto next = r;
      while ((at = child(at, next.c)) != 0) {
        j += next.len;
        bool more = j < n;
        if (more)
          next = folded_at(text, j);
        const auto& here = nodes_[at];
        if (here.term >= 0 && !(more && here.ends_in_word && next.word)) {
          best_end = j;
          best = &here;
        }
        if (!more)
          break;
      }
    }
    if (best != nullptr) {
      // Room at the first find for a term every 64 bytes: a long text
      // dense with terms grows the list once or twice, not seven times.
      if (out.empty())
        out.reserve(std::max<size_t>(8, n / 64));
      out.push_back({i, best_end, static_cast<size_t>(best->term)});
      after_word = best->ends_in_word;
      i = best_end;
      continue;
    }
    after_word = r.word;
    i += r.len;
    // The rest of a word starts nothing: skip its letters and digits in a
    // tight loop (most of any text).
    if (r.word)
      i = skip_word(text, i);
  }
  return out;
}

} // namespace bridge::domain::glossary
