// SPDX-License-Identifier: Apache-2.0
#include "cache/cache_actor.hpp"

#include <spdlog/spdlog.h>

#include "cache/codec.hpp"
#include "cache/keys.hpp"
#include "cache/lock_scripts.hpp"
#include "common/error.hpp"
#include "common/thread_name.hpp"
#include "messages/type_ids.hpp"

namespace bridge::cache {

namespace {

struct profile_codec {
  static std::string encode(const user_record& x) { return encode_profile(x); }
  static auto decode(std::string_view s) { return decode_profile(s); }
};

struct subscription_codec {
  static std::string encode(const subscription& x) {
    return encode_subscription(x);
  }
  static auto decode(std::string_view s) { return decode_subscription(s); }
};

} // namespace

cache_actor::behavior_type cache_state::make_behavior(cache_options opts) {
  opts_ = std::move(opts);
  counters_.enabled = opts_.enabled;
  retry_ = std::make_unique<retry_state>(
      backoff_policy{opts_.reconnect_base, opts_.reconnect_max});
  if (opts_.enabled) {
    std::string why;
    if (auto ep = parse_redis_url(opts_.url, why)) {
      endpoint_ = *ep;
      try_connect();
      if (opts_.memo || opts_.forget_glossaries) {
        invalidation_feed::options fo;
        fo.forget_glossaries = opts_.forget_glossaries;
        fo.endpoint = endpoint_;
        fo.timeout = opts_.command_timeout;
        fo.backoff = backoff_policy{opts_.reconnect_base, opts_.reconnect_max};
        fo.ping_every = opts_.feed_ping_every;
        fo.silence_limit = opts_.feed_silence_limit;
        feed_ = std::make_unique<invalidation_feed>(fo, opts_.memo);
      }
    } else {
      spdlog::error("cache: {}; running without Redis", why);
      opts_.enabled = false;
      counters_.enabled = false;
    }
  }
  return {
      [this](user_get& x) -> caf::result<user_record> {
        auto key = keys::profile(x.telegram_id);
        return read_through<user_get, profile_codec>(
            std::move(x), std::move(key), opts_.profile_ttl);
      },
      [this](sub_get& x) -> caf::result<subscription> {
        auto key = keys::subscription(x.user_id);
        return read_through<sub_get, subscription_codec>(
            std::move(x), std::move(key), opts_.subscription_ttl);
      },
      [this](usage_incr& x) { return count_usage(std::move(x)); },
      [this](usage_get& x) { return read_usage(std::move(x)); },
      [this](rate_hit& x) { return hit(x); },
      [this](lock_acquire& x) { return acquire(x); },
      [this](lock_renew& x) { return renew(x); },
      [this](lock_release& x) { return release(x); },
      [this](status_atom) {
        auto s = counters_;
        s.connected = up_;
        s.invalidations_pending = static_cast<int64_t>(pending_deletes_.size());
        if (opts_.memo) {
          auto m = opts_.memo->snapshot();
          s.memo_open = m.open;
          s.memo_hits = m.hits;
          s.memo_misses = m.misses;
          s.memo_size = m.size;
        }
        return s;
      },
      [this](cache_invalidate& x) { invalidate(x); },
      [this](retry_atom) {
        reconnect_scheduled_ = false;
        try_connect();
      },
  };
}

// -- reads through the cache
// ----------------------------------------------------

template <class Op, class Codec>
caf::result<typename Op::result>
cache_state::read_through(Op op, std::string key, std::chrono::seconds ttl) {
  using result = typename Op::result;
  if (!opts_.enabled)
    return self->delegate(opts_.db, std::move(op));
  auto got = call({"GET", key});
  if (!got) {
    ++counters_.fallbacks;
    return self->delegate(opts_.db, std::move(op));
  }
  if (got->type == redis_reply::kind::string) {
    if (auto c = Codec::decode(got->str)) {
      ++counters_.hits;
      if (c->absent)
        return make_error(engine_errc::not_found, "no such row (cached)");
      return std::move(c->value);
    }
    // Written by another build, or damaged: drop it and read through.
    ++counters_.errors;
    call({"DEL", key});
  }
  ++counters_.misses;
  auto rp = self->make_response_promise<result>();
  auto& f = fills_[key];
  f.waiters.push_back(rp);
  if (f.waiters.size() > 1)
    return rp;
  // The invalidated flag covers writes through this instance; the lease
  // covers writes through the others, which delete it with the key.
  f.lease = lease_fill(key);
  self->request(opts_.db, opts_.db_timeout, std::move(op))
      .then(
          [this, key, ttl](result& value) {
            auto it = fills_.find(key);
            if (it == fills_.end())
              return;
            auto done = std::move(it->second);
            fills_.erase(it);
            if (!done.invalidated)
              store_fill(key, done.lease, Codec::encode(value), ttl);
            for (auto& w : done.waiters)
              w.deliver(value);
          },
          [this, key, ttl](caf::error& err) {
            auto it = fills_.find(key);
            if (it == fills_.end())
              return;
            auto done = std::move(it->second);
            fills_.erase(it);
            // "No such row" is an answer worth keeping too: unknown users
            // write to the bot as often as known ones.
            if (!done.invalidated && engine_code(err) == engine_errc::not_found)
              store_fill(key, done.lease, std::string{absent_marker}, ttl);
            for (auto& w : done.waiters)
              w.deliver(err);
          });
  return rp;
}

// -- usage
// ----------------------------------------------------------------------

caf::result<usage_count> cache_state::count_usage(usage_incr x) {
  auto key = keys::usage(x.manager_id, x.day);
  if (opts_.enabled && x.limit >= 0) {
    auto got = call({"GET", key});
    if (!got) {
      ++counters_.fallbacks;
    } else if (got->type == redis_reply::kind::string) {
      // The mirror only ever lags the database, so a mirror at the limit
      // means the database is at it too: refuse without asking it.
      if (auto c = decode_count(got->str); c && *c >= x.limit) {
        ++counters_.hits;
        ++counters_.usage_fast_refusals;
        return usage_count{x.manager_id, x.day, *c, false};
      }
    }
  }
  // PostgreSQL decides every grant, so Redis never grants free use and a
  // retried Redis command never counts twice.
  auto rp = self->make_response_promise<usage_count>();
  self->request(opts_.db, opts_.db_timeout, std::move(x))
      .then(
          [this, rp, key](usage_count& c) mutable {
            if (opts_.enabled)
              set_value(key, std::to_string(c.count), opts_.usage_ttl);
            rp.deliver(c);
          },
          [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
  return rp;
}

caf::result<usage_count> cache_state::read_usage(usage_get x) {
  if (!opts_.enabled)
    return self->delegate(opts_.db, std::move(x));
  auto key = keys::usage(x.manager_id, x.day);
  auto got = call({"GET", key});
  if (!got) {
    ++counters_.fallbacks;
    return self->delegate(opts_.db, std::move(x));
  }
  if (got->type == redis_reply::kind::string)
    if (auto c = decode_count(got->str)) {
      ++counters_.hits;
      return usage_count{x.manager_id, x.day, *c, false};
    }
  ++counters_.misses;
  auto rp = self->make_response_promise<usage_count>();
  self->request(opts_.db, opts_.db_timeout, std::move(x))
      .then(
          [this, rp, key](usage_count& c) mutable {
            set_value(key, std::to_string(c.count), opts_.usage_ttl);
            rp.deliver(c);
          },
          [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
  return rp;
}

// -- the connection
// -------------------------------------------------------------

std::optional<redis_reply> cache_state::call(const redis_command& cmd) {
  auto out = call(std::vector<redis_command>{cmd});
  if (!out)
    return std::nullopt;
  return std::move(out->front());
}

std::optional<std::vector<redis_reply>>
cache_state::call(const std::vector<redis_command>& cmds) {
  if (!up_)
    return std::nullopt;
  auto out = redis_.pipeline(cmds);
  if (!out) {
    went_down();
    return std::nullopt;
  }
  for (auto& r : *out) {
    if (r.is_error()) {
      ++counters_.errors;
      spdlog::debug("cache: Redis answered {}: {}", cmds.front().front(),
                    r.str);
      return std::nullopt;
    }
  }
  return out;
}

void cache_state::set_value(const std::string& key, const std::string& value,
                            std::chrono::seconds ttl) {
  call({"SET", key, value, "EX", std::to_string(ttl.count())});
}

std::string cache_state::lease_fill(const std::string& key) {
  // Longer than the database read may take: a lease that lapses first
  // only costs this fill its store.
  auto ttl = opts_.db_timeout + std::chrono::seconds{1};
  auto token = std::to_string(rng_());
  if (!call({"SET", keys::fill_lease(key), token, "PX",
             std::to_string(ttl.count())}))
    return {};
  return token;
}

void cache_state::store_fill(const std::string& key, const std::string& lease,
                             const std::string& value,
                             std::chrono::seconds ttl) {
  if (lease.empty())
    return;
  call({"EVAL", scripts::fill, "2", key, keys::fill_lease(key), lease, value,
        std::to_string(ttl.count())});
}

void cache_state::went_down() {
  if (!up_)
    return;
  up_ = false;
  ++counters_.errors;
  spdlog::warn(
      "cache: lost Redis ({}); answering from PostgreSQL while reconnecting",
      redis_.last_error());
  redis_.close();
  schedule_reconnect();
}

void cache_state::try_connect() {
  if (redis_.connect(endpoint_, opts_.command_timeout) && restore()) {
    if (ever_up_) {
      ++counters_.reconnects;
      spdlog::info("cache: reconnected to Redis at {}", describe(endpoint_));
    } else {
      spdlog::info("cache: connected to Redis at {}", describe(endpoint_));
    }
    up_ = ever_up_ = true;
    retry_->succeeded();
    return;
  }
  ++counters_.connect_failures;
  if (retry_->failures() == 0)
    spdlog::warn(
        "cache: {} ({}); answering from PostgreSQL, retrying with backoff",
        redis_.last_error(), describe(endpoint_));
  schedule_reconnect();
}

void cache_state::schedule_reconnect() {
  if (reconnect_scheduled_)
    return;
  reconnect_scheduled_ = true;
  self->delayed_send(self, retry_->failed(rng_), retry_atom::value);
}

int64_t cache_state::now_ms() const {
  if (opts_.now_ms)
    return opts_.now_ms();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

cache_actor::behavior_type cache_service(cache_impl self, cache_options opts) {
  name_detached_thread(self, "bridge.redis");
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::cache
