// SPDX-License-Identifier: Apache-2.0
#include "cache/invalidation_feed.hpp"

#include <charconv>
#include <random>

#include <spdlog/spdlog.h>

#include "cache/keys.hpp"
#include "common/thread_name.hpp"

namespace bridge::cache {

namespace {

/// Longest message read; a write changes a handful of profiles.
constexpr size_t max_message = 64 * 1024;

} // namespace

std::string encode_invalidation(const std::vector<int64_t>& profiles,
                                const std::vector<int64_t>& glossaries) {
  std::string out;
  for (auto id : profiles) {
    if (!out.empty())
      out += ' ';
    out += std::to_string(id);
  }
  for (auto id : glossaries) {
    if (!out.empty())
      out += ' ';
    out += 'g' + std::to_string(id);
  }
  return out;
}

std::string encode_invalidate_all() {
  return "*";
}

std::optional<invalidation> decode_invalidation(std::string_view message) {
  if (message.empty() || message.size() > max_message)
    return std::nullopt;
  invalidation out;
  if (message == "*") {
    out.all = true;
    return out;
  }
  size_t at = 0;
  while (at <= message.size()) {
    auto end = message.find(' ', at);
    if (end == std::string_view::npos)
      end = message.size();
    auto word = message.substr(at, end - at);
    bool glossary = !word.empty() && word.front() == 'g';
    if (glossary)
      word.remove_prefix(1);
    int64_t id = 0;
    auto [rest, ec] =
        std::from_chars(word.data(), word.data() + word.size(), id);
    if (word.empty() || ec != std::errc{} || rest != word.data() + word.size())
      return std::nullopt;
    (glossary ? out.glossaries : out.profiles).push_back(id);
    at = end + 1;
  }
  return out;
}

invalidation_feed::invalidation_feed(options opts,
                                     std::shared_ptr<profile_memo> memo)
    : opts_(std::move(opts)), memo_(std::move(memo)) {
  thread_ = std::thread{[this] { run(); }};
}

invalidation_feed::~invalidation_feed() {
  {
    std::lock_guard<std::mutex> guard{mutex_};
    stop_.store(true, std::memory_order_release);
  }
  wake_.notify_all();
  thread_.join();
  if (memo_)
    memo_->close();
}

bool invalidation_feed::pause(std::chrono::milliseconds d) {
  std::unique_lock<std::mutex> lock{mutex_};
  return !wake_.wait_for(
      lock, d, [this] { return stop_.load(std::memory_order_acquire); });
}

void invalidation_feed::run() {
  name_this_thread("bridge.feed");
  retry_state retry{opts_.backoff};
  std::mt19937_64 rng{std::random_device{}()};
  bool first = true;
  while (!stop_.load(std::memory_order_acquire)) {
    redis_client redis;
    auto ok = redis.connect(opts_.endpoint, opts_.timeout);
    std::optional<redis_reply> confirm;
    if (ok)
      confirm =
          redis.run({"SUBSCRIBE", std::string{keys::invalidation_channel}});
    if (ok && confirm && confirm->type == redis_reply::kind::array) {
      retry.succeeded();
      if (!first)
        resubscriptions_.fetch_add(1, std::memory_order_relaxed);
      first = false;
      // Whatever was published while unsubscribed is lost: start empty.
      if (memo_)
        memo_->open();
      forget_all_glossaries();
      subscribed_.store(true, std::memory_order_release);
      spdlog::info(
          "cache: subscribed to invalidations; profiles are kept in memory");
      auto why = serve(redis);
      subscribed_.store(false, std::memory_order_release);
      if (memo_)
        memo_->close();
      if (stop_.load(std::memory_order_acquire))
        break;
      spdlog::warn("cache: invalidation feed lost ({}); profiles are read from "
                   "Redis until it is back",
                   why);
    } else if (retry.failures() == 0) {
      spdlog::warn("cache: cannot subscribe to invalidations ({}); retrying "
                   "with backoff",
                   redis.last_error());
    }
    if (!pause(retry.failed(rng)))
      break;
  }
}

std::string invalidation_feed::serve(redis_client& redis) {
  using clock = std::chrono::steady_clock;
  auto heard = clock::now();
  auto pinged = heard;
  auto step = std::min(opts_.ping_every, std::chrono::milliseconds{200});
  while (!stop_.load(std::memory_order_acquire)) {
    bool quiet = false;
    auto got = redis.receive(step, quiet);
    auto now = clock::now();
    if (!got && !quiet)
      return redis.last_error();
    if (got) {
      heard = now;
      // ["message", channel, payload]; pongs and confirmations carry no news.
      if (got->type == redis_reply::kind::array && got->elements.size() == 3
          && got->elements[0].str == "message")
        apply(got->elements[2].str);
      continue;
    }
    if (now - heard > opts_.silence_limit) {
      redis.close();
      return fmt::format("no answer for {} ms", opts_.silence_limit.count());
    }
    if (now - pinged >= opts_.ping_every) {
      pinged = now;
      if (!redis.send({"PING"}))
        return redis.last_error();
    }
  }
  return "stopping";
}

void invalidation_feed::forget_all_glossaries() {
  if (opts_.forget_glossaries)
    opts_.forget_glossaries({}, true);
}

void invalidation_feed::apply(const std::string& message) {
  auto news = decode_invalidation(message);
  if (!news) {
    spdlog::warn("cache: unreadable invalidation ({} bytes); dropping every "
                 "profile and glossary kept in memory",
                 message.size());
    if (memo_)
      memo_->forget_all();
    forget_all_glossaries();
    return;
  }
  if (news->all) {
    if (memo_)
      memo_->forget_all();
    forget_all_glossaries();
    return;
  }
  if (memo_)
    for (auto id : news->profiles)
      memo_->forget(id);
  if (opts_.forget_glossaries && !news->glossaries.empty())
    opts_.forget_glossaries(news->glossaries, false);
}

} // namespace bridge::cache
