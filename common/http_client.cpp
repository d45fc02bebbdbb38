// SPDX-License-Identifier: Apache-2.0
#include "common/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

#include "common/curl_call.hpp"

namespace bridge {

namespace detail {

void curl_global_init_once() {
  static std::once_flag flag;
  std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_ALL); });
}

namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<curl_transfer*>(user);
  auto bytes = size * n;
  if (t->resp->body.size() + bytes > t->max_body) {
    if (t->resp->body.size() < kept_head_bytes)
      t->resp->body.append(
          data, std::min(bytes, kept_head_bytes - t->resp->body.size()));
    t->too_large = true;
    return 0; // aborts the transfer
  }
  t->resp->body.append(data, bytes);
  return bytes;
}

size_t on_read(char* out, size_t size, size_t n, void* user) {
  auto* t = static_cast<curl_transfer*>(user);
  auto bytes = std::min(size * n, t->body->size() - t->body_read);
  t->body->copy(out, bytes, t->body_read);
  t->body_read += bytes;
  return bytes;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<curl_transfer*>(user);
  auto bytes = size * n;
  std::string line{data, bytes};
  auto colon = line.find(':');
  if (colon == std::string::npos)
    return bytes; // status line or the blank end of headers
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  auto value_begin = line.find_first_not_of(" \t", colon + 1);
  auto value_end = line.find_last_not_of(" \t\r\n");
  std::string value;
  if (value_begin != std::string::npos && value_end >= value_begin)
    value = line.substr(value_begin, value_end - value_begin + 1);
  t->resp->headers.emplace_back(std::move(name), std::move(value));
  return bytes;
}

} // namespace

void set_call_options(CURL* h, const std::string& url, const std::string* body,
                      curl_slist* headers, std::chrono::milliseconds timeout,
                      curl_transfer& t, const char* method) {
  // Reset per-request options but keep the handle's connection cache.
  curl_easy_reset(h);
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(
      h, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(std::min<int64_t>(timeout.count(), 10000)));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  if (body != nullptr) {
    // The body is read through a callback with no way to rewind: when a
    // kept-alive connection dies after the request left, libcurl would
    // otherwise send it again on a fresh one and report only the second
    // answer, so a POST the peer acted on would be repeated unseen. This
    // way that transfer fails (CURLE_SEND_FAIL_REWIND, request_sent) and
    // the caller decides, counting the repeat.
    t.body = body;
    t.body_read = 0;
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(h, CURLOPT_READDATA, &t);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(body->size()));
  }
  if (method != nullptr)
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
}

void finish_response(CURL* h, CURLcode rc, curl_transfer& t) {
  auto& resp = *t.resp;
  long request_bytes = 0;
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
  resp.request_sent = request_bytes > 0;
  if (rc != CURLE_OK) {
    resp.status = 0;
    resp.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
    resp.error =
        t.too_large ? "response body too large" : curl_easy_strerror(rc);
    resp.too_large = t.too_large;
    if (t.too_large)
      resp.head = resp.body.substr(0, kept_head_bytes);
    resp.body.clear();
    return;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp.status);
}

} // namespace detail

std::string http_response::header(const std::string& name) const {
  for (auto& [k, v] : headers)
    if (k == name)
      return v;
  return {};
}

http_client::http_client() {
  detail::curl_global_init_once();
  handle_ = curl_easy_init();
}

http_client::~http_client() {
  curl_easy_cleanup(static_cast<CURL*>(handle_));
}

http_response http_client::post(const std::string& url, const std::string& body,
                                const std::vector<std::string>& headers,
                                std::chrono::milliseconds timeout) {
  return perform(url, &body, headers, timeout);
}

http_response http_client::get(const std::string& url,
                               const std::vector<std::string>& headers,
                               std::chrono::milliseconds timeout) {
  return perform(url, nullptr, headers, timeout);
}

http_response http_client::request(const std::string& method,
                                   const std::string& url,
                                   const std::string& body,
                                   const std::vector<std::string>& headers,
                                   std::chrono::milliseconds timeout) {
  return perform(url, &body, headers, timeout, method.c_str());
}

http_response http_client::perform(const std::string& url,
                                   const std::string* body,
                                   const std::vector<std::string>& headers,
                                   std::chrono::milliseconds timeout,
                                   const char* method) {
  http_response resp;
  auto* h = static_cast<CURL*>(handle_);
  if (h == nullptr) {
    resp.error = "curl_easy_init failed";
    return resp;
  }
  detail::curl_transfer t{&resp, max_body_};
  curl_slist* list = nullptr;
  for (auto& line : headers)
    list = curl_slist_append(list, line.c_str());
  detail::set_call_options(h, url, body, list, timeout, t, method);
  auto rc = curl_easy_perform(h);
  curl_slist_free_all(list);
  detail::finish_response(h, rc, t);
  return resp;
}

} // namespace bridge
