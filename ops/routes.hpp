// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace bridge::ops {

class http_server;

/// Adds /metrics, /healthz and /readyz.
void add_health_routes(http_server& server);

} // namespace bridge::ops
