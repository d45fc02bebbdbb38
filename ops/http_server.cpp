// SPDX-License-Identifier: Apache-2.0
#include "ops/http_server.hpp"

#include <sys/socket.h>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "common/clock.hpp"
#include "ops/http_gate.hpp"
#include "ops/http_screen.hpp"
#include "ops/http_stream.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

http_options http_options_from(const bridge_config& cfg) {
  http_options o;
  o.address = cfg.http.listen_address;
  o.port = static_cast<int>(cfg.http.port);
  o.threads = static_cast<size_t>(cfg.http.threads);
  o.max_body_bytes = static_cast<size_t>(cfg.http.max_body_bytes);
  o.read_timeout = cfg.http.read_timeout;
  o.request_deadline = cfg.http.request_deadline;
  o.max_connections = static_cast<size_t>(cfg.http.max_connections);
  return o;
}

namespace {

/// Room for the request line and headers on top of the body's limit.
constexpr size_t header_allowance = 64 * 1024;

/// Requests answered on one connection before it is closed, as
/// cpp-httplib's own default.
constexpr size_t keep_alive_max = 5;

/// Set by the pre-routing check (same thread) when the request's body is
/// left unread: the connection cannot carry another request after it.
thread_local bool close_after_answer = false;

/// Runs each accepted socket's job at once on the listener thread: the
/// job only hands the socket to the gate, which owns the threads.
class inline_queue final : public httplib::TaskQueue {
public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

void refused(const char* reason) {
  telemetry::metrics().http_refused(reason).Increment();
}

void answer_json(httplib::Response& res, int status, const char* what) {
  res.status = status;
  res.set_content(std::string{R"({"error":")"} + what + "\"}",
                  "application/json");
}

} // namespace

/// cpp-httplib's server with its socket handling taken over:
/// `process_and_close_socket` is virtual in 0.11, and `process_request`
/// (parse, route, answer one request on any Stream) is protected.
class gated_server final : public httplib::Server {
public:
  gated_server() = default;

  void set_gate(connection_gate* gate) { gate_ = gate; }

  /// cpp-httplib listens with a backlog of 5: a burst of connections
  /// beyond it waits a second or more for the kernel to retry its
  /// handshake. Listening again on the bound socket only sets the backlog.
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

  /// Answers one request on `conn`; true when it may carry another.
  bool serve(http_connection& conn, const http_options& o) {
    auto now = system_steady_ns();
    auto from = conn.served == 0 ? conn.accepted_ns : now;
    request_limits limits;
    limits.deadline_ns =
        from + static_cast<int64_t>(o.request_deadline.count()) * 1'000'000;
    limits.read_timeout = o.read_timeout;
    limits.max_request_bytes = o.max_body_bytes + header_allowance;
    limits.answer_time = o.request_deadline;
    request_stream strm{conn, limits, clock{}};
    close_after_answer = false;
    bool last = conn.served + 1 >= keep_alive_max;
    bool closed = false;
    bool ok = process_request(strm, last, closed, nullptr);
    ++conn.served;
    if (strm.fault() != stream_fault::none) {
      // A connection gets a thread only once bytes arrived, so even a
      // fault before any was taken is a client that was too slow.
      refused(strm.fault() == stream_fault::timeout ? "timeout" : "too_large");
      answer_fault(conn.fd, strm.fault());
      return false;
    }
    return ok && !closed && !last && !close_after_answer;
  }

private:
  bool process_and_close_socket(socket_t sock) override {
    gate_->admit(sock);
    return true;
  }

  connection_gate* gate_ = nullptr;
};

http_server::http_server(http_options opts)
    : opts_(std::move(opts)), server_(std::make_unique<gated_server>()) {
  server_->new_task_queue = [] { return new inline_queue; };
  gate_options g;
  g.threads = opts_.threads;
  g.max_connections = opts_.max_connections;
  g.request_deadline = opts_.request_deadline;
  conns_ = std::make_unique<connection_gate>(
      g, [this](http_connection& c) { return server_->serve(c, opts_); },
      [] { refused("connections"); });
  server_->set_gate(conns_.get());
  server_->set_payload_max_length(opts_.max_body_bytes);
  auto secs =
      std::chrono::duration_cast<std::chrono::seconds>(opts_.read_timeout);
  auto usecs = std::chrono::duration_cast<std::chrono::microseconds>(
      opts_.read_timeout - secs);
  server_->set_read_timeout(secs.count(), usecs.count());
  server_->set_write_timeout(secs.count(), usecs.count());
  server_->set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        return screen(req, res) ? httplib::Server::HandlerResponse::Handled
                                : httplib::Server::HandlerResponse::Unhandled;
      });
  server_->set_exception_handler([](const httplib::Request& req,
                                    httplib::Response& res,
                                    std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    spdlog::error("http: {} {} failed: {}", req.method, req.path, what);
    res.status = 500;
    res.set_content(R"({"error":"internal error"})", "application/json");
  });
}

http_server::~http_server() {
  stop();
}

httplib::Server& http_server::routes() {
  return *server_;
}

void http_server::guard_bodies(std::string prefix, body_gate gate) {
  gates_.emplace_back(std::move(prefix), std::move(gate));
}

bool http_server::screen(const httplib::Request& req, httplib::Response& res) {
  auto s = screen_body(req.method, req.headers, opts_.max_body_bytes);
  close_after_answer = s.body_left_unread;
  if (s.status != 0) {
    close_after_answer = true;
    refused(s.reason);
    answer_json(res, s.status, s.reason);
    return true;
  }
  if (!s.has_body || s.body_left_unread)
    return false;
  for (const auto& [prefix, gate] : gates_) {
    if (req.path.rfind(prefix, 0) != 0)
      continue;
    if (!gate(req, res))
      return false;
    close_after_answer = true;
    refused("gate");
    return true;
  }
  close_after_answer = true;
  refused("no_route");
  answer_json(res, 404, "no route takes a body here");
  return true;
}

bool http_server::start(std::string& err) {
  if (opts_.port == 0) {
    port_ = server_->bind_to_any_port(opts_.address);
  } else if (server_->bind_to_port(opts_.address, opts_.port)) {
    port_ = opts_.port;
  } else {
    port_ = -1;
  }
  if (port_ <= 0) {
    err =
        "cannot listen on " + opts_.address + ":" + std::to_string(opts_.port);
    return false;
  }
  for (const auto* reason :
       {"connections", "timeout", "too_large", "length_required", "bad_framing",
        "no_route", "gate"})
    telemetry::metrics().http_refused(reason);
  server_->widen_backlog();
  conns_->start();
  listener_ = std::thread{[this] { server_->listen_after_bind(); }};
  return true;
}

void http_server::stop() {
  if (listener_.joinable()) {
    server_->stop();
    listener_.join();
  }
  conns_->stop();
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  // Length is not secret-dependent enough to matter, but compare all of
  // the longer one anyway so timing tells nothing about the prefix.
  size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= x ^ y;
  }
  return diff == 0 && !a.empty();
}

} // namespace bridge::ops
