// SPDX-License-Identifier: Apache-2.0
#include "translator/languages.hpp"

#include <algorithm>
#include <cctype>

namespace bridge::translation::languages {

namespace {

struct language {
  const char* iso1;
  const char* iso3;
  /// ISO 639-2/B where it differs from 639-3 ("fre"), else empty.
  const char* iso2b;
  const char* name;
};

/// The languages Bridge knows by name: those Apertium ships pairs for and
/// those a workplace is likely to write in.
constexpr language table[] = {
    {"af", "afr", "", "Afrikaans"},
    {"an", "arg", "", "Aragonese"},
    {"ar", "ara", "", "Arabic"},
    {"az", "aze", "", "Azerbaijani"},
    {"ba", "bak", "", "Bashkir"},
    {"be", "bel", "", "Belarusian"},
    {"bg", "bul", "", "Bulgarian"},
    {"bn", "ben", "", "Bengali"},
    {"br", "bre", "", "Breton"},
    {"bs", "bos", "", "Bosnian"},
    {"ca", "cat", "", "Catalan"},
    {"cs", "ces", "cze", "Czech"},
    {"cy", "cym", "wel", "Welsh"},
    {"da", "dan", "", "Danish"},
    {"de", "deu", "ger", "German"},
    {"el", "ell", "gre", "Greek"},
    {"en", "eng", "", "English"},
    {"eo", "epo", "", "Esperanto"},
    {"es", "spa", "", "Spanish"},
    {"et", "est", "", "Estonian"},
    {"eu", "eus", "baq", "Basque"},
    {"fa", "fas", "per", "Persian"},
    {"fi", "fin", "", "Finnish"},
    {"fo", "fao", "", "Faroese"},
    {"fr", "fra", "fre", "French"},
    {"ga", "gle", "", "Irish"},
    {"gd", "gla", "", "Scottish Gaelic"},
    {"gl", "glg", "", "Galician"},
    {"he", "heb", "", "Hebrew"},
    {"hi", "hin", "", "Hindi"},
    {"hr", "hrv", "", "Croatian"},
    {"hu", "hun", "", "Hungarian"},
    {"hy", "hye", "arm", "Armenian"},
    {"id", "ind", "", "Indonesian"},
    {"is", "isl", "ice", "Icelandic"},
    {"it", "ita", "", "Italian"},
    {"ja", "jpn", "", "Japanese"},
    {"ka", "kat", "geo", "Georgian"},
    {"kk", "kaz", "", "Kazakh"},
    {"ko", "kor", "", "Korean"},
    {"ky", "kir", "", "Kyrgyz"},
    {"lt", "lit", "", "Lithuanian"},
    {"lv", "lav", "", "Latvian"},
    {"mk", "mkd", "mac", "Macedonian"},
    {"ms", "msa", "may", "Malay"},
    {"mt", "mlt", "", "Maltese"},
    {"nb", "nob", "", "Norwegian Bokmal"},
    {"nl", "nld", "dut", "Dutch"},
    {"nn", "nno", "", "Norwegian Nynorsk"},
    {"oc", "oci", "", "Occitan"},
    {"pl", "pol", "", "Polish"},
    {"pt", "por", "", "Portuguese"},
    {"ro", "ron", "rum", "Romanian"},
    {"ru", "rus", "", "Russian"},
    {"sc", "srd", "", "Sardinian"},
    {"se", "sme", "", "Northern Sami"},
    {"sk", "slk", "slo", "Slovak"},
    {"sl", "slv", "", "Slovenian"},
    {"sq", "sqi", "alb", "Albanian"},
    {"sr", "srp", "", "Serbian"},
    {"sv", "swe", "", "Swedish"},
    {"th", "tha", "", "Thai"},
    {"tl", "tgl", "", "Tagalog"},
    {"tr", "tur", "", "Turkish"},
    {"tt", "tat", "", "Tatar"},
    {"uk", "ukr", "", "Ukrainian"},
    {"ur", "urd", "", "Urdu"},
    {"uz", "uzb", "", "Uzbek"},
    {"vi", "vie", "", "Vietnamese"},
    {"zh", "zho", "chi", "Chinese"},
};

/// What Claude is offered: widely written languages it translates well.
constexpr const char* claude_codes[] = {
    "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa",
    "fi", "fr", "he", "hi", "hr", "hu", "id", "it", "ja", "ka", "kk", "ko",
    "lt", "lv", "ms", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr",
    "sv", "th", "tl", "tr", "uk", "ur", "uz", "vi", "zh",
};

} // namespace

std::string normalize(std::string_view code) {
  auto cut = code.find_first_of("-_");
  if (cut != std::string_view::npos)
    code = code.substr(0, cut);
  if (code.size() < 2 || code.size() > 3)
    return {};
  std::string out;
  for (char c : code) {
    if (!std::isalpha(static_cast<unsigned char>(c)))
      return {};
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string to_iso1(std::string_view code) {
  for (auto& l : table)
    if (code == l.iso3 || code == l.iso1 || (*l.iso2b && code == l.iso2b))
      return l.iso1;
  return std::string{code};
}

std::string_view english_name(std::string_view iso1) {
  for (auto& l : table)
    if (iso1 == l.iso1)
      return l.name;
  return {};
}

const std::vector<std::string>& claude_languages() {
  static const std::vector<std::string> codes{std::begin(claude_codes),
                                              std::end(claude_codes)};
  return codes;
}

std::vector<language_pair> all_pairs(const std::vector<std::string>& codes) {
  std::vector<language_pair> out;
  for (auto& a : codes)
    for (auto& b : codes)
      if (a != b)
        out.push_back(language_pair{a, b});
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const std::vector<language_pair>& pairs) {
  std::string out;
  for (auto& p : pairs) {
    if (!out.empty())
      out += ", ";
    out += p.source;
    out += "->";
    out += p.target;
  }
  return out.empty() ? std::string{"none"} : out;
}

} // namespace bridge::translation::languages
