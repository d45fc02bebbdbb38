// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Chinese (Simplified) (zh), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_zh{{
    // welcome
    "欢迎使用 Bridge！我在你和你的团队之间翻译。",
    // choose_role
    "你是管理者还是员工？",
    // role_manager
    "我是管理者",
    // role_worker
    "我是员工",
    // choose_language
    "你用哪种语言写？",
    // manager_ready
    "你已注册为管理者。你的邀请码是 {}。把它交给你的员工；"
    "他们发给我即可与你连接。",
    // worker_send_code
    "请把管理者给你的邀请码发给我（例如 BRIDGE-7K2M-9QXD）。",
    // worker_connected
    "你已与 {} 连接。在这里写，我来为你翻译。",
    // manager_worker_joined
    "{} 加入了你的团队。你的消息现在发给 {}。",
    // wrong_code
    "这个邀请码不对应任何管理者。请检查后重试。",
    // too_many_codes
    "错误的邀请码太多。请在 {} 分钟后重试。",
    // code_for_manager
    "你的邀请码是 {}。",
    // code_not_needed
    "管理者不需要邀请码：把你的邀请码（{}）交给员工。",
    // not_registered
    "你还没有注册。发送 /start 开始。",
    // finish_registration
    "请先完成注册：{}",
    // no_workers
    "还没有员工加入。把你的邀请码给他们：{}。",
    // no_manager
    "你还没有与管理者连接。请把对方的邀请码发给我。",
    // workers_list
    "你的员工：",
    // workers_choose
    "选择谁接收你的消息：",
    // switched_to
    "你的消息现在发给 {}。",
    // no_such_worker
    "没有编号为 {} 的员工。发送 /workers 查看列表。",
    // task_created
    "任务 #{} 已为 {} 创建。",
    // task_received
    "新任务 #{}，来自 {}：{}",
    // task_done_button
    "完成",
    // task_done_worker
    "任务 #{} 已标记为完成。",
    // task_done_manager
    "{} 完成了任务 #{}：{}",
    // task_already_done
    "任务 #{} 已经完成了。",
    // tasks_none
    "没有未完成的任务。",
    // tasks_header
    "任务：",
    // daily_header
    "最近 24 小时：",
    // daily_line
    "{}：消息：{} · 已完成任务：{} · 未完成：{}",
    // daily_none
    "最近 24 小时没有任何动态。",
    // history_header
    "最近 {} 条消息：",
    // history_none
    "还没有消息。",
    // reset_done
    "你的注册已重置。发送 /start 重新开始。",
    // feedback_thanks
    "感谢你的反馈！",
    // help_manager
    "给你的员工写消息，我来为对方翻译。\n"
    "/workers – 你的员工；/switch N – 给员工 N 写消息\n"
    "/task 内容 – 给当前员工布置任务；/tasks – 未完成的任务\n"
    "/daily – 最近 24 小时；/history [N] – 最近的消息\n"
    "/code – 你的邀请码；/newcode – 新邀请码（旧的将失效）\n"
    "/remove N – 把员工 N 移出团队；/feedback 内容；/reset\n"
    "/language – 更改你的语言；/usage – 今天剩余的免费消息",
    // help_worker
    "给你的管理者写消息，我来为对方翻译。\n"
    "/tasks – 你的未完成任务；/history [N] – 最近的消息\n"
    "/feedback 内容；/reset\n"
    "/language – 更改你的语言",
    // help_new
    "发送 /start 注册为管理者或员工。",
    // unknown_command
    "我不认识命令 {}。发送 /help 查看列表。",
    // args_missing
    "{} 后面需要文字，例如：{} 给供应商打电话",
    // args_unexpected
    "{} 后面不需要任何内容。",
    // args_too_long
    "这对 {} 来说太长了。",
    // args_not_a_number
    "{} 后面需要一个数字，例如：{} 5",
    // message_too_long
    "你的消息太长（{} 个字符）；上限是 {}。",
    // rate_limited
    "你发送得太快了。请稍等片刻。",
    // daily_limit_reached
    "你已用完今天的 {} 条免费消息。订阅可解除限制：/subscribe",
    // queued
    "你的消息正在排队翻译，稍后会送达。",
    // translation_failed
    "你的消息无法翻译（{}）；已用你的语言送达。",
    // untranslated_note
    "（未翻译）",
    // media_not_supported
    "我只能转发文字。请用文字写你的消息。",
    // partner_unreachable
    "{} 现在无法接收消息。",
    // unsupported_pair
    "Bridge 暂时还不能在 {} 和 {} 之间翻译。",
    // groups_not_supported
    "Bridge 只在私聊中工作。",
    // busy
    "Bridge 现在很忙；请一分钟后再发一次。",
    // edit_too_old
    "我只能转达最近消息的编辑；请重新发送。",
    // edited_note
    "（已编辑）",
    // message_refused
    "你的消息无法保存，因此没有送达。请换一种说法再写一次。",
    // message_parked
    "你的消息暂时无法送达；它已被保存，操作员仍可发送。你之后的消息照常发送。",
    // manager_left
    "{} 已离开团队；你的消息不再送达对方。发送新的邀请码即可加入团队。",
    // worker_left
    "{} 已离开你的团队；你的消息不再送达对方。",
    // choose_partner_language
    "你的管理者使用{}。请选择一种 Bridge 能与之互译的语言，"
    "然后重新发送邀请码。",
    // join_refused
    "{} 想加入你的团队，但 Bridge 无法在对方的语言和你的语言之间翻译；"
    "已请对方选择其他语言。",
    // history_via
    "↪ 经由 {}",
    // join_link_line
    "或者把这个链接发给他们：{}",
    // code_rotated
    "你的新邀请码是 {}。旧的已失效。",
    // join_requested
    "你加入 {} 团队的申请已发送。对方回复时我会告诉你。",
    // join_request
    "{} 想加入你的团队。",
    // join_accept_button
    "接受",
    // join_decline_button
    "拒绝",
    // join_declined_worker
    "{} 拒绝了你加入其团队的申请。",
    // join_declined_manager
    "你拒绝了 {} 加入你团队的申请。",
    // join_already_answered
    "该申请已被处理或撤回。",
    // worker_removed
    "{} 已不在你的团队中。",
    // removed_by_manager
    "{} 已将你移出团队；你的消息不再送达对方。发送新的邀请码即可加入团队。",
    // remove_usage
    "/remove 后面跟 /workers 中员工的编号，例如：/remove 2",
    // codes_paused
    "刚才有太多错误的邀请码发送到 Bridge。请一分钟后重试。",
    // link_invalid
    "此邀请链接无效。请向你的管理者索取新的链接或邀请码。",
    // link_for_manager
    "你已注册为管理者；邀请链接是给员工用的。你自己的邀请码是 {}。",
    // language_choose
    "你现在的语言：{}。你想用哪种语言写？",
    // language_unknown
    "我不认识这种语言。请从下面选择一种：",
    // language_same
    "你已经在用这种语言写了：{}。",
    // language_unreachable
    "Bridge 无法在 {} 和 {} 之间翻译（{} 用这种语言写），所以你的语言仍然是 "
    "{}。",
    // language_changed
    "从现在起你的语言是 {}：你接下来的消息会从这种语言翻译。你的团队保持不变。",
    // usage_free
    "今天剩余的免费消息：{} / {}。",
    // usage_subscribed
    "你的订阅有效期至 {} UTC，期间没有每日限制。",
    // usage_no_subscription
    "你没有订阅；免费消息每天 00:00 UTC 重新开始计算。",
    // daily_last_message
    "最后一条消息：{}",
    // daily_open_tasks
    "未完成的任务：{}",
    // menu_start
    "注册或查看帮助",
    // menu_help
    "你的角色可用的命令",
    // menu_workers
    "你的工人",
    // menu_switch
    "选择你写给谁",
    // menu_task
    "给当前工人分配任务",
    // menu_tasks
    "未完成的任务",
    // menu_daily
    "每个工人最近 24 小时",
    // menu_history
    "最近的消息",
    // menu_code
    "你的邀请码和链接",
    // menu_newcode
    "新的邀请码",
    // menu_remove
    "把工人移出团队",
    // menu_usage
    "今天剩余的免费消息",
    // menu_language
    "更改你的语言",
    // menu_feedback
    "写信给运营人员",
    // menu_reset
    "重新开始",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "30 天订阅价格为 {} Stars，可解除每日限制。在此付款：{}",
    // subscribe_failed
    "现在无法生成账单。请稍后再试 /subscribe。",
    // paysupport
    "对付款有疑问？请用 /feedback "
    "写下你的问题和付款日期；运营人员会回复，并可以退款。Telegram "
    "客服无法处理向本机器人付款的问题。",
    // payment_received
    "谢谢！你的订阅有效期至 {}（UTC）。可以继续写了。",
    // payment_not_credited
    "你的付款已到账，但与你的任何未完成订单都不符，因此未入账。运营人员会查看；"
    "请见 /paysupport。",
    // checkout_refused
    "此账单不是你的未完成订单。请发送 /subscribe 获取新的账单。",
    // invoice_title
    "Bridge 订阅",
    // invoice_description
    "30 天内翻译消息不受每日限制。",
    // menu_subscribe
    "解除每日限制",
    // menu_paysupport
    "付款帮助",
    // -- media across the gap
    // media_not_translated
    "{} 发送了一条语音或视频消息，未经翻译。",
    // media_kind_refused
    "我无法转发这类消息。请发送文字、照片、视频、文件、语音消息或贴纸。",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "团队术语表规定团队术语的译法。/glossary 查看术语表；/glossary add 术语 = "
    "译文 "
    "添加一个你语言中的术语及其在你的员工语言中的译文（多种语言：/glossary add "
    "术语 = es: …; pt: …）；/glossary remove 术语 删除它。",
    // glossary_usage_worker
    "你可以为团队术语表提议一个术语：/glossary add 术语 = "
    "译文，术语用你管理者的语言，译文用你的语言。由你的管理者决定。",
    // glossary_list
    "你的团队术语表（{} / {} 个术语）：\n{}",
    // glossary_empty
    "你的团队术语表是空的。用 /glossary add 术语 = 译文 添加术语。",
    // glossary_added
    "已加入术语表：{} → {}。从现在起，你团队的翻译都会使用它。",
    // glossary_removed
    "已从术语表删除：{}。",
    // glossary_not_found
    "你的团队术语表中没有“{}”。",
    // glossary_full
    "你的团队术语表已有 {} 个术语，达到上限。请先用 /glossary remove 术语 "
    "删除一个。",
    // glossary_bad_entry
    "请这样写：/glossary add 术语 = 译文（或 术语 = es: …; pt: "
    "…）。两边都不能为空，术语最多 {} 个字符，且至少含一个字母或数字。",
    // glossary_bad_language
    "Bridge 无法在你团队的语言和“{}”之间翻译。可用语言：{}。",
    // glossary_which_language
    "请说明译文的语言，例如 /glossary add 术语 = es: …。你团队的语言：{}。",
    // glossary_wrong_script
    "“{}”不是用{}的文字书写的：该语言的消息中永远不会出现它。",
    // glossary_proposed
    "已请你的管理者把 {} → {} 加入团队术语表。",
    // glossary_proposal
    "{} 提议一个术语：{} → {}（{}）。",
    // glossary_declined
    "已拒绝：{} → {}。",
    // glossary_answered
    "这个提议已经答复过了。",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "请用 /fix 加上你的更好译法来回复你收到的译文，例如：/fix 大家早上好。",
    // fix_not_translation
    "/fix "
    "只能用来回复你从对方那里收到的译文，而这条消息不是译文（或者太旧，已无法更"
    "正）。",
    // fix_saved
    "谢谢：你的更正已保存，并已通知 {}。",
    // fix_writer_told
    "{} 为你的消息“{}”建议了更好的译法：“{}”（翻译器原来译为“{}”）。",
    // corrections_none
    "目前还没有重复的更正。当你的团队至少两次以同样方式更正同一个说法时，它会作"
    "为术语表建议显示在这里。",
    // corrections_header
    "你的团队重复过的更正（术语表建议）：",
    // corrections_line
    "• “{}” → “{}”（{} 次）",
    // -- menu: glossary and corrections --
    // menu_glossary
    "团队术语表",
    // menu_fix
    "更正一条译文（以回复方式）",
    // menu_corrections
    "团队重复过的更正",
    // help_corrections_manager
    "/glossary – 团队的术语；/corrections – 重复过的更正\n"
    "/fix 内容 – 回复一条译文：你的更好译法",
    // help_corrections_worker
    "/fix 内容 – 回复一条译文：你的更好译法",
    // -- /original --
    // menu_original
    "在译文下显示原文：on、off 或 auto",
    // original_current
    "你收到的译文下显示原文：{}。",
    // original_changed
    "已保存。你收到的译文下显示原文：{}。",
    // original_usage
    "请选择一项：\n"
    "/original on：总是显示，每条译文下都有\n"
    "/original off：从不显示\n"
    "/original auto：仅当翻译经过另一种语言时显示（默认）",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "还没有更正。团队成员用 /fix "
    "回复某条译文后，更正会显示在这里；同一更正做了 {} "
    "次，就会被建议加入术语表。",
    // glossary_suggestions_header
    "你团队最近的更正，最新的在前。同一更正做了 {} 次，就会被建议加入术语表。",
    // glossary_suggestions_line
    "• {}：“{}” → “{}”",
    // glossary_correction_proposal
    "你的团队已将同一处更正了 {} 次：{} → {}（{}）。要加入术语表吗？",
    // help_glossary_suggestions
    "/glossary suggestions – "
    "团队最近的更正；以同样方式重复的更正会被建议加入术语表",
}};

} // namespace bridge::domain::texts_detail
