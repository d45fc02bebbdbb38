// SPDX-License-Identifier: Apache-2.0
#include "cache/redis_client.hpp"

#include <cerrno>

#include <hiredis/hiredis.h>
#include <poll.h>
#include <sys/time.h>

namespace bridge::cache {

namespace {

timeval to_timeval(std::chrono::milliseconds d) {
  timeval tv;
  tv.tv_sec = static_cast<time_t>(d.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((d.count() % 1000) * 1000);
  return tv;
}

redis_reply copy(const redisReply* r) {
  redis_reply out;
  switch (r->type) {
  case REDIS_REPLY_INTEGER:
    out.type = redis_reply::kind::integer;
    out.integer = r->integer;
    break;
  case REDIS_REPLY_STRING:
    out.type = redis_reply::kind::string;
    out.str.assign(r->str, r->len);
    break;
  case REDIS_REPLY_STATUS:
    out.type = redis_reply::kind::status;
    out.str.assign(r->str, r->len);
    break;
  case REDIS_REPLY_ERROR:
    out.type = redis_reply::kind::error;
    out.str.assign(r->str, r->len);
    break;
  case REDIS_REPLY_ARRAY:
    out.type = redis_reply::kind::array;
    for (size_t i = 0; i < r->elements; ++i)
      out.elements.push_back(copy(r->element[i]));
    break;
  default:
    out.type = redis_reply::kind::nil;
  }
  return out;
}

/// Appends one command to the context's output buffer.
bool append(redisContext* ctx, const redis_command& cmd) {
  std::vector<const char*> argv;
  std::vector<size_t> lens;
  argv.reserve(cmd.size());
  lens.reserve(cmd.size());
  for (auto& a : cmd) {
    argv.push_back(a.data());
    lens.push_back(a.size());
  }
  return redisAppendCommandArgv(ctx, static_cast<int>(cmd.size()), argv.data(),
                                lens.data())
         == REDIS_OK;
}

} // namespace

redis_client::~redis_client() {
  close();
}

void redis_client::close() {
  if (ctx_ != nullptr) {
    redisFree(ctx_);
    ctx_ = nullptr;
  }
}

bool redis_client::fail(const char* what) {
  last_error_ = what;
  if (ctx_ != nullptr && ctx_->err != 0) {
    last_error_ += ": ";
    last_error_ += ctx_->errstr;
  }
  close();
  return false;
}

bool redis_client::connect(const redis_endpoint& ep,
                           std::chrono::milliseconds timeout) {
  close();
  ctx_ = redisConnectWithTimeout(ep.host.c_str(), ep.port, to_timeval(timeout));
  if (ctx_ == nullptr) {
    last_error_ = "cannot allocate a Redis context";
    return false;
  }
  if (ctx_->err != 0)
    return fail("cannot connect to Redis");
  redisSetTimeout(ctx_, to_timeval(timeout));
  redisEnableKeepAlive(ctx_);
  if (!ep.password.empty()) {
    redis_command auth{"AUTH"};
    if (!ep.username.empty())
      auth.push_back(ep.username);
    auth.push_back(ep.password);
    auto r = run(auth);
    if (!r)
      return false;
    if (r->is_error()) {
      // Redis's own message names neither user nor password.
      last_error_ = "Redis refused the credentials: " + r->str;
      close();
      return false;
    }
  }
  if (ep.db != 0) {
    auto r = run({"SELECT", std::to_string(ep.db)});
    if (!r)
      return false;
    if (r->is_error()) {
      last_error_ = "Redis refused SELECT: " + r->str;
      close();
      return false;
    }
  }
  return true;
}

std::optional<redis_reply> redis_client::run(const redis_command& cmd) {
  auto out = pipeline({cmd});
  if (!out)
    return std::nullopt;
  return std::move(out->front());
}

std::optional<std::vector<redis_reply>>
redis_client::pipeline(const std::vector<redis_command>& cmds) {
  if (ctx_ == nullptr) {
    last_error_ = "not connected to Redis";
    return std::nullopt;
  }
  for (auto& cmd : cmds)
    if (!append(ctx_, cmd)) {
      fail("cannot queue a Redis command");
      return std::nullopt;
    }
  std::vector<redis_reply> out;
  out.reserve(cmds.size());
  for (size_t i = 0; i < cmds.size(); ++i) {
    void* raw = nullptr;
    if (redisGetReply(ctx_, &raw) != REDIS_OK || raw == nullptr) {
      fail("Redis connection failed");
      return std::nullopt;
    }
    auto* reply = static_cast<redisReply*>(raw);
    out.push_back(copy(reply));
    freeReplyObject(reply);
  }
  return out;
}

bool redis_client::send(const redis_command& cmd) {
  if (ctx_ == nullptr) {
    last_error_ = "not connected to Redis";
    return false;
  }
  if (!append(ctx_, cmd))
    return fail("cannot queue a Redis command");
  int done = 0;
  while (done == 0)
    if (redisBufferWrite(ctx_, &done) != REDIS_OK)
      return fail("Redis connection failed");
  return true;
}

std::optional<redis_reply> redis_client::receive(std::chrono::milliseconds wait,
                                                 bool& quiet) {
  quiet = false;
  if (ctx_ == nullptr) {
    last_error_ = "not connected to Redis";
    return std::nullopt;
  }
  void* raw = nullptr;
  if (redisGetReplyFromReader(ctx_, &raw) != REDIS_OK) {
    fail("Redis sent a malformed reply");
    return std::nullopt;
  }
  if (raw == nullptr) {
    // Nothing buffered: wait for the socket rather than block in a read,
    // so the caller can stop or ping between waits.
    pollfd p{ctx_->fd, POLLIN, 0};
    auto n = ::poll(&p, 1, static_cast<int>(wait.count()));
    if (n == 0 || (n < 0 && errno == EINTR)) {
      quiet = true;
      return std::nullopt;
    }
    if (n < 0 || redisBufferRead(ctx_) != REDIS_OK) {
      fail("Redis connection failed");
      return std::nullopt;
    }
    if (redisGetReplyFromReader(ctx_, &raw) != REDIS_OK) {
      fail("Redis sent a malformed reply");
      return std::nullopt;
    }
    if (raw == nullptr) { // part of a reply so far
      quiet = true;
      return std::nullopt;
    }
  }
  auto* reply = static_cast<redisReply*>(raw);
  auto out = copy(reply);
  freeReplyObject(reply);
  return out;
}

} // namespace bridge::cache
