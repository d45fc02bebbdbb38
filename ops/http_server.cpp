// SPDX-License-Identifier: Apache-2.0
#include "ops/http_server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

namespace bridge::ops {

http_options http_options_from(const bridge_config& cfg) {
  http_options o;
  o.address = cfg.http.listen_address;
  o.port = static_cast<int>(cfg.http.port);
  o.threads = static_cast<size_t>(cfg.http.threads);
  o.max_body_bytes = static_cast<size_t>(cfg.http.max_body_bytes);
  o.read_timeout = cfg.http.read_timeout;
  return o;
}

http_server::http_server(http_options opts)
    : opts_(std::move(opts)), server_(std::make_unique<httplib::Server>()) {
  auto threads = opts_.threads;
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  server_->set_payload_max_length(opts_.max_body_bytes);
  auto secs =
      std::chrono::duration_cast<std::chrono::seconds>(opts_.read_timeout);
  auto usecs = std::chrono::duration_cast<std::chrono::microseconds>(
      opts_.read_timeout - secs);
  server_->set_read_timeout(secs.count(), usecs.count());
  server_->set_write_timeout(secs.count(), usecs.count());
  server_->set_keep_alive_timeout(5);
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
  listener_ = std::thread{[this] { server_->listen_after_bind(); }};
  return true;
}

void http_server::stop() {
  if (listener_.joinable()) {
    server_->stop();
    listener_.join();
  }
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
