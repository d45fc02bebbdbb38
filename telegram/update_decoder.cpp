// SPDX-License-Identifier: Apache-2.0
#include "telegram/update_decoder.hpp"

#include <algorithm>

#include <simdjson.h>

#include "common/utf8.hpp"
#include "telegram/body_split.hpp"
#include "telegram/update_element.hpp"

namespace bridge::telegram {

namespace dom = simdjson::dom;

namespace {

/// Parses `text`, repairing invalid UTF-8 once if that is all that is
/// wrong. `repaired` keeps the repaired copy alive while `root` is used.
simdjson::error_code parse(dom::parser& parser, std::string_view text,
                           std::string& repaired, dom::element& root,
                           bool& was_repaired) {
  auto err = parser.parse(text.data(), text.size()).get(root);
  if (err == simdjson::UTF8_ERROR) {
    repaired = utf8::sanitize(text);
    was_repaired = true;
    err = parser.parse(repaired).get(root);
  }
  return err;
}

void record(decoded_batch& batch, const element_outcome& e) {
  batch.elements.push_back(e);
  batch.max_update_id = std::max(batch.max_update_id, e.update_id);
}

void add_element(decoded_batch& batch, dom::element el, int64_t received_ns) {
  record(batch, detail::decode_element(el, received_ns, batch.updates));
}

element_outcome refused(std::string_view text, refuse_reason r) {
  return {element_update_id(text), update_fate::refused, to_string(r)};
}

/// Decodes one element cut out of a body that did not parse as a whole.
void add_element_text(decoded_batch& batch, dom::parser& parser,
                      std::string_view text, bool cut, int64_t received_ns) {
  if (cut) {
    record(batch, refused(text, refuse_reason::truncated));
    return;
  }
  std::string repaired;
  dom::element el;
  if (auto err = parse(parser, text, repaired, el, batch.repaired_utf8)) {
    record(batch, refused(text, detail::parse_refusal(err, text)));
    return;
  }
  add_element(batch, el, received_ns);
}

api_error body_error(std::string what) {
  api_error e;
  e.description = std::move(what);
  return e;
}

void read_int(dom::object obj, std::string_view key, int64_t& out) {
  int64_t v = 0;
  if (obj[key].get_int64().get(v) == simdjson::SUCCESS)
    out = v;
}

void read_api_error(dom::object obj, api_error& e) {
  read_int(obj, "error_code", e.error_code);
  std::string_view description;
  if (obj["description"].get_string().get(description) == simdjson::SUCCESS)
    e.description = utf8::sanitize(description);
  dom::object params;
  if (obj["parameters"].get_object().get(params) == simdjson::SUCCESS)
    read_int(params, "retry_after", e.retry_after_s);
  e.retry_after_s = std::clamp<int64_t>(e.retry_after_s, 0, max_retry_after_s);
}

/// A body that did not parse: its elements one by one, if they can be
/// told apart.
void decode_broken_body(decoded_batch& batch, dom::parser& parser,
                        std::string_view body, simdjson::error_code err,
                        int64_t received_ns) {
  auto split = split_result(body);
  if (!split || split->elements.empty()) {
    batch.unreadable = detail::parse_refusal(err, body);
    batch.error = body_error(std::string{"getUpdates body is unreadable ("}
                             + to_string(batch.unreadable)
                             + "): " + simdjson::error_message(err));
    return;
  }
  auto& els = split->elements;
  for (size_t i = 0; i < els.size(); ++i)
    add_element_text(batch, parser, els[i],
                     split->last_cut && i + 1 == els.size(), received_ns);
}

} // namespace

decoded_batch decode_updates(std::string_view body, int64_t received_ns) {
  decoded_batch batch;
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  if (auto err = parse(parser, body, repaired, root, batch.repaired_utf8)) {
    decode_broken_body(batch, parser, body, err, received_ns);
    return batch;
  }
  dom::object obj;
  bool ok = false;
  if (root.get_object().get(obj) != simdjson::SUCCESS
      || obj["ok"].get_bool().get(ok) != simdjson::SUCCESS) {
    batch.unreadable = refuse_reason::not_a_reply;
    batch.error = body_error("getUpdates body is not a Bot API reply");
    return batch;
  }
  if (!ok) {
    api_error e;
    read_api_error(obj, e);
    batch.unreadable = refuse_reason::not_a_reply;
    batch.error = std::move(e);
    return batch;
  }
  dom::array result;
  if (obj["result"].get_array().get(result) != simdjson::SUCCESS) {
    batch.unreadable = refuse_reason::not_a_reply;
    batch.error = body_error("getUpdates result is not an array");
    return batch;
  }
  batch.updates.reserve(result.size());
  batch.elements.reserve(result.size());
  for (auto el : result)
    add_element(batch, el, received_ns);
  return batch;
}

decoded_batch decode_update(std::string_view body, int64_t received_ns) {
  decoded_batch batch;
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  if (auto err = parse(parser, body, repaired, root, batch.repaired_utf8)) {
    batch.unreadable = detail::parse_refusal(err, body);
    batch.error = body_error(std::string{"update is unreadable ("}
                             + to_string(batch.unreadable)
                             + "): " + simdjson::error_message(err));
    record(batch, refused(body, batch.unreadable));
    return batch;
  }
  add_element(batch, root, received_ns);
  return batch;
}

std::optional<api_reply> decode_reply(std::string_view body) {
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  bool was_repaired = false;
  if (parse(parser, body, repaired, root, was_repaired))
    return std::nullopt;
  dom::object obj;
  api_reply reply;
  if (root.get_object().get(obj) != simdjson::SUCCESS
      || obj["ok"].get_bool().get(reply.ok) != simdjson::SUCCESS)
    return std::nullopt;
  if (!reply.ok) {
    read_api_error(obj, reply.error);
    return reply;
  }
  dom::object result;
  dom::array results;
  if (obj["result"].get_object().get(result) == simdjson::SUCCESS)
    read_int(result, "message_id", reply.message_id);
  else if (obj["result"].get_array().get(results) == simdjson::SUCCESS
           && results.size() > 0
           && results.at(0).get_object().get(result) == simdjson::SUCCESS)
    // copyMessages: the first of the copies stands for the album.
    read_int(result, "message_id", reply.message_id);
  return reply;
}

} // namespace bridge::telegram
