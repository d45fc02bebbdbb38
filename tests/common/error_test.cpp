// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <caf/sec.hpp>

#include "common/error.hpp"

BOOST_AUTO_TEST_SUITE(common_error)

// Which failures are retried (transient) and which finish their work with
// an outcome (permanent): the table the engine's retry decisions rest on.

using namespace bridge;

namespace {

struct row {
  engine_errc code;
  bool transient;
};

const row table[] = {
    {engine_errc::none, false},
    {engine_errc::deadline_exceeded, true},
    {engine_errc::queue_full, true},
    {engine_errc::shutting_down, true},
    {engine_errc::db_unavailable, true},
    {engine_errc::db_error, false},
    {engine_errc::cache_unavailable, true},
    {engine_errc::http_unreachable, true},
    {engine_errc::http_status, false},
    {engine_errc::rate_limited, true},
    {engine_errc::unauthorized, false},
    {engine_errc::conflict, false},
    {engine_errc::invalid_input, false},
    {engine_errc::not_found, false},
    {engine_errc::translation_failed, false},
    {engine_errc::unsupported_language, false},
    {engine_errc::circuit_open, true},
    {engine_errc::chat_unavailable, false},
};

} // namespace

BOOST_AUTO_TEST_CASE(every_code_has_its_class) {
  for (const auto& r : table) {
    BOOST_TEST(is_transient(r.code) == r.transient, to_string(r.code));
    BOOST_TEST(is_transient(make_error(r.code, "context")) == r.transient,
               to_string(r.code) << " as an error value");
  }
}

BOOST_AUTO_TEST_CASE(the_table_covers_every_code) {
  // A new code must be classified here too: the last one is the bound.
  BOOST_TEST(std::size(table)
             == static_cast<size_t>(engine_errc::chat_unavailable) + 1);
}

BOOST_AUTO_TEST_CASE(caf_errors) {
  BOOST_TEST(!is_transient(caf::error{}));
  BOOST_TEST(is_transient(caf::make_error(caf::sec::request_timeout)));
  BOOST_TEST(is_transient(caf::make_error(caf::sec::request_receiver_down)));
  BOOST_TEST(!is_transient(caf::make_error(caf::sec::unexpected_message)));
  // Another category with a code that would be transient as an engine code.
  BOOST_TEST(!is_transient(caf::error{
      static_cast<uint8_t>(engine_errc::db_unavailable), caf::atom("other")}));
}

BOOST_AUTO_TEST_SUITE_END() // common_error
