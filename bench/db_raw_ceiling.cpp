// SPDX-License-Identifier: Apache-2.0
#include "bench/db_raw_ceiling.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "storage/repo_talk.hpp"

namespace bridge::bench {

namespace {

/// A prepared multi-row INSERT of `rows` rows, the columns the pool writes.
std::string plain_insert_sql(size_t rows) {
  std::string sql = "INSERT INTO messages (conversation_id, seq, sender_id, "
                    "source_message_id, original_text, original_lang, "
                    "translated_text, translated_lang, status) VALUES ";
  constexpr size_t cols = 9;
  for (size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ",(";
    for (size_t c = 0; c < cols; ++c) {
      sql += (c == 0 ? "$" : ",$") + std::to_string(r * cols + c + 1);
    }
    sql += ")";
  }
  return sql;
}

const storage::sql_def& pool_insert_def() {
  for (auto& def : storage::talk_statements())
    if (std::strcmp(def.name, "message_insert") == 0)
      return def;
  throw std::logic_error("the repository has no message_insert statement");
}

/// One raw thread's batches: the statement, and the parameters of each.
class batch_writer {
public:
  batch_writer(pqxx::connection& conn, const bench_options& o,
               raw_statement kind)
      : conn_(conn), batch_(o.batch), kind_(kind) {
    if (kind_ == raw_statement::plain) {
      name_ = "bench_raw_insert";
      conn_.prepare(name_, plain_insert_sql(batch_));
    } else {
      auto& def = pool_insert_def();
      name_ = def.name;
      conn_.prepare(name_, def.text);
    }
  }

  /// Writes one full batch in its own transaction.
  void write(row_source& rows) {
    fill(rows);
    pqxx::work tx{conn_};
    auto res =
        tx.exec_prepared(name_, pqxx::prepare::make_dynamic_params(params_));
    // The pool decodes what its insert returns; so does this side.
    returned_.clear();
    for (const auto& r : res)
      returned_.push_back(
          {r[0].as<int64_t>(), r[1].as<int64_t>(), r[2].as<int64_t>()});
    tx.commit();
    if (kind_ == raw_statement::pool && returned_.size() != batch_)
      throw std::runtime_error("the pool's insert stored "
                               + std::to_string(returned_.size()) + " of "
                               + std::to_string(batch_) + " rows");
  }

private:
  void fill(row_source& rows) {
    params_.clear();
    if (kind_ == raw_statement::plain) {
      for (size_t r = 0; r < batch_; ++r) {
        auto m = rows.next();
        params_.insert(params_.end(),
                       {std::to_string(m.conversation_id),
                        std::to_string(m.seq), std::to_string(m.sender_id),
                        std::nullopt, m.original_text, m.original_lang,
                        m.translated_text, m.translated_lang,
                        std::string{to_string(m.status)}});
      }
      return;
    }
    batch_rows_.clear();
    for (size_t r = 0; r < batch_; ++r)
      batch_rows_.push_back(rows.next());
    std::vector<const message_row*> ptrs;
    ptrs.reserve(batch_rows_.size());
    for (auto& m : batch_rows_)
      ptrs.push_back(&m);
    params_ = storage::message_insert_statement(ptrs).params;
  }

  pqxx::connection& conn_;
  size_t batch_;
  raw_statement kind_;
  std::string name_;
  std::vector<message_row> batch_rows_;
  std::vector<std::optional<std::string>> params_;
  std::vector<std::array<int64_t, 3>> returned_;
};

} // namespace

const char* to_string(raw_statement x) {
  return x == raw_statement::plain ? "plain" : "pool";
}

double raw_phase(const bench_options& o, size_t connections, row_source& rows,
                 raw_statement kind) {
  tally counts;
  std::vector<std::thread> threads;
  std::atomic<size_t> ready{0};
  for (size_t i = 0; i < connections; ++i)
    threads.emplace_back([&] {
      try {
        pqxx::connection conn{o.dsn};
        batch_writer writer{conn, o, kind};
        ++ready;
        while (!counts.stop) {
          writer.write(rows);
          counts.answered += o.batch;
        }
      } catch (const std::exception& e) {
        ++counts.failed;
        std::lock_guard<std::mutex> guard{counts.mtx};
        if (counts.first_error.empty())
          counts.first_error = e.what();
        ++ready;
      }
    });
  while (ready < connections)
    std::this_thread::sleep_for(std::chrono::milliseconds{1});
  counts.drained.set_value();
  auto rate = time_phase(counts, o);
  for (auto& t : threads)
    t.join();
  if (counts.failed > 0)
    throw std::runtime_error(std::string{"raw insert ("} + to_string(kind)
                             + ") failed: " + counts.first_error);
  return rate;
}

} // namespace bridge::bench
