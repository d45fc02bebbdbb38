// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Arabic (ar), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.
//
// Written in logical order. A Latin run inside the right-to-left text
// (a command, a code, the name Bridge) sits between U+2066 LEFT-TO-RIGHT
// ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, and each placeholder
// between U+2068 FIRST STRONG ISOLATE and U+2069, so a name or code in
// either script keeps its own direction without reordering the sentence.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_ar{{
    // welcome
    "مرحبًا بك في \u2066Bridge\u2069! أترجم بينك وبين فريقك.",
    // choose_role
    "هل أنت مدير أم عامل؟",
    // role_manager
    "أنا مدير",
    // role_worker
    "أنا عامل",
    // choose_language
    "بأي لغة تكتب؟",
    // manager_ready
    "أنت مسجّل كمدير. رمز الدعوة الخاص بك هو \u2068{}\u2069. أعطه لعمّالك؛ "
    "يرسلونه إليّ ليتصلوا بك.",
    // worker_send_code
    "أرسل إليّ رمز الدعوة الذي أعطاك إياه مديرك (مثل "
    "\u2066BRIDGE-7K2M-9QXD\u2069).",
    // worker_connected
    "أنت متصل بـ \u2068{}\u2069. اكتب هنا وسأترجم لك.",
    // manager_worker_joined
    "انضم \u2068{}\u2069 إلى فريقك. رسائلك تذهب الآن إلى \u2068{}\u2069.",
    // wrong_code
    "هذا الرمز لا يطابق أي مدير. تحقّق منه وحاول مرة أخرى.",
    // too_many_codes
    "رموز خاطئة كثيرة جدًا. حاول مرة أخرى بعد \u2068{}\u2069 دقيقة.",
    // code_for_manager
    "رمز الدعوة الخاص بك هو \u2068{}\u2069.",
    // code_not_needed
    "المديرون لا يحتاجون إلى رمز: أعطِ رمزك (\u2068{}\u2069) لعمّالك.",
    // not_registered
    "لم تسجّل بعد. أرسل \u2066/start\u2069 للبدء.",
    // finish_registration
    "أكمل التسجيل أولًا: \u2068{}\u2069",
    // no_workers
    "لم ينضم أي عامل بعد. أعطهم رمزك: \u2068{}\u2069.",
    // no_manager
    "لست متصلًا بمدير بعد. أرسل إليّ رمز الدعوة الخاص به.",
    // workers_list
    "عمّالك:",
    // workers_choose
    "اختر من يستلم رسائلك:",
    // switched_to
    "رسائلك تذهب الآن إلى \u2068{}\u2069.",
    // no_such_worker
    "لا يوجد عامل رقم \u2068{}\u2069. أرسل \u2066/workers\u2069 لرؤية "
    "القائمة.",
    // task_created
    "أُنشئت المهمة رقم \u2068{}\u2069 لـ \u2068{}\u2069.",
    // task_received
    "مهمة جديدة رقم \u2068{}\u2069 من \u2068{}\u2069: \u2068{}\u2069",
    // task_done_button
    "تم",
    // task_done_worker
    "عُلّمت المهمة رقم \u2068{}\u2069 كمنجزة.",
    // task_done_manager
    "أنجز \u2068{}\u2069 المهمة رقم \u2068{}\u2069: \u2068{}\u2069",
    // task_already_done
    "المهمة رقم \u2068{}\u2069 كانت منجزة من قبل.",
    // tasks_none
    "لا توجد مهام مفتوحة.",
    // tasks_header
    "المهام:",
    // daily_header
    "آخر 24 ساعة:",
    // daily_line
    "\u2068{}\u2069: الرسائل: \u2068{}\u2069 · المهام المنجزة: "
    "\u2068{}\u2069 · المفتوحة: \u2068{}\u2069",
    // daily_none
    "لم يحدث شيء في آخر 24 ساعة.",
    // history_header
    "آخر الرسائل (\u2068{}\u2069):",
    // history_none
    "لا توجد رسائل بعد.",
    // reset_done
    "أُعيد ضبط تسجيلك. أرسل \u2066/start\u2069 للبدء من جديد.",
    // feedback_thanks
    "شكرًا على ملاحظاتك!",
    // help_manager
    "اكتب إلى عاملك وسأترجم له.\n"
    "\u2066/workers\u2069 – عمّالك؛ \u2066/switch N\u2069 – الكتابة إلى "
    "العامل \u2066N\u2069\n"
    "\u2066/task\u2069 نص – إعطاء مهمة للعامل الحالي؛ \u2066/tasks\u2069 – "
    "المهام المفتوحة\n"
    "\u2066/daily\u2069 – آخر 24 ساعة؛ \u2066/history [N]\u2069 – الرسائل "
    "الأخيرة\n"
    "\u2066/code\u2069 – رمز دعوتك؛ \u2066/newcode\u2069 – رمز جديد (يتوقف "
    "القديم عن العمل)\n"
    "\u2066/remove N\u2069 – إخراج العامل \u2066N\u2069 من فريقك؛ "
    "\u2066/feedback\u2069 نص؛ \u2066/reset\u2069\n"
    "\u2066/language\u2069 – تغيير لغتك؛ \u2066/usage\u2069 – الرسائل المجانية "
    "المتبقية اليوم",
    // help_worker
    "اكتب إلى مديرك وسأترجم له.\n"
    "\u2066/tasks\u2069 – مهامك المفتوحة؛ \u2066/history [N]\u2069 – الرسائل "
    "الأخيرة\n"
    "\u2066/feedback\u2069 نص؛ \u2066/reset\u2069\n"
    "\u2066/language\u2069 – تغيير لغتك",
    // help_new
    "أرسل \u2066/start\u2069 للتسجيل كمدير أو عامل.",
    // unknown_command
    "لا أعرف الأمر \u2068{}\u2069. أرسل \u2066/help\u2069 لرؤية القائمة.",
    // args_missing
    "يحتاج \u2068{}\u2069 إلى نص بعده، مثلًا: \u2068{}\u2069 اتصل بالمورّد",
    // args_unexpected
    "لا يُكتب شيء بعد \u2068{}\u2069.",
    // args_too_long
    "هذا طويل جدًا بالنسبة إلى \u2068{}\u2069.",
    // args_not_a_number
    "يحتاج \u2068{}\u2069 إلى رقم، مثلًا: \u2068{}\u2069 5",
    // message_too_long
    "رسالتك طويلة جدًا (\u2068{}\u2069 حرفًا)؛ الحد هو \u2068{}\u2069.",
    // rate_limited
    "أنت ترسل بسرعة كبيرة. انتظر لحظة من فضلك.",
    // daily_limit_reached
    "استخدمت رسائل اليوم المجانية (\u2068{}\u2069). الاشتراك يرفع الحد: "
    "\u2066/subscribe\u2069",
    // queued
    "رسالتك في قائمة انتظار الترجمة وستُسلَّم.",
    // translation_failed
    "تعذّرت ترجمة رسالتك (\u2068{}\u2069)؛ سُلّمت بلغتك.",
    // untranslated_note
    "(بلا ترجمة)",
    // media_not_supported
    "لا أستطيع نقل إلا النص. اكتب رسالتك نصًا من فضلك.",
    // partner_unreachable
    "لا يستطيع \u2068{}\u2069 استلام الرسائل الآن.",
    // unsupported_pair
    "لا يستطيع \u2066Bridge\u2069 الترجمة بين \u2068{}\u2069 و\u2068{}\u2069 "
    "بعد.",
    // groups_not_supported
    "يعمل \u2066Bridge\u2069 في المحادثات الخاصة فقط.",
    // busy
    "\u2066Bridge\u2069 مشغول الآن؛ أرسل ذلك مرة أخرى بعد دقيقة.",
    // edit_too_old
    "لا أنقل إلا تعديلات الرسائل الحديثة؛ أرسلها مرة أخرى.",
    // edited_note
    "(معدّلة)",
    // message_refused
    "تعذّر حفظ رسالتك، لذلك لم تُسلَّم. اكتبها مرة أخرى بكلمات أخرى.",
    // message_parked
    "تعذّر تسليم رسالتك الآن؛ إنها محفوظة ويمكن لمشغّل إرسالها لاحقًا. "
    "رسائلك التالية تسير كالمعتاد.",
    // manager_left
    "غادر \u2068{}\u2069 الفريق؛ لم تعد رسائلك تصل إليه. أرسل رمز دعوة "
    "جديدًا للانضمام إلى فريق.",
    // worker_left
    "غادر \u2068{}\u2069 فريقك؛ لم تعد رسائلك تصل إليه.",
    // choose_partner_language
    "مديرك يكتب بـ\u2068{}\u2069. اختر لغة يستطيع \u2066Bridge\u2069 الترجمة "
    "منها وإليها، ثم أرسل الرمز مرة أخرى.",
    // join_refused
    "حاول \u2068{}\u2069 الانضمام إلى فريقك، لكن \u2066Bridge\u2069 لا "
    "يستطيع الترجمة بين لغته ولغتك؛ طُلب منه اختيار لغة أخرى.",
    // history_via
    "↪ عبر \u2068{}\u2069",
    // join_link_line
    "أو أرسل إليهم هذا الرابط: \u2068{}\u2069",
    // code_rotated
    "رمز دعوتك الجديد هو \u2068{}\u2069. لم يعد القديم يعمل.",
    // join_requested
    "أُرسل طلبك للانضمام إلى فريق \u2068{}\u2069. سأخبرك عندما يرد.",
    // join_request
    "يريد \u2068{}\u2069 الانضمام إلى فريقك.",
    // join_accept_button
    "قبول",
    // join_decline_button
    "رفض",
    // join_declined_worker
    "رفض \u2068{}\u2069 طلبك للانضمام إلى فريقه.",
    // join_declined_manager
    "رفضت طلب \u2068{}\u2069 للانضمام إلى فريقك.",
    // join_already_answered
    "سبق الرد على هذا الطلب أو سُحب.",
    // worker_removed
    "لم يعد \u2068{}\u2069 في فريقك.",
    // removed_by_manager
    "أخرجك \u2068{}\u2069 من فريقه؛ لم تعد رسائلك تصل إليه. أرسل رمز دعوة "
    "جديدًا للانضمام إلى فريق.",
    // remove_usage
    "يحتاج \u2066/remove\u2069 إلى رقم عامل من \u2066/workers\u2069، مثلًا: "
    "\u2066/remove 2\u2069",
    // codes_paused
    "أُرسل إلى \u2066Bridge\u2069 للتو عدد كبير جدًا من رموز الدعوة الخاطئة. "
    "حاول مرة أخرى بعد دقيقة.",
    // link_invalid
    "رابط الدعوة هذا غير صالح. اطلب من مديرك رابطًا أو رمزًا جديدًا.",
    // link_for_manager
    "أنت مسجّل كمدير؛ روابط الدعوة مخصّصة للعمّال. رمزك هو \u2068{}\u2069.",
    // language_choose
    "لغتك الآن: \u2068{}\u2069. بأي لغة تريد أن تكتب؟",
    // language_unknown
    "لا أعرف هذه اللغة. اختر واحدة من هذه اللغات:",
    // language_same
    "أنت تكتب بهذه اللغة بالفعل: \u2068{}\u2069.",
    // language_unreachable
    "لا يستطيع \u2066Bridge\u2069 الترجمة بين \u2068{}\u2069 و\u2068{}\u2069 "
    "(اللغة التي يكتب بها \u2068{}\u2069)، لذا تبقى لغتك \u2068{}\u2069.",
    // language_changed
    "لغتك من الآن: \u2068{}\u2069. تُترجم رسائلك التالية منها. يبقى فريقك كما"
    " هو.",
    // usage_free
    "الرسائل المجانية المتبقية اليوم: \u2068{}\u2069 من \u2068{}\u2069.",
    // usage_subscribed
    "اشتراكك سارٍ حتى \u2068{}\u2069 \u2066UTC\u2069؛ وهو يرفع الحد اليومي.",
    // usage_no_subscription
    "ليس لديك اشتراك؛ تبدأ الرسائل المجانية من جديد كل يوم عند \u206600:00 "
    "UTC\u2069.",
    // daily_last_message
    "آخر رسالة: \u2068{}\u2069",
    // daily_open_tasks
    "المهام المفتوحة: \u2068{}\u2069",
    // menu_start
    "التسجيل أو عرض المساعدة",
    // menu_help
    "أوامر دورك",
    // menu_workers
    "عمّالك",
    // menu_switch
    "اختيار من تكتب إليه",
    // menu_task
    "إعطاء مهمة للعامل الحالي",
    // menu_tasks
    "المهام المفتوحة",
    // menu_daily
    "آخر 24 ساعة لكل عامل",
    // menu_history
    "الرسائل الأخيرة",
    // menu_code
    "رمز الدعوة ورابطها",
    // menu_newcode
    "رمز دعوة جديد",
    // menu_remove
    "إخراج عامل من فريقك",
    // menu_usage
    "الرسائل المجانية المتبقية اليوم",
    // menu_language
    "تغيير لغتك",
    // menu_feedback
    "الكتابة إلى المشغّلين",
    // menu_reset
    "البدء من جديد",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "الاشتراك لمدة 30 يومًا يكلف \u2068{}\u2069 Stars ويرفع الحد اليومي. ادفع "
    "هنا: \u2068{}\u2069",
    // subscribe_failed
    "تعذّر إنشاء الفاتورة الآن. يُرجى تجربة \u2066/subscribe\u2069 لاحقًا.",
    // paysupport
    "لديك سؤال عن دفعة؟ اكتب \u2066/feedback\u2069 مع سؤالك وتاريخ الدفع؛ "
    "سيجيبك أحد المشغّلين ويمكنه استرداد المبلغ. لا يستطيع دعم Telegram "
    "المساعدة في المدفوعات المقدمة لهذا البوت.",
    // payment_received
    "شكرًا! اشتراكك فعّال حتى \u2068{}\u2069 (UTC). تابع الكتابة.",
    // payment_not_credited
    "وصلت دفعتك لكنها لا تطابق أي طلب مفتوح لك، لذلك لم تُحتسب. سيراجعها أحد "
    "المشغّلين؛ راجع \u2066/paysupport\u2069.",
    // checkout_refused
    "هذه الفاتورة ليست طلبًا مفتوحًا لك. أرسل \u2066/subscribe\u2069 للحصول على "
    "فاتورة جديدة.",
    // invoice_title
    "اشتراك Bridge",
    // invoice_description
    "30 يومًا من الرسائل المترجمة دون حد يومي.",
    // menu_subscribe
    "رفع الحد اليومي",
    // menu_paysupport
    "مساعدة في الدفع",
    // -- media across the gap
    // media_not_translated
    "أرسل \u2068{}\u2069 رسالة صوتية أو رسالة فيديو. لم تُترجم.",
    // media_kind_refused
    "لا أستطيع تمرير هذا النوع من الرسائل. أرسل نصًا أو صورًا أو مقاطع فيديو أو "
    "مستندات أو رسائل صوتية أو ملصقات.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "يحدد مسرد فريقك كيف تُترجم مصطلحاته. \u2066/glossary\u2069 يعرضه؛ "
    "\u2066/glossary add TERM = TRANSLATION\u2069 يضيف مصطلحًا بلغتك مع ترجمته "
    "إلى لغة عاملك (عدة لغات: \u2066/glossary add TERM = es: …; pt: …\u2069)؛ "
    "\u2066/glossary remove TERM\u2069 يحذفه.",
    // glossary_usage_worker
    "يمكنك اقتراح مصطلح لمسرد فريقك: \u2066/glossary add TERM = "
    "TRANSLATION\u2069، المصطلح بلغة مديرك والترجمة بلغتك. القرار لمديرك.",
    // glossary_list
    "مسرد فريقك (\u2068{}\u2069 من \u2068{}\u2069 مصطلحًا):\n\u2068{}\u2069",
    // glossary_empty
    "مسرد فريقك فارغ. أضف مصطلحًا بـ \u2066/glossary add TERM = "
    "TRANSLATION\u2069.",
    // glossary_added
    "أُضيف إلى المسرد: \u2068{}\u2069 ← \u2068{}\u2069. من الآن تستخدمه ترجمات "
    "فريقك.",
    // glossary_removed
    "حُذف من المسرد: \u2068{}\u2069.",
    // glossary_not_found
    "\u2068{}\u2069 ليس في مسرد فريقك.",
    // glossary_full
    "يضم مسرد فريقك \u2068{}\u2069 مصطلحًا، وهذا هو الحد. احذف واحدًا أولًا بـ "
    "\u2066/glossary remove TERM\u2069.",
    // glossary_bad_entry
    "اكتب المدخل هكذا: \u2066/glossary add TERM = TRANSLATION\u2069 (أو "
    "\u2066TERM = es: …; pt: …\u2069). لا يجوز أن يكون أي طرف فارغًا، والمصطلح "
    "لا يزيد على \u2068{}\u2069 حرفًا وفيه حرف أو رقم واحد على الأقل.",
    // glossary_bad_language
    "لا يستطيع \u2066Bridge\u2069 الترجمة بين لغة فريقك و\u2068{}\u2069. "
    "اللغات الممكنة: \u2068{}\u2069.",
    // glossary_which_language
    "حدد لغة الترجمة، مثلًا \u2066/glossary add TERM = es: …\u2069. لغات فريقك: "
    "\u2068{}\u2069.",
    // glossary_wrong_script
    "\u2068{}\u2069 غير مكتوب بأبجدية \u2068{}\u2069: لن يرد أبدًا في رسائل "
    "بتلك اللغة.",
    // glossary_proposed
    "طُلب من مديرك إضافة \u2068{}\u2069 ← \u2068{}\u2069 إلى مسرد الفريق.",
    // glossary_proposal
    "يقترح \u2068{}\u2069 مصطلحًا للمسرد: \u2068{}\u2069 ← \u2068{}\u2069 "
    "(\u2068{}\u2069).",
    // glossary_declined
    "رُفض: \u2068{}\u2069 ← \u2068{}\u2069.",
    // glossary_answered
    "تم الرد على هذا الاقتراح من قبل.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "ردّ على ترجمة وصلتك بالأمر \u2066/fix\u2069 متبوعًا بصيغتك الأفضل، مثلًا: "
    "\u2066/fix\u2069 صباح الخير يا فريق.",
    // fix_not_translation
    "يعمل \u2066/fix\u2069 فقط ردًّا على ترجمة وصلتك من شريكك، وهذه الرسالة ليست "
    "ترجمة (أو أنها أقدم من أن تُصحَّح).",
    // fix_saved
    "شكرًا: حُفظ تصحيحك وأُبلغ \u2068{}\u2069 به.",
    // fix_writer_told
    "يقترح \u2068{}\u2069 ترجمة أفضل لرسالتك «\u2068{}\u2069»: "
    "«\u2068{}\u2069» (كان المترجم قد كتب «\u2068{}\u2069»).",
    // corrections_none
    "لم يتكرر أي تصحيح بعد. عندما يصحّح فريقك العبارة نفسها بالطريقة نفسها "
    "مرتين على الأقل، تظهر هنا اقتراحًا لمسرد المصطلحات.",
    // corrections_header
    "تصحيحات كرّرها فريقك (اقتراحات لمسرد المصطلحات):",
    // corrections_line
    "• «\u2068{}\u2069» ← «\u2068{}\u2069» (عدد المرات: \u2068{}\u2069)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "مسرد مصطلحات الفريق",
    // menu_fix
    "تصحيح ترجمة (بالرد عليها)",
    // menu_corrections
    "تصحيحات كرّرها فريقك",
    // help_corrections_manager
    "\u2066/glossary\u2069 – مصطلحات الفريق؛ \u2066/corrections\u2069 – "
    "التصحيحات المتكررة\n"
    "\u2066/fix\u2069 نص – ردًّا على ترجمة: صيغتك الأفضل",
    // help_corrections_worker
    "\u2066/fix\u2069 نص – ردًّا على ترجمة: صيغتك الأفضل",
    // -- /original --
    // menu_original
    "إظهار النص الأصلي تحت الترجمات: on أو off أو auto",
    // original_current
    "النص الأصلي تحت الترجمات التي تصلك: {}.",
    // original_changed
    "تم الحفظ. النص الأصلي تحت الترجمات التي تصلك: {}.",
    // original_usage
    "اختر واحدًا:\n"
    "/original on: دائمًا، تحت كل ترجمة\n"
    "/original off: أبدًا\n"
    "/original auto: فقط عندما تمر الترجمة بلغة أخرى (الإعداد الافتراضي)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "لا توجد تصحيحات بعد. عندما يرد أحد أفراد فريقك بـ /fix على ترجمة، يظهر "
    "التصحيح هنا؛ والتصحيح نفسه إذا تكرر \u2068{}\u2069 مرات يُقترح كمدخل في "
    "المسرد.",
    // glossary_suggestions_header
    "أحدث تصحيحات فريقك، الأحدث أولًا. التصحيح نفسه إذا تكرر \u2068{}\u2069 "
    "مرات يُقترح كمدخل في المسرد.",
    // glossary_suggestions_line
    "• \u2068{}\u2069: «\u2068{}\u2069» ← «\u2068{}\u2069»",
    // glossary_correction_proposal
    "أجرى فريقك التصحيح نفسه \u2068{}\u2069 مرات: \u2068{}\u2069 → "
    "\u2068{}\u2069 (\u2068{}\u2069). هل أضيفه إلى المسرد؟",
    // help_glossary_suggestions
    "/glossary suggestions – أحدث تصحيحات فريقك؛ والتصحيح المكرر بالطريقة "
    "نفسها يُقترح كمدخل في المسرد",
}};

} // namespace bridge::domain::texts_detail
