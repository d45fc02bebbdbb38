// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Turkish (tr), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_tr{{
    // welcome
    "Bridge'e hoş geldiniz! Sizinle ekibiniz arasında çeviri yapıyorum.",
    // choose_role
    "Yönetici misiniz, çalışan mı?",
    // role_manager
    "Yöneticiyim",
    // role_worker
    "Çalışanım",
    // choose_language
    "Hangi dilde yazıyorsunuz?",
    // manager_ready
    "Yönetici olarak kaydoldunuz. Davet kodunuz: {}. Bunu çalışanlarınıza "
    "verin; sizinle bağlanmak için bana gönderirler.",
    // worker_send_code
    "Lütfen yöneticinizin verdiği davet kodunu bana gönderin (örneğin "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "{} ile bağlandınız. Buraya yazın, sizin için çevireyim.",
    // manager_worker_joined
    "{} ekibinize katıldı. Mesajlarınız artık şu kişiye gidiyor: {}.",
    // wrong_code
    "Bu kod hiçbir yöneticiyle eşleşmiyor. Lütfen kontrol edip tekrar "
    "deneyin.",
    // too_many_codes
    "Çok fazla yanlış kod. Lütfen {} dakika sonra tekrar deneyin.",
    // code_for_manager
    "Davet kodunuz: {}.",
    // code_not_needed
    "Yöneticilerin koda ihtiyacı yok: kendi kodunuzu ({}) çalışanlarınıza "
    "verin.",
    // not_registered
    "Henüz kayıtlı değilsiniz. Başlamak için /start gönderin.",
    // finish_registration
    "Lütfen önce kaydınızı tamamlayın: {}",
    // no_workers
    "Henüz hiçbir çalışan katılmadı. Onlara kodunuzu verin: {}.",
    // no_manager
    "Henüz bir yöneticiye bağlı değilsiniz. Bana onun davet kodunu gönderin.",
    // workers_list
    "Çalışanlarınız:",
    // workers_choose
    "Mesajlarınızı kimin alacağını seçin:",
    // switched_to
    "Mesajlarınız artık şu kişiye gidiyor: {}.",
    // no_such_worker
    "{} numaralı çalışan yok. Listeyi görmek için /workers gönderin.",
    // task_created
    "{} numaralı görev oluşturuldu, kişi: {}.",
    // task_received
    "Yeni görev #{}, gönderen {}: {}",
    // task_done_button
    "Tamam",
    // task_done_worker
    "{} numaralı görev tamamlandı olarak işaretlendi.",
    // task_done_manager
    "{}, #{} numaralı görevi bitirdi: {}",
    // task_already_done
    "{} numaralı görev zaten tamamlanmıştı.",
    // tasks_none
    "Açık görev yok.",
    // tasks_header
    "Görevler:",
    // daily_header
    "Son 24 saat:",
    // daily_line
    "{}: mesaj: {} · biten görev: {} · açık: {}",
    // daily_none
    "Son 24 saatte hiçbir şey olmadı.",
    // history_header
    "Son {} mesaj:",
    // history_none
    "Henüz mesaj yok.",
    // reset_done
    "Kaydınız sıfırlandı. Yeniden başlamak için /start gönderin.",
    // feedback_thanks
    "Geri bildiriminiz için teşekkürler!",
    // help_manager
    "Çalışanınıza yazın, ben onun için çevireyim.\n"
    "/workers – çalışanlarınız; /switch N – N numaralı çalışana yaz\n"
    "/task METİN – mevcut çalışana görev ver; /tasks – açık görevler\n"
    "/daily – son 24 saat; /history [N] – son mesajlar\n"
    "/code – davet kodunuz; /newcode – yeni kod (eskisi geçersiz olur)\n"
    "/remove N – N numaralı çalışanı ekipten çıkar; /feedback METİN; /reset\n"
    "/language – dilinizi değiştirin; /usage – bugün kalan ücretsiz mesajlar",
    // help_worker
    "Yöneticinize yazın, ben onun için çevireyim.\n"
    "/tasks – açık görevleriniz; /history [N] – son mesajlar\n"
    "/feedback METİN; /reset\n"
    "/language – dilinizi değiştirin",
    // help_new
    "Yönetici ya da çalışan olarak kaydolmak için /start gönderin.",
    // unknown_command
    "{} komutunu bilmiyorum. Liste için /help gönderin.",
    // args_missing
    "{} komutundan sonra metin gerekir, örneğin: {} tedarikçiyi ara",
    // args_unexpected
    "{} komutundan sonra bir şey yazılmaz.",
    // args_too_long
    "Bu, {} için çok uzun.",
    // args_not_a_number
    "{} bir sayı alır, örneğin: {} 5",
    // message_too_long
    "Mesajınız çok uzun ({} karakter); sınır {}.",
    // rate_limited
    "Çok hızlı gönderiyorsunuz. Lütfen biraz bekleyin.",
    // daily_limit_reached
    "Bugünkü {} ücretsiz mesajınızı kullandınız. Abonelik sınırı kaldırır: "
    "/subscribe",
    // queued
    "Mesajınız çeviri için sırada ve teslim edilecek.",
    // translation_failed
    "Mesajınız çevrilemedi ({}); kendi dilinizde teslim edildi.",
    // untranslated_note
    "(çevrilmedi)",
    // media_not_supported
    "Yalnızca metin iletebilirim. Lütfen mesajınızı metin olarak yazın.",
    // partner_unreachable
    "{} şu anda mesaj alamıyor.",
    // unsupported_pair
    "Bridge henüz {} ile {} arasında çeviri yapamıyor.",
    // groups_not_supported
    "Bridge yalnızca özel sohbetlerde çalışır.",
    // busy
    "Bridge şu anda meşgul; lütfen bir dakika sonra tekrar gönderin.",
    // edit_too_old
    "Yalnızca yeni mesajlardaki düzenlemeleri iletebilirim; lütfen tekrar "
    "gönderin.",
    // edited_note
    "(düzenlendi)",
    // message_refused
    "Mesajınız kaydedilemedi, bu yüzden teslim edilmedi. Lütfen başka "
    "sözcüklerle yeniden yazın.",
    // message_parked
    "Mesajınız şu anda teslim edilemedi; saklanıyor ve bir operatör yine de "
    "gönderebilir. Sonraki mesajlarınız her zamanki gibi gider.",
    // manager_left
    "{} ekipten ayrıldı; mesajlarınız artık ona ulaşmıyor. Bir ekibe "
    "katılmak için yeni bir davet kodu gönderin.",
    // worker_left
    "{} ekibinizden ayrıldı; mesajlarınız artık ona ulaşmıyor.",
    // choose_partner_language
    "Yöneticiniz şu dilde yazıyor: {}. Bridge'in bu dilden ve bu dile "
    "çevirebildiği bir dil seçin, sonra kodu tekrar gönderin.",
    // join_refused
    "{} ekibinize katılmak istedi, ancak Bridge onun diliyle sizinki "
    "arasında çeviri yapamıyor; başka bir dil seçmesi istendi.",
    // history_via
    "↪ {} üzerinden",
    // join_link_line
    "Ya da onlara bu bağlantıyı gönderin: {}",
    // code_rotated
    "Yeni davet kodunuz: {}. Eskisi artık çalışmıyor.",
    // join_requested
    "{} ekibine katılma isteğiniz gönderildi. Yanıt gelince size haber "
    "vereceğim.",
    // join_request
    "{} ekibinize katılmak istiyor.",
    // join_accept_button
    "Kabul et",
    // join_decline_button
    "Reddet",
    // join_declined_worker
    "{} ekibine katılma isteğinizi reddetti.",
    // join_declined_manager
    "{} kişisinin ekibinize katılma isteğini reddettiniz.",
    // join_already_answered
    "Bu istek zaten yanıtlandı ya da geri çekildi.",
    // worker_removed
    "{} artık ekibinizde değil.",
    // removed_by_manager
    "{} sizi ekibinden çıkardı; mesajlarınız artık ona ulaşmıyor. Bir ekibe "
    "katılmak için yeni bir davet kodu gönderin.",
    // remove_usage
    "/remove, /workers listesindeki bir çalışanın numarasını alır, örneğin: "
    "/remove 2",
    // codes_paused
    "Az önce Bridge'e çok fazla yanlış davet kodu gönderildi. Lütfen bir "
    "dakika sonra tekrar deneyin.",
    // link_invalid
    "Bu davet bağlantısı geçerli değil. Lütfen yöneticinizden yeni bir "
    "bağlantı ya da kod isteyin.",
    // link_for_manager
    "Yönetici olarak kayıtlısınız; davet bağlantıları çalışanlar içindir. "
    "Kendi kodunuz: {}.",
    // language_choose
    "Şu anki diliniz: {}. Hangi dilde yazmak istiyorsunuz?",
    // language_unknown
    "Bu dili bilmiyorum. Lütfen bunlardan birini seçin:",
    // language_same
    "Zaten bu dilde yazıyorsunuz: {}.",
    // language_unreachable
    "Bridge {} ile {} arasında çeviri yapamıyor ({} bu dilde yazıyor), bu "
    "yüzden diliniz {} olarak kalıyor.",
    // language_changed
    "Artık diliniz {}: sonraki mesajlarınız bu dilden çevrilecek. Ekibiniz "
    "olduğu gibi kalıyor.",
    // usage_free
    "Bugün kalan ücretsiz mesaj: {} / {}.",
    // usage_subscribed
    "Aboneliğiniz {} UTC tarihine kadar geçerli; günlük sınırı kaldırır.",
    // usage_no_subscription
    "Aboneliğiniz yok; ücretsiz mesajlar her gün 00:00 UTC'de yeniden başlar.",
    // daily_last_message
    "son mesaj: {}",
    // daily_open_tasks
    "açık görevler: {}",
    // menu_start
    "Kaydolun veya yardımı görün",
    // menu_help
    "Rolünüzün komutları",
    // menu_workers
    "Çalışanlarınız",
    // menu_switch
    "Kime yazacağınızı seçin",
    // menu_task
    "Geçerli çalışana görev verin",
    // menu_tasks
    "Açık görevler",
    // menu_daily
    "Çalışan başına son 24 saat",
    // menu_history
    "Son mesajlar",
    // menu_code
    "Davet kodunuz ve bağlantınız",
    // menu_newcode
    "Yeni bir davet kodu",
    // menu_remove
    "Bir çalışanı ekipten çıkarın",
    // menu_usage
    "Bugün kalan ücretsiz mesajlar",
    // menu_language
    "Dilinizi değiştirin",
    // menu_feedback
    "Operatörlere yazın",
    // menu_reset
    "Baştan başlayın",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "30 günlük abonelik {} Stars tutar ve günlük sınırı kaldırır. Buradan "
    "ödeyin: {}",
    // subscribe_failed
    "Fatura şu anda oluşturulamadı. Lütfen daha sonra /subscribe komutunu "
    "tekrar deneyin.",
    // paysupport
    "Bir ödemeyle ilgili sorunuz mu var? Sorunuzu ve ödeme tarihini /feedback "
    "ile yazın; bir operatör yanıtlar ve ödemeyi iade edebilir. Telegram "
    "desteği bu bota yapılan ödemelerde yardımcı olamaz.",
    // payment_received
    "Teşekkürler! Aboneliğiniz {} (UTC) tarihine kadar etkin. Yazmaya devam "
    "edebilirsiniz.",
    // payment_not_credited
    "Ödemeniz ulaştı ancak açık siparişlerinizden hiçbiriyle eşleşmediği için "
    "hesabınıza işlenmedi. Bir operatör inceleyecek; bkz. /paysupport.",
    // checkout_refused
    "Bu fatura size ait açık bir sipariş değil. Yenisi için /subscribe "
    "gönderin.",
    // invoice_title
    "Bridge aboneliği",
    // invoice_description
    "Günlük sınır olmadan 30 gün çevrilmiş mesajlar.",
    // menu_subscribe
    "Günlük sınırı kaldır",
    // menu_paysupport
    "Ödemelerle ilgili yardım",
    // -- media across the gap
    // media_not_translated
    "{} bir sesli veya görüntülü mesaj gönderdi. Çevrilmedi.",
    // media_kind_refused
    "Bu tür bir mesajı iletemiyorum. Metin, fotoğraf, video, belge, sesli "
    "mesaj veya çıkartma gönderin.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Ekibinizin sözlüğü, terimlerin nasıl çevrileceğini belirler. /glossary "
    "sözlüğü gösterir; /glossary add TERİM = ÇEVİRİ sizin dilinizdeki bir "
    "terimi çalışanınızın dilindeki çevirisiyle ekler (birkaç dil: /glossary "
    "add TERİM = es: …; pt: …); /glossary remove TERİM onu siler.",
    // glossary_usage_worker
    "Ekibinizin sözlüğü için bir terim önerebilirsiniz: /glossary add TERİM = "
    "ÇEVİRİ; terim yöneticinizin dilinde, çeviri sizin dilinizde olmalı. "
    "Kararı yöneticiniz verir.",
    // glossary_list
    "Ekibinizin sözlüğü ({} / {} terim):\n{}",
    // glossary_empty
    "Ekibinizin sözlüğü boş. Bir terim ekleyin: /glossary add TERİM = ÇEVİRİ.",
    // glossary_added
    "Sözlüğe eklendi: {} → {}. Ekibinizin çevirileri artık bunu kullanıyor.",
    // glossary_removed
    "Sözlükten silindi: {}.",
    // glossary_not_found
    "\"{}\" ekibinizin sözlüğünde yok.",
    // glossary_full
    "Ekibinizin sözlüğünde {} terim var; sınır bu. Önce birini silin: "
    "/glossary remove TERİM.",
    // glossary_bad_entry
    "Girdiyi şöyle yazın: /glossary add TERİM = ÇEVİRİ (veya TERİM = es: …; "
    "pt: …). İki taraf da boş olamaz; bir terim en fazla {} karakterdir ve en "
    "az bir harf ya da rakam içerir.",
    // glossary_bad_language
    "Bridge ekibinizin dili ile \"{}\" arasında çeviri yapamıyor. Olası "
    "diller: {}.",
    // glossary_which_language
    "Çevirinin hangi dilde olduğunu belirtin, örneğin /glossary add TERİM = "
    "es: …. Ekibinizin dilleri: {}.",
    // glossary_wrong_script
    "\"{}\", {} dilinin alfabesiyle yazılmamış: bu dildeki mesajlarda asla "
    "geçmez.",
    // glossary_proposed
    "Yöneticinizden {} → {} terimini ekip sözlüğüne eklemesi istendi.",
    // glossary_proposal
    "{} sözlük için bir terim öneriyor: {} → {} ({}).",
    // glossary_declined
    "Reddedildi: {} → {}.",
    // glossary_answered
    "Bu öneri zaten yanıtlandı.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Aldığınız bir çeviriyi /fix ve daha iyi ifadenizle yanıtlayın, örneğin: "
    "/fix Günaydın ekip.",
    // fix_not_translation
    "/fix yalnızca ortağınızdan aldığınız bir çeviriye yanıt olarak çalışır; "
    "bu mesaj bir çeviri değil (ya da düzeltilemeyecek kadar eski).",
    // fix_saved
    "Teşekkürler: düzeltmeniz kaydedildi ve {} bilgilendirildi.",
    // fix_writer_told
    "{}, “{}” mesajınız için daha iyi bir çeviri öneriyor: “{}” (çevirmen “{}” "
    "yazmıştı).",
    // corrections_none
    "Henüz tekrarlanan bir düzeltme yok. Ekibiniz aynı ifadeyi en az iki kez "
    "aynı şekilde düzelttiğinde, burada sözlük önerisi olarak görünür.",
    // corrections_header
    "Ekibinizin tekrarladığı düzeltmeler (sözlük önerileri):",
    // corrections_line
    "• “{}” → “{}” ({} kez)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Ekibin sözlüğü",
    // menu_fix
    "Bir çeviriyi düzelt (yanıt olarak)",
    // menu_corrections
    "Ekibinizin tekrarladığı düzeltmeler",
    // help_corrections_manager
    "/glossary – ekibin terimleri; /corrections – tekrarlanan düzeltmeler\n"
    "/fix METİN – bir çeviriye yanıt olarak: daha iyi ifadeniz",
    // help_corrections_worker
    "/fix METİN – bir çeviriye yanıt olarak: daha iyi ifadeniz",
    // -- /original --
    // menu_original
    "Çevirilerin altında orijinali göster: on, off veya auto",
    // original_current
    "Aldığınız çevirilerin altında orijinal: {}.",
    // original_changed
    "Kaydedildi. Aldığınız çevirilerin altında orijinal: {}.",
    // original_usage
    "Birini seçin:\n"
    "/original on: her zaman, her çevirinin altında\n"
    "/original off: hiçbir zaman\n"
    "/original auto: yalnızca çeviri başka bir dilden geçtiğinde (varsayılan)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Henüz düzeltme yok. Ekibinizden biri bir çeviriye /fix ile yanıt "
    "verdiğinde burada görünür; aynı düzeltme {} kez yapılırsa sözlük girdisi "
    "olarak önerilir.",
    // glossary_suggestions_header
    "Ekibinizin en son düzeltmeleri, en yenisi önce. Aynı düzeltme {} kez "
    "yapılırsa sözlük girdisi olarak önerilir.",
    // glossary_suggestions_line
    "• {}: “{}” → “{}”",
    // glossary_correction_proposal
    "Ekibiniz aynı düzeltmeyi {} kez yaptı: {} → {} ({}). Sözlüğe eklensin mi?",
    // help_glossary_suggestions
    "/glossary suggestions – ekibinizin en son düzeltmeleri; aynı şekilde "
    "tekrarlanan bir düzeltme sözlük girdisi olarak önerilir",
}};

} // namespace bridge::domain::texts_detail
