// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/storage_stars.hpp"
#include "messages/telegram.hpp"

/// The Stars desk's protocol: invoices for sessions, and the
/// pre-checkout queries the intake hands it past every chat's queue.
namespace bridge {

/// A session asks for the invoice link of `order`, worded for its user.
struct invoice_ask {
  star_order order;
  std::string title;
  std::string description;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, invoice_ask& x) {
  return f(caf::meta::type_name("invoice_ask"), x.order, x.title,
           x.description);
}

/// Answers pre-checkout queries (a `tg_update` of that kind) and makes
/// invoice links (the link, or an error).
using stars_actor =
    caf::typed_actor<caf::reacts_to<tg_update>,
                     caf::replies_to<invoice_ask>::with<std::string>>;

} // namespace bridge
