// SPDX-License-Identifier: Apache-2.0
#include "ops/dashboard.hpp"

#include <string>

#include <httplib.h>

#include "ops/http_server.hpp"

namespace bridge::ops {

void add_dashboard_page(http_server& server) {
  server.routes().Get(
      "/dashboard", [](const httplib::Request&, httplib::Response& res) {
        // Inline script and style only; the page talks to this origin alone.
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; script-src 'unsafe-inline'; "
                       "style-src 'unsafe-inline'; connect-src 'self'; "
                       "form-action 'none'; frame-ancestors 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Cache-Control", "no-store");
        auto page = dashboard_html();
        res.set_content(std::string{page}, "text/html; charset=utf-8");
      });
}

} // namespace bridge::ops
