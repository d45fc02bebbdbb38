// SPDX-License-Identifier: Apache-2.0
#include "translator/apertium_pipeline.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "translator/apertium_format.hpp"

extern char** environ;

namespace bridge::translation::apertium {

namespace {

/// Time the stages get to exit on their own once their input is closed.
constexpr auto exit_grace = std::chrono::milliseconds{500};

/// Largest answer accepted; far beyond any translation of 4096 characters.
constexpr size_t max_output = 1 << 20;

void close_fd(int& fd) {
  if (fd >= 0)
    ::close(fd);
  fd = -1;
}

/// Writes to a pipe whose reader may be gone without SIGPIPE killing the
/// process: the signal is blocked for this thread and a pending one is
/// consumed.
ssize_t write_quietly(int fd, const char* data, size_t n) {
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  auto rc = ::write(fd, data, n);
  auto saved = errno;
  if (rc < 0 && saved == EPIPE) {
    timespec zero{0, 0};
    sigtimedwait(&pipe_set, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return rc;
}

/// Initializes the spawn attributes every stage shares: no signal blocked
/// and SIGPIPE at its default, whatever the engine's thread had.
void init_stage_attributes(posix_spawnattr_t& attr) {
  posix_spawnattr_init(&attr);
  sigset_t none, pipe_default;
  sigemptyset(&none);
  sigemptyset(&pipe_default);
  sigaddset(&pipe_default, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &pipe_default);
  // Its own process group: a terminal's Ctrl-C reaches the engine, which
  // then stops the pipeline in order.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
                                      | POSIX_SPAWN_SETPGROUP);
}

/// Starts one stage reading `in` and writing `out`, its stderr discarded.
/// Under `stdbuf -o0`: some stages buffer their output and would sit on a
/// null-flushed answer. False, with `error` set, when it cannot start.
bool spawn_stage(const stage& s, int in, int out, const posix_spawnattr_t& attr,
                 pid_t& pid, std::string& error) {
  std::vector<std::string> args{"stdbuf", "-o0"};
  args.insert(args.end(), s.begin(), s.end());
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY,
                                   0);
  auto rc = posix_spawnp(&pid, "stdbuf", &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    error = "could not start " + s.front() + ": " + std::strerror(rc);
    return false;
  }
  return true;
}

} // namespace

pipeline::pipeline(std::vector<stage> stages) : stages_(std::move(stages)) {}

pipeline::~pipeline() {
  stop();
}

bool pipeline::start(std::string& error) {
  auto n = stages_.size();
  if (n == 0) {
    error = "the mode has no stages";
    return false;
  }
  // pipes[i] feeds stage i; pipes[n] is the pipeline's output. Every end
  // is close-on-exec, so a stage keeps only its own stdin and stdout and a
  // second pipeline never holds this one's ends open.
  std::vector<int> rd(n + 1, -1), wr(n + 1, -1);
  auto close_all = [&] {
    for (auto& fd : rd)
      close_fd(fd);
    for (auto& fd : wr)
      close_fd(fd);
  };
  for (size_t i = 0; i <= n; ++i) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      error = std::string{"pipe2: "} + std::strerror(errno);
      close_all();
      return false;
    }
    rd[i] = fds[0];
    wr[i] = fds[1];
  }
  posix_spawnattr_t attr;
  init_stage_attributes(attr);
  bool ok = true;
  for (size_t i = 0; i < n && ok; ++i) {
    pid_t pid = 0;
    ok = spawn_stage(stages_[i], rd[i], wr[i + 1], attr, pid, error);
    if (ok)
      pids_.push_back(pid);
  }
  posix_spawnattr_destroy(&attr);
  to_ = wr[0];
  wr[0] = -1;
  from_ = rd[n];
  rd[n] = -1;
  close_all();
  if (!ok) {
    kill_all();
    return false;
  }
  ::fcntl(to_, F_SETFL, ::fcntl(to_, F_GETFL) | O_NONBLOCK);
  ::fcntl(from_, F_SETFL, ::fcntl(from_, F_GETFL) | O_NONBLOCK);
  ++starts_;
  return true;
}

pipeline::result pipeline::translate(std::string_view text,
                                     std::chrono::milliseconds timeout) {
  result r;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  if (running() && stale_output())
    kill_all(); // out of step with its input: start afresh
  if (!running() && !start(r.error))
    return r;
  auto in = deformat(text);
  in += '\0';
  std::string out;
  if (!exchange(in, out, deadline, r.error, r.timed_out)) {
    kill_all();
    return r;
  }
  r.ok = true;
  r.text = fit_edges(text, reformat(out));
  return r;
}

bool pipeline::exchange(const std::string& in, std::string& out,
                        std::chrono::steady_clock::time_point deadline,
                        std::string& error, bool& timed_out) {
  // Writing and reading at once: a long text must not fill the pipes while
  // nobody drains the far end.
  size_t written = 0;
  char buf[16384];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      error = "Apertium did not answer in time";
      return false;
    }
    pollfd fds[2];
    nfds_t count = 0;
    fds[count++] = pollfd{from_, POLLIN, 0};
    if (written < in.size())
      fds[count++] = pollfd{to_, POLLOUT, 0};
    auto rc = ::poll(fds, count, static_cast<int>(left.count()));
    if (rc < 0) {
      if (errno == EINTR)
        continue;
      error = std::string{"poll: "} + std::strerror(errno);
      return false;
    }
    if (count > 1 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      auto w = write_quietly(to_, in.data() + written, in.size() - written);
      if (w < 0 && errno != EAGAIN && errno != EINTR) {
        error = "Apertium stopped reading its input";
        return false;
      }
      if (w > 0)
        written += static_cast<size_t>(w);
    }
    if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
      auto got = ::read(from_, buf, sizeof buf);
      if (got == 0) {
        error = "Apertium exited";
        return false;
      }
      if (got < 0) {
        if (errno == EAGAIN || errno == EINTR)
          continue;
        error = std::string{"read: "} + std::strerror(errno);
        return false;
      }
      auto* nul = static_cast<const char*>(
          std::memchr(buf, '\0', static_cast<size_t>(got)));
      if (nul != nullptr) {
        out.append(buf, static_cast<size_t>(nul - buf));
        if (nul + 1 != buf + got || written != in.size()) {
          // More than one answer per text: the stream is out of step.
          error = "Apertium answered more than was asked";
          return false;
        }
        return true;
      }
      out.append(buf, static_cast<size_t>(got));
      if (out.size() > max_output) {
        error = "Apertium's answer is too long";
        return false;
      }
    }
  }
}

bool pipeline::stale_output() {
  pollfd fd{from_, POLLIN, 0};
  return ::poll(&fd, 1, 0) > 0;
}

void pipeline::stop() {
  if (!running())
    return;
  // Closing the input lets each stage see end-of-file and exit in turn.
  close_fd(to_);
  close_fd(from_);
  auto until = std::chrono::steady_clock::now() + exit_grace;
  std::vector<pid_t> left;
  for (auto pid : pids_) {
    for (;;) {
      auto rc = ::waitpid(pid, nullptr, WNOHANG);
      if (rc == pid || (rc < 0 && errno != EINTR))
        break;
      if (std::chrono::steady_clock::now() >= until) {
        left.push_back(pid);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{2});
    }
  }
  for (auto pid : left) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  pids_.clear();
}

void pipeline::kill_all() {
  close_fd(to_);
  close_fd(from_);
  for (auto pid : pids_)
    ::kill(pid, SIGKILL);
  for (auto pid : pids_)
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  pids_.clear();
}

} // namespace bridge::translation::apertium
