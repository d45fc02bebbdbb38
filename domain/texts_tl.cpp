// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Tagalog (tl), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_tl{{
    // welcome
    "Maligayang pagdating sa Bridge! Isinasalin ko ang usapan ninyo ng iyong "
    "team.",
    // choose_role
    "Ikaw ba ay manager o manggagawa?",
    // role_manager
    "Manager ako",
    // role_worker
    "Manggagawa ako",
    // choose_language
    "Anong wika ang ginagamit mo sa pagsulat?",
    // manager_ready
    "Nakarehistro ka bilang manager. Ang iyong invitation code ay {}. Ibigay "
    "ito sa iyong mga manggagawa; ipapadala nila ito sa akin para "
    "makakonekta sa iyo.",
    // worker_send_code
    "Pakipadala sa akin ang invitation code na ibinigay ng iyong manager "
    "(gaya ng BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Nakakonekta ka na kay {}. Sumulat dito at isasalin ko para sa iyo.",
    // manager_worker_joined
    "Sumali si {} sa iyong team. Ang mga mensahe mo ay papunta na ngayon kay "
    "{}.",
    // wrong_code
    "Walang manager na tugma sa code na iyan. Pakisuri ito at subukang muli.",
    // too_many_codes
    "Masyadong maraming maling code. Pakisubukang muli pagkalipas ng {} "
    "minuto.",
    // code_for_manager
    "Ang iyong invitation code ay {}.",
    // code_not_needed
    "Hindi kailangan ng code ang mga manager: ibigay ang sa iyo ({}) sa "
    "iyong mga manggagawa.",
    // not_registered
    "Hindi ka pa nakarehistro. Ipadala ang /start para magsimula.",
    // finish_registration
    "Pakitapos muna ang pagpaparehistro: {}",
    // no_workers
    "Wala pang manggagawang sumali. Ibigay sa kanila ang iyong code: {}.",
    // no_manager
    "Hindi ka pa nakakonekta sa isang manager. Ipadala sa akin ang kanyang "
    "invitation code.",
    // workers_list
    "Ang iyong mga manggagawa:",
    // workers_choose
    "Piliin kung sino ang tatanggap ng iyong mga mensahe:",
    // switched_to
    "Ang mga mensahe mo ay papunta na ngayon kay {}.",
    // no_such_worker
    "Walang manggagawa na numero {}. Ipadala ang /workers para makita ang "
    "listahan.",
    // task_created
    "Nagawa ang gawain #{} para kay {}.",
    // task_received
    "Bagong gawain #{} mula kay {}: {}",
    // task_done_button
    "Tapos na",
    // task_done_worker
    "Minarkahang tapos ang gawain #{}.",
    // task_done_manager
    "Natapos ni {} ang gawain #{}: {}",
    // task_already_done
    "Tapos na noon pa ang gawain #{}.",
    // tasks_none
    "Walang bukas na gawain.",
    // tasks_header
    "Mga gawain:",
    // daily_header
    "Huling 24 na oras:",
    // daily_line
    "{}: mensahe: {} · tapos na gawain: {} · bukas: {}",
    // daily_none
    "Walang nangyari sa huling 24 na oras.",
    // history_header
    "Huling {} na mensahe:",
    // history_none
    "Wala pang mensahe.",
    // reset_done
    "Na-reset ang iyong pagpaparehistro. Ipadala ang /start para magsimulang "
    "muli.",
    // feedback_thanks
    "Salamat sa iyong puna!",
    // help_manager
    "Sumulat sa iyong manggagawa at isasalin ko ito para sa kanya.\n"
    "/workers – ang iyong mga manggagawa; /switch N – sumulat kay manggagawa "
    "N\n"
    "/task TEKSTO – bigyan ng gawain ang kasalukuyang manggagawa; /tasks – "
    "mga bukas na gawain\n"
    "/daily – ang huling 24 na oras; /history [N] – mga bagong mensahe\n"
    "/code – ang iyong invitation code; /newcode – bagong code (hindi na "
    "gagana ang luma)\n"
    "/remove N – alisin si manggagawa N sa iyong team; /feedback TEKSTO; "
    "/reset\n"
    "/language – palitan ang wika mo; /usage – natitirang libreng mensahe "
    "ngayong araw",
    // help_worker
    "Sumulat sa iyong manager at isasalin ko ito para sa kanya.\n"
    "/tasks – ang iyong mga bukas na gawain; /history [N] – mga bagong "
    "mensahe\n"
    "/feedback TEKSTO; /reset\n"
    "/language – palitan ang wika mo",
    // help_new
    "Ipadala ang /start para magparehistro bilang manager o manggagawa.",
    // unknown_command
    "Hindi ko kilala ang command na {}. Ipadala ang /help para sa listahan.",
    // args_missing
    "Kailangan ng {} ng teksto pagkatapos nito, halimbawa: {} tawagan ang "
    "supplier",
    // args_unexpected
    "Walang kasunod ang {}.",
    // args_too_long
    "Masyadong mahaba iyan para sa {}.",
    // args_not_a_number
    "Kailangan ng {} ng numero, halimbawa: {} 5",
    // message_too_long
    "Masyadong mahaba ang iyong mensahe ({} na character); ang limitasyon ay "
    "{}.",
    // rate_limited
    "Masyado kang mabilis magpadala. Pakihintay sandali.",
    // daily_limit_reached
    "Nagamit mo na ang {} na libreng mensahe ngayong araw. Inaalis ng "
    "subscription ang limitasyon: /subscribe",
    // queued
    "Nakapila ang iyong mensahe para isalin at ihahatid ito.",
    // translation_failed
    "Hindi maisalin ang iyong mensahe ({}); inihatid ito sa iyong wika.",
    // untranslated_note
    "(hindi naisalin)",
    // media_not_supported
    "Teksto lang ang kaya kong ipasa. Pakisulat ang iyong mensahe bilang "
    "teksto.",
    // partner_unreachable
    "Hindi makatanggap ng mensahe si {} sa ngayon.",
    // unsupported_pair
    "Hindi pa kayang magsalin ng Bridge sa pagitan ng {} at {}.",
    // groups_not_supported
    "Sa mga pribadong chat lang gumagana ang Bridge.",
    // busy
    "Abala ang Bridge ngayon; pakipadala iyan muli pagkalipas ng isang "
    "minuto.",
    // edit_too_old
    "Mga edit lang ng mga bagong mensahe ang kaya kong ipasa; pakipadala "
    "itong muli.",
    // edited_note
    "(na-edit)",
    // message_refused
    "Hindi maitago ang iyong mensahe kaya hindi ito naihatid. Pakisulat "
    "itong muli sa ibang salita.",
    // message_parked
    "Hindi maihatid ngayon ang iyong mensahe; nakatago ito at maaari pa "
    "itong ipadala ng isang operator. Tuloy-tuloy ang susunod mong mga "
    "mensahe gaya ng dati.",
    // manager_left
    "Umalis si {} sa team; hindi na umaabot sa kanya ang iyong mga mensahe. "
    "Magpadala ng bagong invitation code para sumali sa isang team.",
    // worker_left
    "Umalis si {} sa iyong team; hindi na umaabot sa kanya ang iyong mga "
    "mensahe.",
    // choose_partner_language
    "Sumusulat ang iyong manager sa {}. Pumili ng wikang kayang isalin ng "
    "Bridge mula at papunta rito, saka ipadala muli ang code.",
    // join_refused
    "Sinubukan ni {} na sumali sa iyong team, pero hindi kayang magsalin ng "
    "Bridge sa pagitan ng kanyang wika at ng sa iyo; hiniling sa kanyang "
    "pumili ng ibang wika.",
    // history_via
    "↪ sa pamamagitan ng {}",
    // join_link_line
    "O ipadala sa kanila ang link na ito: {}",
    // code_rotated
    "Ang bago mong invitation code ay {}. Hindi na gumagana ang luma.",
    // join_requested
    "Naipadala na ang iyong kahilingang sumali sa team ni {}. Sasabihan kita "
    "kapag sumagot siya.",
    // join_request
    "Gustong sumali ni {} sa iyong team.",
    // join_accept_button
    "Tanggapin",
    // join_decline_button
    "Tanggihan",
    // join_declined_worker
    "Tinanggihan ni {} ang iyong kahilingang sumali sa kanyang team.",
    // join_declined_manager
    "Tinanggihan mo ang kahilingan ni {} na sumali sa iyong team.",
    // join_already_answered
    "Nasagot na o binawi na ang kahilingang iyon.",
    // worker_removed
    "Wala na si {} sa iyong team.",
    // removed_by_manager
    "Inalis ka ni {} sa kanyang team; hindi na umaabot sa kanya ang iyong "
    "mga mensahe. Magpadala ng bagong invitation code para sumali sa isang "
    "team.",
    // remove_usage
    "Kailangan ng /remove ang numero ng isang manggagawa sa /workers, "
    "halimbawa: /remove 2",
    // codes_paused
    "Masyadong maraming maling invitation code ang naipadala sa Bridge "
    "kanina lang. Pakisubukang muli pagkalipas ng isang minuto.",
    // link_invalid
    "Hindi wasto ang invitation link na ito. Humingi sa iyong manager ng "
    "bagong link o code.",
    // link_for_manager
    "Nakarehistro ka bilang manager; para sa mga manggagawa ang mga "
    "invitation link. Ang sarili mong code ay {}.",
    // language_choose
    "Ang wika mo ngayon: {}. Anong wika ang gusto mong gamitin sa pagsulat?",
    // language_unknown
    "Hindi ko kilala ang wikang iyan. Pumili ng isa sa mga ito:",
    // language_same
    "Ito na ang wika mo: {}.",
    // language_unreachable
    "Hindi kayang magsalin ng Bridge sa pagitan ng {} at {} (ang wikang "
    "ginagamit ni {}), kaya mananatili ang wika mo: {}.",
    // language_changed
    "Mula ngayon, {} na ang wika mo: isasalin mula rito ang mga susunod mong "
    "mensahe. Mananatili ang team mo.",
    // usage_free
    "Natitirang libreng mensahe ngayong araw: {} sa {}.",
    // usage_subscribed
    "May bisa ang subscription mo hanggang {} UTC; inaalis nito ang arawang "
    "limitasyon.",
    // usage_no_subscription
    "Wala kang subscription; nagsisimula ulit ang mga libreng mensahe "
    "araw-araw nang 00:00 UTC.",
    // daily_last_message
    "huling mensahe: {}",
    // daily_open_tasks
    "bukas na gawain: {}",
    // menu_start
    "Magparehistro o tingnan ang tulong",
    // menu_help
    "Ang mga utos para sa papel mo",
    // menu_workers
    "Ang mga manggagawa mo",
    // menu_switch
    "Piliin kung kanino ka sumusulat",
    // menu_task
    "Bigyan ng gawain ang kasalukuyang manggagawa",
    // menu_tasks
    "Mga bukas na gawain",
    // menu_daily
    "Ang huling 24 oras bawat manggagawa",
    // menu_history
    "Mga kamakailang mensahe",
    // menu_code
    "Ang invitation code at link mo",
    // menu_newcode
    "Bagong invitation code",
    // menu_remove
    "Alisin ang isang manggagawa sa team mo",
    // menu_usage
    "Natitirang libreng mensahe ngayong araw",
    // menu_language
    "Palitan ang wika mo",
    // menu_feedback
    "Sumulat sa mga operator",
    // menu_reset
    "Magsimula ulit",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Ang 30-araw na subscription ay {} Stars at inaalis ang pang-araw-araw na "
    "limitasyon. Magbayad dito: {}",
    // subscribe_failed
    "Hindi magawa ang invoice sa ngayon. Pakisubukan muli ang /subscribe "
    "mamaya.",
    // paysupport
    "May tanong tungkol sa bayad? Isulat ang /feedback kasama ang tanong mo at "
    "ang petsa ng bayad; sasagot ang isang operator at maaari itong i-refund. "
    "Hindi makakatulong ang suporta ng Telegram sa mga bayad sa bot na ito.",
    // payment_received
    "Salamat! Aktibo ang subscription mo hanggang {} (UTC). Magpatuloy sa "
    "pagsulat.",
    // payment_not_credited
    "Dumating ang bayad mo pero hindi ito tugma sa alinmang bukas mong order, "
    "kaya hindi ito naitala. Titingnan ito ng isang operator; tingnan ang "
    "/paysupport.",
    // checkout_refused
    "Hindi mo bukas na order ang invoice na ito. Magpadala ng /subscribe para "
    "sa bago.",
    // invoice_title
    "Subscription sa Bridge",
    // invoice_description
    "30 araw ng mga isinaling mensahe nang walang pang-araw-araw na "
    "limitasyon.",
    // menu_subscribe
    "Alisin ang pang-araw-araw na limitasyon",
    // menu_paysupport
    "Tulong sa pagbabayad",
    // -- media across the gap
    // media_not_translated
    "Nagpadala si {} ng voice o video message. Hindi ito naisalin.",
    // media_kind_refused
    "Hindi ko maipapasa ang ganitong uri ng mensahe. Magpadala ng text, "
    "larawan, video, dokumento, voice message o sticker.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Itinatakda ng glossary ng iyong team kung paano isinasalin ang mga "
    "termino nito. Ipinapakita ito ng /glossary; ang /glossary add TERMINO = "
    "SALIN ay nagdaragdag ng termino sa iyong wika kasama ang salin nito sa "
    "wika ng iyong worker (ilang wika: /glossary add TERMINO = es: …; pt: …); "
    "inaalis ito ng /glossary remove TERMINO.",
    // glossary_usage_worker
    "Maaari kang magmungkahi ng termino para sa glossary ng iyong team: "
    "/glossary add TERMINO = SALIN, ang termino sa wika ng iyong manager at "
    "ang salin sa wika mo. Ang manager mo ang magpapasya.",
    // glossary_list
    "Glossary ng iyong team ({} sa {} na termino):\n{}",
    // glossary_empty
    "Walang laman ang glossary ng iyong team. Magdagdag ng termino gamit ang "
    "/glossary add TERMINO = SALIN.",
    // glossary_added
    "Naidagdag sa glossary: {} → {}. Gagamitin na ito ng mga salin ng iyong "
    "team.",
    // glossary_removed
    "Inalis sa glossary: {}.",
    // glossary_not_found
    "Wala ang \"{}\" sa glossary ng iyong team.",
    // glossary_full
    "May {} na termino na ang glossary ng iyong team, ang hangganan nito. "
    "Mag-alis muna ng isa gamit ang /glossary remove TERMINO.",
    // glossary_bad_entry
    "Isulat ang entry nang ganito: /glossary add TERMINO = SALIN (o TERMINO = "
    "es: …; pt: …). Walang panig na puwedeng walang laman, at ang termino ay "
    "hanggang {} na karakter, na may kahit isang titik o numero.",
    // glossary_bad_language
    "Hindi kayang magsalin ng Bridge sa pagitan ng wika ng iyong team at "
    "\"{}\". Mga posibleng wika: {}.",
    // glossary_which_language
    "Sabihin kung anong wika ang salin, halimbawa /glossary add TERMINO = es: "
    "…. Mga wika ng iyong team: {}.",
    // glossary_wrong_script
    "Ang \"{}\" ay hindi nakasulat sa alpabeto ng {}: hindi ito kailanman "
    "lalabas sa mga mensahe sa wikang iyon.",
    // glossary_proposed
    "Hiniling sa iyong manager na idagdag ang {} → {} sa glossary ng team.",
    // glossary_proposal
    "Nagmumungkahi si {} ng termino para sa glossary: {} → {} ({}).",
    // glossary_declined
    "Tinanggihan: {} → {}.",
    // glossary_answered
    "Nasagot na ang mungkahing ito.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Sagutin ang natanggap mong salin gamit ang /fix at ang mas mahusay mong "
    "bersyon, halimbawa: /fix Magandang umaga, team.",
    // fix_not_translation
    "Gumagana lang ang /fix bilang sagot sa saling natanggap mo mula sa iyong "
    "kausap, at hindi salin ang mensaheng ito (o masyado na itong luma para "
    "itama).",
    // fix_saved
    "Salamat: naitala ang iyong pagtatama at nasabihan na si {}.",
    // fix_writer_told
    "Nagmumungkahi si {} ng mas mahusay na salin ng iyong mensaheng “{}”: “{}” "
    "(ang isinulat ng tagasalin ay “{}”).",
    // corrections_none
    "Wala pang pagtatamang naulit. Kapag itinama ng iyong team ang parehong "
    "pahayag sa parehong paraan nang hindi bababa sa dalawang beses, lalabas "
    "ito rito bilang mungkahi para sa glosaryo.",
    // corrections_header
    "Mga pagtatamang inulit ng iyong team (mga mungkahi para sa glosaryo):",
    // corrections_line
    "• “{}” → “{}” ({} beses)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Ang glosaryo ng team",
    // menu_fix
    "Itama ang isang salin (bilang sagot dito)",
    // menu_corrections
    "Mga pagtatamang inulit ng iyong team",
    // help_corrections_manager
    "/glossary – ang mga termino ng team; /corrections – mga inulit na "
    "pagtatama\n"
    "/fix TEKSTO – bilang sagot sa isang salin: ang mas mahusay mong bersyon",
    // help_corrections_worker
    "/fix TEKSTO – bilang sagot sa isang salin: ang mas mahusay mong bersyon",
    // -- /original --
    // menu_original
    "Ipakita ang orihinal sa ilalim ng mga salin: on, off o auto",
    // original_current
    "Orihinal sa ilalim ng mga saling natatanggap mo: {}.",
    // original_changed
    "Na-save. Orihinal sa ilalim ng mga saling natatanggap mo: {}.",
    // original_usage
    "Pumili ng isa:\n"
    "/original on: palagi, sa ilalim ng bawat salin\n"
    "/original off: hindi kailanman\n"
    "/original auto: kapag dumaan lang ang salin sa ibang wika (ang default)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Wala pang pagwawasto. Kapag may kasama sa team mo na sumagot ng /fix sa "
    "isang salin, lalabas ito rito; ang parehong pagwawasto na ginawa nang {} "
    "beses ay imumungkahi bilang entry ng glosaryo.",
    // glossary_suggestions_header
    "Ang mga pinakabagong pagwawasto ng team mo, nauuna ang pinakabago. Ang "
    "parehong pagwawasto na ginawa nang {} beses ay imumungkahi bilang entry "
    "ng glosaryo.",
    // glossary_suggestions_line
    "• {}: “{}” → “{}”",
    // glossary_correction_proposal
    "Ginawa ng team mo ang parehong pagwawasto nang {} beses: {} → {} ({}). "
    "Idagdag ba sa glosaryo?",
    // help_glossary_suggestions
    "/glossary suggestions – ang mga pinakabagong pagwawasto ng team mo; ang "
    "inulit nang pareho ay imumungkahi bilang entry ng glosaryo",
}};

} // namespace bridge::domain::texts_detail
