// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace bridge::ops {

class http_server;

/// The dashboard page (ops/dashboard.html, compiled in): plain HTML and
/// script, no build step. It holds no data itself; it reads
/// `/admin/dashboard` and the admin listings with the admin token.
std::string_view dashboard_html();

/// `GET /dashboard`: the page, with headers that keep it from being
/// framed, cached or sniffed.
void add_dashboard_page(http_server& server);

} // namespace bridge::ops
