// SPDX-License-Identifier: Apache-2.0
// Resident memory of conversation actors: N conversations activated with
// a full translation context (the real actor, answered by a stand-in for
// the database), then all of them passivated. Prints one JSON object:
// bytes per active conversation and what stays per passivated one.
//
//   conversation_memory_bench [--conversations N] [--context-chars C]

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/conversation.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"

using namespace bridge;

namespace {

/// Resident set size of this process, in bytes.
int64_t rss_bytes() {
  std::ifstream f{"/proc/self/statm"};
  int64_t pages = 0;
  int64_t resident = 0;
  f >> pages >> resident;
  return resident * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
}

/// Answers what a conversation asks at activation: its row, and a full
/// context of `context` messages of `chars` characters each.
caf::behavior fake_db(caf::event_based_actor*, int64_t context, size_t chars) {
  return {
      [](const conversation_open& o) {
        conversation_record c;
        c.id = o.manager_id;
        c.manager_id = o.manager_id;
        c.worker_id = o.worker_id;
        c.last_seq = 100;
        return c;
      },
      [=](const message_recent& r) {
        message_page p;
        for (int64_t i = 0; i < context; ++i) {
          message_row m;
          m.conversation_id = r.conversation_id;
          m.seq = 95 + i;
          m.sender_id = i % 2;
          m.original_lang = i % 2 ? "es" : "en";
          m.original_text = std::string(chars, static_cast<char>('a' + i));
          p.rows.push_back(std::move(m));
        }
        return p;
      },
  };
}

/// Agrees to every passivation, as the registry does when nothing is on
/// its way.
caf::behavior agreeing_registry(caf::event_based_actor*) {
  return {[](const passivate_request&) { return true; }};
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"conversation memory"};
  int64_t n = 100000;
  int64_t chars = 80;
  int64_t threads = 2;
  app.add_option("--conversations", n)
      ->check(CLI::Range(int64_t{1}, int64_t{2'000'000}));
  app.add_option("--context-chars", chars, "characters per context message")
      ->check(CLI::Range(int64_t{1}, int64_t{4096}));
  app.add_option("--threads", threads)
      ->check(CLI::Range(int64_t{1}, int64_t{64}));
  CLI11_PARSE(app, argc, argv);

  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("scheduler.max-threads", static_cast<size_t>(threads));
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  auto opts = std::make_shared<conversation_options>();
  opts->db = caf::actor_cast<db_actor>(
      sys.spawn(fake_db, int64_t{6}, static_cast<size_t>(chars)));
  opts->context_length = 6;
  opts->passivation_timeout = std::chrono::seconds{2};
  auto registry = sys.spawn(agreeing_registry);

  auto before = rss_bytes();
  auto t0 = std::chrono::steady_clock::now();
  for (int64_t i = 1; i <= n; ++i)
    sys.spawn(conversation, i, i + 10'000'000, registry,
              std::shared_ptr<const conversation_options>{opts});
  // Let every activation (two requests each) complete.
  std::this_thread::sleep_for(std::chrono::milliseconds{1500});
  auto active = rss_bytes();
  auto spawn_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  // Every conversation passivates after its idle timeout.
  while (sys.registry().running() > 2)
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  std::this_thread::sleep_for(std::chrono::milliseconds{500});
  auto passivated = rss_bytes();
  // Freed memory that the allocator kept for reuse is not held by any
  // conversation; trimming shows what is still live.
  malloc_trim(0);
  auto trimmed = rss_bytes();

  json::writer w;
  w.begin_object()
      .field("bench", "conversation_memory")
      .field("conversations", n)
      .field("context_messages", int64_t{6})
      .field("context_chars", chars)
      .field("rss_before_bytes", before)
      .field("rss_active_bytes", active)
      .field("rss_after_passivation_bytes", passivated)
      .field("bytes_per_active_conversation",
             static_cast<double>(active - before) / static_cast<double>(n))
      .field("rss_after_trim_bytes", trimmed)
      .field("bytes_per_passivated_conversation",
             static_cast<double>(passivated - before) / static_cast<double>(n))
      .field("bytes_per_passivated_conversation_trimmed",
             static_cast<double>(trimmed - before) / static_cast<double>(n))
      .field("spawn_and_activate_s", spawn_s)
      .end_object();
  std::cout << w.str() << std::endl;
  caf::anon_send_exit(registry, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(caf::actor_cast<caf::actor>(opts->db),
                      caf::exit_reason::user_shutdown);
  return 0;
}
