// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "messages/storage_business.hpp"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace bridge::ops {

struct admin_options;

/// The business figures as the admin API serves them:
/// `{"as_of_ms", "users":{"total","by_role":{...},"by_role_language":[...]},
/// "active_teams":{"days_7","days_30"}, "paying_managers":{"total","stars",
/// "admin"}, "stars_30d":{"taken":{"payments","stars"},"refunded":{...},
/// "net_stars"}, "renewals_30d":{"payments","stars"}, "churned_30d",
/// "uncredited_30d":{"payments","stars"}, "uncredited_unrefunded",
/// "refused_checkouts_30d"}`.
/// A user without a language yet has `"language":""`.
std::string render(const business_figures& f);

/// `GET /admin/business`: the figures as of the engine's clock, read from
/// PostgreSQL on each request (a few hundred milliseconds at a million
/// users: the dashboard asks when opened and when told to, not every 2 s).
/// Runs on an HTTP thread, never on the actor scheduler's.
void serve_business(const httplib::Request& req, httplib::Response& res,
                    const admin_options& o);

} // namespace bridge::ops
