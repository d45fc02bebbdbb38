// SPDX-License-Identifier: Apache-2.0
#include "telemetry/health.hpp"

#include "common/json_writer.hpp"

namespace bridge::telemetry {

std::string health::render() const {
  json::writer w;
  w.begin_object().field("ready", ready()).key("not_ready").begin_array();
  if (!database)
    w.value("database");
  if (!migrations)
    w.value("migrations");
  if (!intake)
    w.value("intake");
  if (draining)
    w.value("draining");
  w.end_array().key("degraded").begin_array();
  if (!cache)
    w.value("cache");
  w.end_array().end_object();
  return std::move(w).str();
}

health& engine_health() {
  static health h;
  return h;
}

} // namespace bridge::telemetry
