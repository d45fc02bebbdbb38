// SPDX-License-Identifier: Apache-2.0
#include "config/credentials.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/schema.hpp"

namespace bridge::config {

namespace {

/// A secret is a few hundred bytes; anything past this is not one.
constexpr size_t max_credential_bytes = 64 * 1024;

/// The file's content, or the reason it cannot be read in `err`.
std::optional<std::string> read_small_file(const std::string& path,
                                           std::string& err) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  std::string out;
  char buf[4096];
  for (;;) {
    auto n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      err = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0)
      break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max_credential_bytes) {
      err = "larger than a secret can be";
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return out;
}

} // namespace

std::string credential_name(const char* env_var) {
  std::string out{env_var};
  for (auto& ch : out)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::optional<std::string> apply_credentials(bridge_config& cfg,
                                             const std::string& dir) {
  std::optional<std::string> failure;
  visit_secrets(cfg, [&](const char* var, std::string& field) {
    if (failure)
      return;
    auto path = dir + "/" + credential_name(var);
    struct stat st {};
    // Absent: the environment (or nothing) provides it. Present in any
    // form (a dangling link too) means the operator meant it.
    if (::lstat(path.c_str(), &st) != 0)
      return;
    std::string why;
    auto text = read_small_file(path, why);
    if (!text) {
      failure = "cannot read credential file '" + path + "': " + why;
      return;
    }
    if (!text->empty() && text->back() == '\n')
      text->pop_back();
    if (!text->empty() && text->back() == '\r')
      text->pop_back();
    field = std::move(*text);
  });
  return failure;
}

} // namespace bridge::config
