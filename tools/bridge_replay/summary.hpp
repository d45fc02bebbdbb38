// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "tools/bridge_replay/report.hpp"

namespace bridge::replay {

/// The end of a run for a person at a terminal: the verdict, the counts,
/// the rates and every latency figure as one aligned table, then the
/// threshold `failures`. report.json stays the record; this is a glance.
std::string summary_table(const run_report& r,
                          const std::vector<std::string>& failures);

} // namespace bridge::replay
