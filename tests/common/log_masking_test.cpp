#include <boost/test/unit_test.hpp>

#include <sstream>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "common/log.hpp"
#include "telegram/bot_api.hpp"

BOOST_AUTO_TEST_SUITE(common_log_masking)

using namespace bridge;

namespace {

const std::string token = "1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

struct captured_logger {
  std::ostringstream out;
  std::shared_ptr<spdlog::logger> logger;
  explicit captured_logger(std::shared_ptr<log::secret_masker> masker) {
    auto inner = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    logger = std::make_shared<spdlog::logger>(
      "test", log::make_masking_sink(inner, std::move(masker)));
    logger->set_pattern("%v");
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(registered_secrets_never_reach_the_sink) {
  auto masker = std::make_shared<log::secret_masker>();
  masker->add(token);
  masker->add("s3cret-password");
  captured_logger c{masker};
  c.logger->info("calling {}", telegram::method_url("http://127.0.0.1:1", token, "getUpdates"));
  c.logger->warn("connect postgresql://bridge:s3cret-password@db/bridge failed");
  c.logger->error("token twice {}{}", token, token);
  auto text = c.out.str();
  BOOST_TEST(text.find(token) == std::string::npos, text);
  BOOST_TEST(text.find("AAHdqTcv") == std::string::npos, text);
  BOOST_TEST(text.find("s3cret-password") == std::string::npos, text);
  BOOST_TEST(text.find("http://127.0.0.1:1/bot***/getUpdates") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(unregistered_token_shapes_are_masked_too) {
  auto masker = std::make_shared<log::secret_masker>();
  captured_logger c{masker};
  c.logger->info("url /bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsXX/sendMessage");
  BOOST_TEST(c.out.str().find("ZZHdqTcv") == std::string::npos, c.out.str());
}

BOOST_AUTO_TEST_CASE(ordinary_text_is_left_alone) {
  auto masker = std::make_shared<log::secret_masker>();
  masker->add("ab"); // too short to mask safely: ignored
  captured_logger c{masker};
  c.logger->info("time 12:30, ratio 3:2, about abc");
  BOOST_TEST(c.out.str() == "time 12:30, ratio 3:2, about abc\n");
}

BOOST_AUTO_TEST_SUITE_END() // common_log_masking
