// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

/// PostgreSQL connection strings, in either form libpq reads: a URI
/// (`postgresql://user:pw@host:port/db?k=v`) or `key=value` pairs.
namespace bridge::storage {

/// True for `postgresql://` and `postgres://` strings.
bool is_dsn_uri(std::string_view dsn);

/// Adds a connection parameter (`connect_timeout`, `application_name`,
/// ...). `value` is escaped for the form `dsn` is in.
std::string add_dsn_param(std::string_view dsn, std::string_view key,
                          std::string_view value);

/// The same server with another database name.
std::string dsn_with_database(std::string_view dsn, std::string_view dbname);

/// `dsn` fit for a log line: the password (in the URI's user part or a
/// `password=` pair) replaced by `***`.
std::string redact_dsn(std::string_view dsn);

} // namespace bridge::storage
