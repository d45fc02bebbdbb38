// SPDX-License-Identifier: Apache-2.0
#include "common/http_multi.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/curl_call.hpp"
#include "common/thread_name.hpp"

namespace bridge {

/// One call from `post` to `done`; owns what libcurl points into.
struct http_multi::call {
  std::string url;
  std::string body;
  curl_slist* headers = nullptr;
  std::chrono::milliseconds timeout{0};
  done_fn done;
  http_response resp;
  detail::curl_transfer transfer;

  ~call() { curl_slist_free_all(headers); }
};

struct http_multi::handles {
  CURLM* multi = nullptr;
  /// Easy handles between calls (a handle keeps no connection of its own
  /// here: the multi handle's cache has them).
  std::vector<CURL*> idle;
  /// Calls libcurl has, by easy handle.
  std::unordered_map<CURL*, std::unique_ptr<call>> running;
};

http_multi::http_multi(size_t max_connections, size_t max_body)
    : h_(std::make_unique<handles>()), max_body_(max_body) {
  detail::curl_global_init_once();
  h_->multi = curl_multi_init();
  auto conns = static_cast<long>(std::max<size_t>(1, max_connections));
  curl_multi_setopt(h_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, conns);
  curl_multi_setopt(h_->multi, CURLMOPT_MAXCONNECTS, conns);
  thread_ = std::thread{[this] { run(); }};
}

http_multi::~http_multi() {
  {
    std::lock_guard<std::mutex> guard{mu_};
    stopping_ = true;
  }
  curl_multi_wakeup(h_->multi);
  thread_.join();
  for (auto* e : h_->idle)
    curl_easy_cleanup(e);
  curl_multi_cleanup(h_->multi);
}

void http_multi::post(std::string url, std::string body,
                      std::vector<std::string> headers,
                      std::chrono::milliseconds timeout, done_fn done) {
  auto c = std::make_unique<call>();
  c->url = std::move(url);
  c->body = std::move(body);
  for (auto& line : headers)
    c->headers = curl_slist_append(c->headers, line.c_str());
  c->timeout = timeout;
  c->done = std::move(done);
  {
    std::lock_guard<std::mutex> guard{mu_};
    if (!stopping_) {
      incoming_.push_back(std::move(c));
      ++in_flight_;
    }
  }
  if (c) {
    // Stopped: answered here, at once, never by the thread.
    c->resp.error = "HTTP client stopped";
    c->done(std::move(c->resp));
    return;
  }
  curl_multi_wakeup(h_->multi);
}

size_t http_multi::in_flight() const {
  std::lock_guard<std::mutex> guard{mu_};
  return in_flight_;
}

void http_multi::start(std::unique_ptr<call> c) {
  CURL* e = nullptr;
  if (!h_->idle.empty()) {
    e = h_->idle.back();
    h_->idle.pop_back();
  } else {
    e = curl_easy_init();
  }
  if (e == nullptr) {
    c->resp.error = "curl_easy_init failed";
    answer(std::move(c));
    return;
  }
  c->transfer = detail::curl_transfer{&c->resp, max_body_};
  detail::set_call_options(e, c->url, &c->body, c->headers, c->timeout,
                           c->transfer, nullptr);
  curl_multi_add_handle(h_->multi, e);
  h_->running.emplace(e, std::move(c));
}

void http_multi::finish(void* easy, int result) {
  auto it = h_->running.find(static_cast<CURL*>(easy));
  if (it == h_->running.end())
    return;
  auto* e = it->first;
  auto c = std::move(it->second);
  h_->running.erase(it);
  curl_multi_remove_handle(h_->multi, e);
  detail::finish_response(e, static_cast<CURLcode>(result), c->transfer);
  h_->idle.push_back(e);
  answer(std::move(c));
}

void http_multi::answer(std::unique_ptr<call> c) {
  {
    std::lock_guard<std::mutex> guard{mu_};
    --in_flight_;
  }
  c->done(std::move(c->resp));
}

void http_multi::run() {
  name_this_thread("bridge.http");
  std::vector<std::unique_ptr<call>> taken;
  for (;;) {
    bool stop = false;
    {
      std::lock_guard<std::mutex> guard{mu_};
      taken.swap(incoming_);
      stop = stopping_;
    }
    for (auto& c : taken)
      start(std::move(c));
    taken.clear();
    if (stop)
      break;
    int still_running = 0;
    curl_multi_perform(h_->multi, &still_running);
    int left = 0;
    while (auto* msg = curl_multi_info_read(h_->multi, &left))
      if (msg->msg == CURLMSG_DONE)
        finish(msg->easy_handle, msg->data.result);
    // Wakes on any socket, on `post` (curl_multi_wakeup), or at libcurl's
    // next timeout, 1 s at the latest.
    curl_multi_poll(h_->multi, nullptr, 0, 1000, nullptr);
  }
  // Stopping: every call not finished is answered, none is left hanging.
  auto running = std::move(h_->running);
  for (auto& [easy, c] : running) {
    curl_multi_remove_handle(h_->multi, easy);
    h_->idle.push_back(easy);
    c->resp = http_response{};
    c->resp.error = "HTTP client stopped";
    answer(std::move(c));
  }
}

} // namespace bridge
