// SPDX-License-Identifier: Apache-2.0
#include "ops/routes.hpp"

#include <httplib.h>

#include "ops/http_server.hpp"
#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

void add_health_routes(http_server& server) {
  auto& r = server.routes();
  r.Get("/metrics", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(telemetry::render_metrics(), "text/plain; version=0.0.4");
  });
  r.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"alive":true})", "application/json");
  });
  r.Get("/readyz", [](const httplib::Request&, httplib::Response& res) {
    auto& h = telemetry::engine_health();
    res.status = h.ready() ? 200 : 503;
    res.set_content(h.render(), "application/json");
  });
}

} // namespace bridge::ops
