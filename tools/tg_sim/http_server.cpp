// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/http_server.hpp"

#include <cerrno>
#include <cstring>
#include <functional>
#include <limits>
#include <thread>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include <httplib.h>
#include <sys/socket.h>

#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/growing_pool.hpp"
#include "tools/tg_sim/sim_server.hpp"
#include "tools/tg_sim/webhook_pusher.hpp"

namespace bridge::tg_sim {

namespace {

using httplib::ContentReader;
using httplib::Request;
using httplib::Response;

/// A route's work: the request and its body in, an answer out.
using route_fn = std::function<http_answer(const Request&, std::string)>;

/// Writes `a` into `res`; its delay is the caller's business.
void send(Response& res, http_answer a) {
  res.status = a.status;
  res.body = std::move(a.body);
  res.set_header("Content-Type", a.content_type);
}

/// How reading a request body went.
enum class body_status { ok, too_large, unreadable };

/// Reads the body, keeping at most `cap` bytes. Past the cap it still
/// reads (and drops) the rest, so the kept-alive connection stays in step.
/// Multipart bodies are read and dropped: the simulator does not take
/// them, but the connection must stay usable.
body_status read_body(const Request& req, const ContentReader& reader,
                      size_t cap, std::string& body) {
  // Without a length or chunking an HTTP/1.1 request has no body; asking
  // cpp-httplib to read one would wait for its read timeout.
  if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
    return body_status::ok;
  if (req.is_multipart_form_data()) {
    auto read = reader([](const httplib::MultipartFormData&) { return true; },
                       [](const char*, size_t) { return true; });
    return read ? body_status::ok : body_status::unreadable;
  }
  bool fits = true;
  bool read = reader([&](const char* data, size_t n) {
    if (fits && body.size() + n <= cap) {
      body.append(data, n);
    } else {
      fits = false;
      body.clear();
    }
    return true;
  });
  if (!fits)
    return body_status::too_large;
  return read ? body_status::ok : body_status::unreadable;
}

method_args query_args(const Request& req) {
  method_args args;
  for (auto& [name, value] : req.params)
    args.add_text(name, value);
  return args;
}

bool is_bot_path(const std::string& path) {
  return path.rfind("/bot", 0) == 0;
}

/// The reason phrases of the errors cpp-httplib raises by itself.
const char* reason(int status) {
  switch (status) {
  case 400:
    return "Bad Request";
  case 404:
    return "Not Found";
  case 405:
    return "Method Not Allowed";
  case 413:
    return "Request Entity Too Large";
  case 414:
    return "URI Too Long";
  case 416:
    return "Range Not Satisfiable";
  default:
    return status >= 500 ? "Internal Server Error" : "Bad Request";
  }
}

} // namespace

struct http_server::impl {
  impl(sim_state& s, server_settings st)
      : state(s), settings(std::move(st)), bot(s, settings.max_poll),
        control(s, settings.max_wait), pusher(s, settings.webhook_timeout) {}

  /// Sends `a` after its delay, or closes the connection when `a` says
  /// drop. The delay (an armed latency or hold, up to minutes) ends early
  /// when the server stops.
  void reply(const Request& req, Response& res, http_answer a) {
    if (a.delay.count() > 0) {
      std::unique_lock<std::mutex> guard{stop_mu};
      stop_cv.wait_for(guard, a.delay, [this] { return stopping; });
    }
    if (a.drop) {
      svr.drop(req.remote_port);
      res.set_header("Connection", "close");
    }
    send(res, std::move(a));
  }

  /// Registers `fn` for POSTs with a body (read through a capped reader)
  /// and without one (cpp-httplib routes those separately). `too_large`
  /// and `unreadable` are the answers when the body cannot be taken.
  void post(const std::string& pattern, size_t cap, http_answer too_large,
            http_answer unreadable, route_fn fn) {
    svr.Post(pattern, [this, cap, too_large, unreadable,
                       fn](const Request& req, Response& res,
                           const ContentReader& reader) {
      std::string body;
      switch (read_body(req, reader, cap, body)) {
      case body_status::ok:
        return reply(req, res, fn(req, std::move(body)));
      case body_status::too_large:
        return send(res, too_large);
      case body_status::unreadable:
        return send(res, unreadable);
      }
    });
    svr.Post(pattern, [this, fn](const Request& req, Response& res) {
      reply(req, res, fn(req, req.body));
    });
  }

  void get(const std::string& pattern, route_fn fn) {
    svr.Get(pattern, [this, fn](const Request& req, Response& res) {
      reply(req, res, fn(req, std::string{}));
    });
  }

  http_answer bot_call(const Request& req, std::string_view body) {
    std::string_view token{req.path.data() + req.matches.position(1),
                           static_cast<size_t>(req.matches.length(1))};
    if (token != state.options().token)
      return bot.unauthorized();
    auto args = query_args(req);
    if (auto r = parse_body(req.get_header_value("Content-Type"), body, args))
      return error_answer(r);
    return bot.call(req.matches[2].str(), args);
  }

  void routes() {
    const std::string bot_path = R"(/bot([^/]*)/([^/]*))";
    auto api_too_large = error_answer({413, "Request Entity Too Large", 0});
    auto api_unreadable = error_answer(
        refusal::bad_request("the request body could not be read"));
    auto bot_route = [this](const Request& req, std::string body) {
      return bot_call(req, body);
    };
    // The Bot API first: it is the hot path and regexes are tried in order.
    post(bot_path, settings.max_api_body, api_too_large, api_unreadable,
         bot_route);
    get(bot_path, bot_route);

    auto body_route = [this](http_answer (control_api::*m)(std::string_view)) {
      return [this, m](const Request&, std::string body) {
        return (control.*m)(body);
      };
    };
    auto control_post = [&](const std::string& path, route_fn fn) {
      post(path, settings.max_control_body,
           control_error(413, "request body too large"),
           control_error(400, "the body could not be read"), std::move(fn));
    };
    control_post("/sim/message", body_route(&control_api::message));
    post("/sim/messages", settings.max_batch_body,
         control_error(413, "request body too large: at most "
                                + std::to_string(settings.max_batch_body)
                                + " bytes per call"),
         control_error(400, "the body could not be read"),
         body_route(&control_api::messages));
    control_post("/sim/edit", body_route(&control_api::edit));
    control_post("/sim/callback", body_route(&control_api::callback));
    control_post("/sim/raw_update", body_route(&control_api::raw_update));
    control_post("/sim/faults", body_route(&control_api::faults));
    control_post("/sim/pay", body_route(&control_api::pay));
    control_post("/sim/decline", body_route(&control_api::decline));
    control_post("/sim/renew", [this](const Request&, std::string body) {
      return control.renew(body, false);
    });
    control_post("/sim/renew_fail", [this](const Request&, std::string body) {
      return control.renew(body, true);
    });
    control_post("/sim/raw", [this](const Request&, std::string body) {
      return control.raw(std::move(body));
    });
    control_post("/sim/reset", [this](const Request&, std::string) {
      return control.reset();
    });
    get("/sim/health",
        [this](const Request&, std::string) { return control.health(); });
    get("/sim/stats",
        [this](const Request&, std::string) { return control.stats(); });
    get("/sim/events", [this](const Request& req, std::string) {
      return control.events(query_args(req));
    });
    get(R"(/sim/chats/([^/]+)/events)",
        [this](const Request& req, std::string) {
          return control.chat_events(req.matches[1].str(), query_args(req));
        });

    // Unrouted paths and errors cpp-httplib raises itself get a JSON body
    // in the shape of the API the path belongs to.
    using error_handler = httplib::Server::HandlerWithResponse;
    svr.set_error_handler(error_handler{[](const Request& req, Response& res) {
      if (!res.body.empty())
        return httplib::Server::HandlerResponse::Unhandled;
      auto status = res.status;
      send(res, is_bot_path(req.path)
                    ? error_answer({status, reason(status), 0})
                    : control_error(status, reason(status)));
      return httplib::Server::HandlerResponse::Handled;
    }});
    svr.set_exception_handler(
        [](const Request& req, Response& res, std::exception_ptr) {
          res.status = 500;
          send(res, is_bot_path(req.path)
                        ? error_answer({500, "Internal Server Error", 0})
                        : control_error(500, "internal error"));
        });
  }

  sim_state& state;
  server_settings settings;
  bot_methods bot;
  control_api control;
  webhook_pusher pusher;
  sim_server svr;
  std::thread listener;
  int port = 0;
  int listen_fd = -1;
  std::atomic<bool> listening{false};
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stopping = false;
  bool started = false;
  bool stopped = false;
};

http_server::http_server(sim_state& state, server_settings settings)
    : impl_(std::make_unique<impl>(state, std::move(settings))) {
  impl_->routes();
}

http_server::~http_server() {
  stop();
}

int http_server::start(std::string& error) {
  auto& d = *impl_;
  auto& s = d.settings;
  d.svr.new_task_queue = [&s] {
    return new growing_pool(s.min_threads, s.max_threads);
  };
  d.svr.set_socket_options([&d](socket_t fd) {
    httplib::default_socket_options(fd);
    d.listen_fd = fd;
  });
  d.svr.set_tcp_nodelay(true);
  // What the answers' Keep-Alive header says; the loop itself is
  // sim_server's, which serves a connection until its client closes it or
  // keeps quiet for `keep_alive`.
  d.svr.set_keep_alive_max_count(std::numeric_limits<size_t>::max());
  d.svr.set_keep_alive_timeout(s.keep_alive.count());
  connection_timeouts timeouts;
  timeouts.keep_alive = s.keep_alive;
  d.svr.set_timeouts(timeouts);
  d.svr.set_payload_max_length(std::max(s.max_api_body, s.max_control_body)
                               * 4);
  d.port = s.port == 0 ? d.svr.bind_to_any_port(s.host)
                       : (d.svr.bind_to_port(s.host, s.port) ? s.port : -1);
  if (d.port <= 0) {
    error = "cannot listen on " + s.host + ":" + std::to_string(s.port) + ": "
            + std::strerror(errno);
    d.port = 0;
    return 0;
  }
  // cpp-httplib 0.11 listens with a backlog of 5, so a burst of clients
  // connecting at once would have SYNs dropped and retried a second
  // later. Listening again on the bound socket only deepens the queue.
  if (d.listen_fd >= 0)
    ::listen(d.listen_fd, SOMAXCONN);
  d.listening = true;
  d.listener = std::thread{[&d] {
    d.svr.listen_after_bind();
    d.listening = false;
  }};
  // stop() is a no-op until the server runs; wait so it cannot be missed.
  for (int i = 0; i < 5000 && !d.svr.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds{1});
  d.pusher.start();
  d.started = true;
  return d.port;
}

void http_server::stop() {
  auto& d = *impl_;
  if (!d.started || d.stopped)
    return;
  d.stopped = true;
  {
    std::lock_guard<std::mutex> guard{d.stop_mu};
    d.stopping = true;
  }
  d.stop_cv.notify_all();
  d.state.shutdown();
  d.svr.stop();
  // The listener joins every connection's thread before it returns; keep
  // closing connections until it has, in case one was accepted late.
  while (d.listening) {
    d.svr.shut_down_connections();
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
  d.listener.join();
  d.pusher.join();
}

int http_server::port() const {
  return impl_->port;
}

} // namespace bridge::tg_sim
