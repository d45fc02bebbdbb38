// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/type_id.hpp>

#include "messages/budget.hpp"
#include "messages/cache.hpp"
#include "messages/cluster.hpp"
#include "messages/conversation.hpp"
#include "messages/sender.hpp"
#include "messages/stars.hpp"
#include "messages/storage.hpp"
#include "messages/telegram.hpp"
#include "messages/translator.hpp"

// Every message type that crosses a mailbox, announced to CAF in one place.
CAF_BEGIN_TYPE_ID_BLOCK(bridge, caf::first_custom_type_id)
CAF_ADD_TYPE_ID(bridge, (bridge::tg_user))
CAF_ADD_TYPE_ID(bridge, (bridge::tg_update))
CAF_ADD_TYPE_ID(bridge, (bridge::inline_button))
CAF_ADD_TYPE_ID(bridge, (bridge::outbound))
CAF_ADD_TYPE_ID(bridge, (bridge::delivery))
CAF_ADD_TYPE_ID(bridge, (bridge::send_outcome))
CAF_ADD_TYPE_ID(bridge, (bridge::sender_actor))
// Telegram Stars
CAF_ADD_TYPE_ID(bridge, (bridge::tg_payment))
CAF_ADD_TYPE_ID(bridge, (bridge::invoice_ask))
CAF_ADD_TYPE_ID(bridge, (bridge::stars_actor))

// -- storage: records and results (messages/storage_*.hpp) ------------------
CAF_ADD_TYPE_ID(bridge, (bridge::db_count))
CAF_ADD_TYPE_ID(bridge, (bridge::db_id))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_row))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_put_result))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_page))
CAF_ADD_TYPE_ID(bridge, (bridge::parked_row))
CAF_ADD_TYPE_ID(bridge, (bridge::parked_page))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_record))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_put_result))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_page))
CAF_ADD_TYPE_ID(bridge, (bridge::reply_put_result))
CAF_ADD_TYPE_ID(bridge, (bridge::user_record))
CAF_ADD_TYPE_ID(bridge, (bridge::user_page))
CAF_ADD_TYPE_ID(bridge, (bridge::user_reset_result))
CAF_ADD_TYPE_ID(bridge, (bridge::link_result))
CAF_ADD_TYPE_ID(bridge, (bridge::chat_session_record))
CAF_ADD_TYPE_ID(bridge, (bridge::subscription))
CAF_ADD_TYPE_ID(bridge, (bridge::usage_count))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_record))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_page))
CAF_ADD_TYPE_ID(bridge, (bridge::seq_range))
CAF_ADD_TYPE_ID(bridge, (bridge::message_row))
CAF_ADD_TYPE_ID(bridge, (bridge::message_page))
CAF_ADD_TYPE_ID(bridge, (bridge::message_put_result))
CAF_ADD_TYPE_ID(bridge, (bridge::task_record))
CAF_ADD_TYPE_ID(bridge, (bridge::task_page))
CAF_ADD_TYPE_ID(bridge, (bridge::task_text))
CAF_ADD_TYPE_ID(bridge, (bridge::task_text_page))
CAF_ADD_TYPE_ID(bridge, (bridge::db_pool_status))
CAF_ADD_TYPE_ID(bridge, (bridge::usage_day))
CAF_ADD_TYPE_ID(bridge, (bridge::cache_invalidate))
CAF_ADD_TYPE_ID(bridge, (bridge::feedback_record))
CAF_ADD_TYPE_ID(bridge, (bridge::feedback_page))
// business figures for operators
CAF_ADD_TYPE_ID(bridge, (bridge::business_users_row))
CAF_ADD_TYPE_ID(bridge, (bridge::business_stars))
CAF_ADD_TYPE_ID(bridge, (bridge::business_figures))

// -- storage: requests (the order of bridge::db_ops) -------------------------
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_put))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_done))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_pending))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_park))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_parked))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_release))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_put))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_sent))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_failed))
CAF_ADD_TYPE_ID(bridge, (bridge::outbox_unsent))
CAF_ADD_TYPE_ID(bridge, (bridge::reply_put))
CAF_ADD_TYPE_ID(bridge, (bridge::partition_notify))
CAF_ADD_TYPE_ID(bridge, (bridge::user_get))
CAF_ADD_TYPE_ID(bridge, (bridge::user_put))
CAF_ADD_TYPE_ID(bridge, (bridge::user_issue_code))
CAF_ADD_TYPE_ID(bridge, (bridge::user_by_code))
CAF_ADD_TYPE_ID(bridge, (bridge::user_reset))
CAF_ADD_TYPE_ID(bridge, (bridge::link_worker))
CAF_ADD_TYPE_ID(bridge, (bridge::join_refused))
CAF_ADD_TYPE_ID(bridge, (bridge::unlink_worker))
CAF_ADD_TYPE_ID(bridge, (bridge::inbox_rehome))
CAF_ADD_TYPE_ID(bridge, (bridge::workers_of))
CAF_ADD_TYPE_ID(bridge, (bridge::session_get))
CAF_ADD_TYPE_ID(bridge, (bridge::session_put))
CAF_ADD_TYPE_ID(bridge, (bridge::join_request_put))
CAF_ADD_TYPE_ID(bridge, (bridge::join_answer))
CAF_ADD_TYPE_ID(bridge, (bridge::worker_remove))
CAF_ADD_TYPE_ID(bridge, (bridge::sub_get))
CAF_ADD_TYPE_ID(bridge, (bridge::sub_set))
CAF_ADD_TYPE_ID(bridge, (bridge::sub_clear))
CAF_ADD_TYPE_ID(bridge, (bridge::usage_incr))
CAF_ADD_TYPE_ID(bridge, (bridge::usage_get))
CAF_ADD_TYPE_ID(bridge, (bridge::feedback_put))
CAF_ADD_TYPE_ID(bridge, (bridge::usage_release))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_open))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_reserve))
CAF_ADD_TYPE_ID(bridge, (bridge::message_put))
CAF_ADD_TYPE_ID(bridge, (bridge::message_update))
CAF_ADD_TYPE_ID(bridge, (bridge::message_recent))
CAF_ADD_TYPE_ID(bridge, (bridge::message_count))
CAF_ADD_TYPE_ID(bridge, (bridge::task_create))
CAF_ADD_TYPE_ID(bridge, (bridge::task_list))
CAF_ADD_TYPE_ID(bridge, (bridge::task_done))
CAF_ADD_TYPE_ID(bridge, (bridge::task_texts))
CAF_ADD_TYPE_ID(bridge, (bridge::task_translated))
CAF_ADD_TYPE_ID(bridge, (bridge::user_list))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_list))
CAF_ADD_TYPE_ID(bridge, (bridge::purge))
CAF_ADD_TYPE_ID(bridge, (bridge::backlog_counts))
CAF_ADD_TYPE_ID(bridge, (bridge::backlog_get))
CAF_ADD_TYPE_ID(bridge, (bridge::feedback_list))
CAF_ADD_TYPE_ID(bridge, (bridge::feedback_translated))
// Telegram Stars
CAF_ADD_TYPE_ID(bridge, (bridge::star_order))
CAF_ADD_TYPE_ID(bridge, (bridge::star_outcome))
CAF_ADD_TYPE_ID(bridge, (bridge::star_payment))
CAF_ADD_TYPE_ID(bridge, (bridge::star_order_open))
CAF_ADD_TYPE_ID(bridge, (bridge::star_checkout))
CAF_ADD_TYPE_ID(bridge, (bridge::star_credit))
CAF_ADD_TYPE_ID(bridge, (bridge::star_payment_get))
CAF_ADD_TYPE_ID(bridge, (bridge::star_refund_put))
// business figures for operators
CAF_ADD_TYPE_ID(bridge, (bridge::business_get))
// team glossary
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_row))
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_page))
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_list))
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_put))
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_answer))
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_remove))
// corrections of translations
CAF_ADD_TYPE_ID(bridge, (bridge::correction_source))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_target))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_record))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_put))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_page))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_list))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_suggestion))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_suggestion_page))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_suggestions))
// /original
CAF_ADD_TYPE_ID(bridge, (bridge::user_original_set))
// active teams, kept as they happen
CAF_ADD_TYPE_ID(bridge, (bridge::team_active))
// Stars events that credited nothing
CAF_ADD_TYPE_ID(bridge, (bridge::star_rejection))
CAF_ADD_TYPE_ID(bridge, (bridge::star_rejection_page))
CAF_ADD_TYPE_ID(bridge, (bridge::star_rejection_list))
// glossary suggestions from corrections
CAF_ADD_TYPE_ID(bridge, (bridge::correction_brief))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_brief_page))
CAF_ADD_TYPE_ID(bridge, (bridge::correction_recent))

// -- storage: handles and pool internals -------------------------------------
CAF_ADD_TYPE_ID(bridge, (bridge::db_actor))
CAF_ADD_TYPE_ID(bridge, (bridge::invalidation_sink))
CAF_ADD_TYPE_ID(bridge, (bridge::db_turn))
CAF_ADD_TYPE_ID(bridge, (bridge::db_turn_result))

// -- cache (messages/cache.hpp) ----------------------------------------------
CAF_ADD_TYPE_ID(bridge, (bridge::rate_hit))
CAF_ADD_TYPE_ID(bridge, (bridge::rate_verdict))
CAF_ADD_TYPE_ID(bridge, (bridge::lock_acquire))
CAF_ADD_TYPE_ID(bridge, (bridge::lock_renew))
CAF_ADD_TYPE_ID(bridge, (bridge::lock_release))
CAF_ADD_TYPE_ID(bridge, (bridge::lock_grant))
CAF_ADD_TYPE_ID(bridge, (bridge::cache_status))
CAF_ADD_TYPE_ID(bridge, (bridge::cache_actor))
CAF_ADD_TYPE_ID(bridge, (bridge::retention_status))
CAF_ADD_TYPE_ID(bridge, (bridge::retention_actor))
// -- translator: requests, answers, status and the backend protocol ------
CAF_ADD_TYPE_ID(bridge, (bridge::context_line))
CAF_ADD_TYPE_ID(bridge, (bridge::translate_request))
CAF_ADD_TYPE_ID(bridge, (bridge::translation_queued))
CAF_ADD_TYPE_ID(bridge, (bridge::translation_slow))
CAF_ADD_TYPE_ID(bridge, (bridge::translation_done))
CAF_ADD_TYPE_ID(bridge, (bridge::translate_batch))
CAF_ADD_TYPE_ID(bridge, (bridge::translate_batch_result))
CAF_ADD_TYPE_ID(bridge, (bridge::language_pair))
CAF_ADD_TYPE_ID(bridge, (std::vector<bridge::language_pair>))
CAF_ADD_TYPE_ID(bridge, (bridge::translator_status))
CAF_ADD_TYPE_ID(bridge, (bridge::backend_call))
CAF_ADD_TYPE_ID(bridge, (bridge::rate_snapshot))
CAF_ADD_TYPE_ID(bridge, (bridge::backend_reply))
CAF_ADD_TYPE_ID(bridge, (bridge::translator_actor))
CAF_ADD_TYPE_ID(bridge, (bridge::backend_actor))
// team glossary
CAF_ADD_TYPE_ID(bridge, (bridge::glossary_term))

// -- sessions and conversations (messages/conversation.hpp) ------------------
CAF_ADD_TYPE_ID(bridge, (bridge::partner_text))
CAF_ADD_TYPE_ID(bridge, (bridge::session_note))
CAF_ADD_TYPE_ID(bridge, (bridge::conversation_flush))
CAF_ADD_TYPE_ID(bridge, (bridge::passivate_request))

// -- cluster: ownership and fencing (messages/cluster.hpp)
// ---------------------
CAF_ADD_TYPE_ID(bridge, (bridge::fence_token))
CAF_ADD_TYPE_ID(bridge, (bridge::partition_owned))
CAF_ADD_TYPE_ID(bridge, (bridge::partition_lost))
CAF_ADD_TYPE_ID(bridge, (bridge::partition_nudge))
CAF_ADD_TYPE_ID(bridge, (bridge::lease_record))
CAF_ADD_TYPE_ID(bridge, (bridge::member_record))
CAF_ADD_TYPE_ID(bridge, (bridge::cluster_view))

// -- shared budgets (messages/budget.hpp) ------------------------------------
CAF_ADD_TYPE_ID(bridge, (bridge::cluster_members))
CAF_ADD_TYPE_ID(bridge, (bridge::budget_take))
CAF_ADD_TYPE_ID(bridge, (bridge::budget_grant))
CAF_ADD_TYPE_ID(bridge, (bridge::budget_actor))
CAF_END_TYPE_ID_BLOCK(bridge)

namespace bridge {

class caf_config;

/// Announces every Bridge message type and the engine error category.
void announce_message_types(caf::actor_system_config& cfg);

} // namespace bridge
