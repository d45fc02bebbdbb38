// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <httplib.h>

#include "common/clock.hpp"

namespace bridge::ops {

/// One client connection between its requests: the socket and what was
/// read past the end of the last request (a pipelined next one), which
/// must survive while the connection waits for its next request.
struct http_connection {
  int fd = -1;
  std::vector<char> pending;
  size_t pending_at = 0;
  /// Requests answered on it so far.
  size_t served = 0;
  /// Steady time (ns) it was accepted: the first request's deadline counts
  /// from here, so a connection that waited its turn is not given more.
  int64_t accepted_ns = 0;

  bool has_pending() const { return pending_at < pending.size(); }
};

/// Why a request's reading stopped short.
enum class stream_fault {
  none,
  /// The request was not whole by its deadline, or the client paused
  /// longer than one read's timeout.
  timeout,
  /// The request (headers, body and framing) grew past its byte budget.
  too_large,
};

/// What one request may take from its client.
struct request_limits {
  /// Steady time (ns) by which the whole request must have been read.
  int64_t deadline_ns = 0;
  /// The longest pause between two reads.
  std::chrono::milliseconds read_timeout{5000};
  /// Bytes of the request, framing included, past which reading stops.
  size_t max_request_bytes = 0;
  /// Time the answer has to be written from its first byte on: a client
  /// that stops reading holds the thread no longer than this.
  std::chrono::milliseconds answer_time{10000};
};

/// The stream cpp-httplib parses one request from. cpp-httplib's own
/// socket stream times out each read alone, so a client trickling a byte
/// at a time holds a thread forever and a chunked body has no size limit;
/// this one fails every read once the request's deadline passed or its
/// byte budget is spent, and remembers why so the server answers 408 or
/// 413 instead of cpp-httplib's 400. Once a fault is set, writes fail
/// too: the answer for it is written by `answer_fault`. Writing the
/// answer has `answer_time` from its first byte, so a client that stops
/// reading is let go too.
class request_stream final : public httplib::Stream {
public:
  request_stream(http_connection& conn, request_limits limits, clock clk);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return conn_.fd; }

  stream_fault fault() const { return fault_; }

  /// Bytes of this request handed to the parser.
  size_t taken() const { return taken_; }

private:
  /// Waits until the socket is readable; false (with the fault set) when
  /// the deadline or the read timeout came first.
  bool wait_readable();
  ssize_t hand_out(char* ptr, size_t size);

  http_connection& conn_;
  request_limits limits_;
  clock clock_;
  stream_fault fault_ = stream_fault::none;
  size_t taken_ = 0;
  /// Steady time (ns) by which the answer must be written; 0 until its
  /// first byte.
  int64_t write_by_ns_ = 0;
};

/// Writes the short answer to a request cut off by `fault` (408 or 413,
/// always closing the connection); best effort, never blocking long.
void answer_fault(int fd, stream_fault fault);

/// Writes a closing answer of `status` with a JSON `{"error":...}` body
/// without blocking: for sockets refused before any request was read.
void answer_and_forget(int fd, int status, const char* reason,
                       const char* description);

} // namespace bridge::ops
