// SPDX-License-Identifier: Apache-2.0
#include "ops/http_gate.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_set>

#include <spdlog/spdlog.h>

namespace bridge::ops {

namespace {

int64_t ms_to_ns(std::chrono::milliseconds ms) {
  return static_cast<int64_t>(ms.count()) * 1'000'000;
}

/// Longest sleep of the poll loop when nothing waits: it is woken for
/// every new connection anyway.
constexpr int64_t idle_poll_ms = 1000;

} // namespace

connection_gate::connection_gate(gate_options opts, serve_fn serve,
                                 refused_fn refused, clock clk)
    : opts_(opts), serve_(std::move(serve)), refused_(std::move(refused)),
      clock_(std::move(clk)) {}

connection_gate::~connection_gate() {
  stop();
}

void connection_gate::start() {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  poller_ = std::thread{[this] { poll_loop(); }};
  for (size_t i = 0; i < std::max<size_t>(opts_.threads, 1); ++i)
    workers_.emplace_back([this] { work_loop(); });
}

void connection_gate::admit(int fd) {
  auto now = clock_.steady_ns();
  std::unique_lock<std::mutex> lock{mtx_};
  if (stopping_ || held_ >= opts_.max_connections) {
    bool refusing = !stopping_;
    if (refusing && burst_refused_++ == 0)
      spdlog::warn("http: {} connections held, the most allowed "
                   "(http.max_connections); refusing new ones",
                   held_);
    lock.unlock();
    if (refusing) {
      refused_();
      answer_and_forget(fd, 503, "Service Unavailable",
                        "too many connections, try again");
    }
    ::close(fd);
    return;
  }
  if (burst_refused_ > 0) {
    spdlog::info("http: taking connections again after refusing {}",
                 burst_refused_);
    burst_refused_ = 0;
  }
  ++held_;
  auto conn = std::make_unique<http_connection>();
  conn->fd = fd;
  conn->accepted_ns = now;
  parked_.push_back({std::move(conn), now + ms_to_ns(opts_.request_deadline)});
  lock.unlock();
  wake_poller();
}

void connection_gate::wake_poller() {
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof(one));
}

void connection_gate::poll_loop() {
  std::vector<pollfd> fds;
  std::vector<int> readable;
  int64_t wait_ms = idle_poll_ms;
  for (;;) {
    fds.clear();
    fds.push_back({wake_fd_, POLLIN, 0});
    {
      std::lock_guard<std::mutex> lock{mtx_};
      if (stopping_)
        return;
      for (const auto& p : parked_)
        fds.push_back({p.conn->fd, POLLIN, 0});
    }
    int rc = ::poll(fds.data(), fds.size(), static_cast<int>(wait_ms));
    if (rc < 0 && errno != EINTR) {
      spdlog::error("http: poll failed: {}", std::strerror(errno));
      return;
    }
    uint64_t drained = 0;
    if (fds[0].revents != 0)
      (void)!::read(wake_fd_, &drained, sizeof(drained));
    readable.clear();
    for (size_t i = 1; i < fds.size(); ++i)
      if (fds[i].revents != 0)
        readable.push_back(fds[i].fd);
    wait_ms = sort_parked(readable);
  }
}

int64_t connection_gate::sort_parked(const std::vector<int>& readable) {
  std::unordered_set<int> ready_fds{readable.begin(), readable.end()};
  std::vector<std::unique_ptr<http_connection>> expired;
  int64_t next_ms = idle_poll_ms;
  {
    std::lock_guard<std::mutex> lock{mtx_};
    auto now = clock_.steady_ns();
    size_t kept = 0;
    for (auto& p : parked_) {
      if (ready_fds.count(p.conn->fd) != 0) {
        ready_.push_back(std::move(p.conn));
        ready_cv_.notify_one();
      } else if (p.until_ns <= now) {
        expired.push_back(std::move(p.conn));
      } else {
        next_ms = std::min(next_ms, (p.until_ns - now) / 1'000'000 + 1);
        parked_[kept++] = std::move(p);
      }
    }
    parked_.resize(kept);
  }
  // A connection that never sent a request is closed without an answer:
  // there is nothing to answer.
  for (auto& c : expired)
    release(std::move(c));
  return next_ms;
}

void connection_gate::work_loop() {
  for (;;) {
    std::unique_ptr<http_connection> conn;
    {
      std::unique_lock<std::mutex> lock{mtx_};
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (stopping_)
        return;
      conn = std::move(ready_.front());
      ready_.pop_front();
      serving_.insert(conn->fd);
    }
    bool keep = serve_(*conn);
    {
      std::lock_guard<std::mutex> lock{mtx_};
      serving_.erase(conn->fd);
    }
    if (!keep) {
      release(std::move(conn));
    } else if (conn->has_pending()) {
      // A pipelined request is already here: no need to wait for bytes.
      std::lock_guard<std::mutex> lock{mtx_};
      ready_.push_back(std::move(conn));
      ready_cv_.notify_one();
    } else {
      park(std::move(conn),
           clock_.steady_ns() + ms_to_ns(opts_.keep_alive_idle));
    }
  }
}

void connection_gate::park(std::unique_ptr<http_connection> conn,
                           int64_t until_ns) {
  {
    std::lock_guard<std::mutex> lock{mtx_};
    parked_.push_back({std::move(conn), until_ns});
  }
  wake_poller();
}

void connection_gate::release(std::unique_ptr<http_connection> conn) {
  {
    std::lock_guard<std::mutex> lock{mtx_};
    --held_;
  }
  ::shutdown(conn->fd, SHUT_RDWR);
  ::close(conn->fd);
}

size_t connection_gate::held() const {
  std::lock_guard<std::mutex> lock{mtx_};
  return held_;
}

void connection_gate::stop() {
  {
    std::lock_guard<std::mutex> lock{mtx_};
    if (stopping_ || wake_fd_ < 0)
      return;
    stopping_ = true;
    // Requests still being read end at their next read; a request
    // already read keeps its answer (a webhook push stored just now is
    // told so, and Telegram does not push it again).
    for (int fd : serving_)
      ::shutdown(fd, SHUT_RD);
  }
  ready_cv_.notify_all();
  wake_poller();
  for (auto& t : workers_)
    t.join();
  workers_.clear();
  if (poller_.joinable())
    poller_.join();
  for (auto& p : parked_)
    ::close(p.conn->fd);
  for (auto& c : ready_)
    ::close(c->fd);
  parked_.clear();
  ready_.clear();
  held_ = 0;
  ::close(wake_fd_);
  wake_fd_ = -1;
}

} // namespace bridge::ops
