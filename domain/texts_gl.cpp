// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Galician (gl), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_gl{{
    // welcome
    "Benvido a Bridge! Traduzo entre ti e o teu equipo.",
    // choose_role
    "Es xerente ou traballador?",
    // role_manager
    "Son xerente",
    // role_worker
    "Son traballador",
    // choose_language
    "En que lingua escribes?",
    // manager_ready
    "Estás rexistrado como xerente. O teu código de convite é {}. Dállo aos "
    "teus traballadores; eles envíanmo para conectarse contigo.",
    // worker_send_code
    "Envíame o código de convite que che deu o teu xerente (como "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Estás conectado con {}. Escribe aquí e traducirei por ti.",
    // manager_worker_joined
    "{} uniuse ao teu equipo. As túas mensaxes agora van a {}.",
    // wrong_code
    "Ese código non corresponde a ningún xerente. Revísao e téntao de novo.",
    // too_many_codes
    "Demasiados códigos incorrectos. Téntao de novo en {} minutos.",
    // code_for_manager
    "O teu código de convite é {}.",
    // code_not_needed
    "Os xerentes non precisan código: dálles o teu ({}) aos teus "
    "traballadores.",
    // not_registered
    "Aínda non estás rexistrado. Envía /start para comezar.",
    // finish_registration
    "Primeiro remata o rexistro: {}",
    // no_workers
    "Aínda non se uniu ningún traballador. Dálles o teu código: {}.",
    // no_manager
    "Aínda non estás conectado cun xerente. Envíame o seu código de convite.",
    // workers_list
    "Os teus traballadores:",
    // workers_choose
    "Escolle quen recibe as túas mensaxes:",
    // switched_to
    "As túas mensaxes agora van a {}.",
    // no_such_worker
    "Non hai ningún traballador número {}. Envía /workers para ver a lista.",
    // task_created
    "Tarefa n.º {} creada para {}.",
    // task_received
    "Nova tarefa n.º {} de {}: {}",
    // task_done_button
    "Feito",
    // task_done_worker
    "Tarefa n.º {} marcada como feita.",
    // task_done_manager
    "{} rematou a tarefa n.º {}: {}",
    // task_already_done
    "A tarefa n.º {} xa estaba feita.",
    // tasks_none
    "Non hai tarefas abertas.",
    // tasks_header
    "Tarefas:",
    // daily_header
    "Últimas 24 horas:",
    // daily_line
    "{}: mensaxes: {} · tarefas feitas: {} · abertas: {}",
    // daily_none
    "Non pasou nada nas últimas 24 horas.",
    // history_header
    "Últimas {} mensaxes:",
    // history_none
    "Aínda non hai mensaxes.",
    // reset_done
    "O teu rexistro reiniciouse. Envía /start para comezar de novo.",
    // feedback_thanks
    "Grazas polos teus comentarios!",
    // help_manager
    "Escríbelle ao teu traballador e eu tradúzollo.\n"
    "/workers – os teus traballadores; /switch N – escribir ao traballador "
    "N\n"
    "/task TEXTO – darlle unha tarefa ao traballador actual; /tasks – "
    "tarefas abertas\n"
    "/daily – as últimas 24 horas; /history [N] – mensaxes recentes\n"
    "/code – o teu código de convite; /newcode – un novo (o anterior deixa "
    "de funcionar)\n"
    "/remove N – quitar o traballador N do teu equipo; /feedback TEXTO; "
    "/reset\n"
    "/language – cambiar a túa lingua; /usage – mensaxes gratuítas que quedan "
    "hoxe",
    // help_worker
    "Escríbelle ao teu xerente e eu tradúzollo.\n"
    "/tasks – as túas tarefas abertas; /history [N] – mensaxes recentes\n"
    "/feedback TEXTO; /reset\n"
    "/language – cambiar a túa lingua",
    // help_new
    "Envía /start para rexistrarte como xerente ou traballador.",
    // unknown_command
    "Non coñezo o comando {}. Envía /help para ver a lista.",
    // args_missing
    "{} precisa un texto despois, por exemplo: {} chamar ao provedor",
    // args_unexpected
    "{} non leva nada despois.",
    // args_too_long
    "É demasiado longo para {}.",
    // args_not_a_number
    "{} leva un número, por exemplo: {} 5",
    // message_too_long
    "A túa mensaxe é demasiado longa ({} caracteres); o límite é {}.",
    // rate_limited
    "Estás enviando demasiado rápido. Agarda un momento.",
    // daily_limit_reached
    "Usaches as {} mensaxes gratuítas de hoxe. Unha subscrición quita o "
    "límite: /subscribe",
    // queued
    "A túa mensaxe está na cola para traducir e será entregada.",
    // translation_failed
    "A túa mensaxe non se puido traducir ({}); entregouse na túa lingua.",
    // untranslated_note
    "(sen traducir)",
    // media_not_supported
    "Só podo pasar texto. Escribe a túa mensaxe como texto.",
    // partner_unreachable
    "{} non pode recibir mensaxes agora.",
    // unsupported_pair
    "Bridge aínda non pode traducir entre {} e {}.",
    // groups_not_supported
    "Bridge só funciona en conversas privadas.",
    // busy
    "Bridge está ocupado; envía iso de novo nun minuto.",
    // edit_too_old
    "Só podo levar edicións de mensaxes recentes; envíaa de novo.",
    // edited_note
    "(editado)",
    // message_refused
    "A túa mensaxe non se puido gardar, así que non se entregou. Escríbea de "
    "novo con outras palabras.",
    // message_parked
    "A túa mensaxe non se puido entregar agora; queda gardada e un operador "
    "aínda pode enviala. As túas seguintes mensaxes seguen como sempre.",
    // manager_left
    "{} deixou o equipo; as túas mensaxes xa non lle chegan. Envía un novo "
    "código de convite para unirte a un equipo.",
    // worker_left
    "{} deixou o teu equipo; as túas mensaxes xa non lle chegan.",
    // choose_partner_language
    "O teu xerente escribe en {}. Escolle unha lingua que Bridge poida "
    "traducir desde e cara a esa, e logo envía o código de novo.",
    // join_refused
    "{} intentou unirse ao teu equipo, pero Bridge non pode traducir entre a "
    "súa lingua e a túa; pedíuselle que escolla outra lingua.",
    // history_via
    "↪ vía {}",
    // join_link_line
    "Ou envíalles esta ligazón: {}",
    // code_rotated
    "O teu novo código de convite é {}. O anterior xa non funciona.",
    // join_requested
    "Enviouse a túa solicitude para unirte ao equipo de {}. Avisareite cando "
    "responda.",
    // join_request
    "{} quere unirse ao teu equipo.",
    // join_accept_button
    "Aceptar",
    // join_decline_button
    "Rexeitar",
    // join_declined_worker
    "{} rexeitou a túa solicitude para unirte ao seu equipo.",
    // join_declined_manager
    "Rexeitaches a solicitude de {} para unirse ao teu equipo.",
    // join_already_answered
    "Esa solicitude xa foi respondida ou retirada.",
    // worker_removed
    "{} xa non está no teu equipo.",
    // removed_by_manager
    "{} quitoute do seu equipo; as túas mensaxes xa non lle chegan. Envía un "
    "novo código de convite para unirte a un equipo.",
    // remove_usage
    "/remove leva o número dun traballador de /workers, por exemplo: /remove "
    "2",
    // codes_paused
    "Acaban de enviarse a Bridge demasiados códigos de convite incorrectos. "
    "Téntao de novo nun minuto.",
    // link_invalid
    "Esta ligazón de convite non é válida. Pídelle ao teu xerente unha "
    "ligazón ou código novo.",
    // link_for_manager
    "Estás rexistrado como xerente; as ligazóns de convite son para "
    "traballadores. O teu código é {}.",
    // language_choose
    "Agora escribes en {}. En que lingua queres escribir?",
    // language_unknown
    "Non coñezo esa lingua. Escolle unha destas:",
    // language_same
    "Xa escribes en {}.",
    // language_unreachable
    "Bridge non pode traducir entre {} e {}, a lingua en que escribe {}, así "
    "que a túa lingua segue sendo {}.",
    // language_changed
    "Desde agora escribes en {}: as túas próximas mensaxes tradúcense desde "
    "esa lingua. O teu equipo segue igual.",
    // usage_free
    "Mensaxes gratuítas que che quedan hoxe: {} de {}.",
    // usage_subscribed
    "A túa subscrición dura ata o {} UTC; quita o límite diario.",
    // usage_no_subscription
    "Non tes subscrición; as mensaxes gratuítas volven empezar cada día ás "
    "00:00 UTC.",
    // daily_last_message
    "última mensaxe: {}",
    // daily_open_tasks
    "tarefas abertas: {}",
    // menu_start
    "Rexistrarte ou ver a axuda",
    // menu_help
    "As ordes do teu rol",
    // menu_workers
    "Os teus traballadores",
    // menu_switch
    "Escoller a quen escribes",
    // menu_task
    "Dar unha tarefa ao traballador actual",
    // menu_tasks
    "Tarefas abertas",
    // menu_daily
    "As últimas 24 horas por traballador",
    // menu_history
    "Mensaxes recentes",
    // menu_code
    "O teu código e ligazón de convite",
    // menu_newcode
    "Un código de convite novo",
    // menu_remove
    "Sacar un traballador do teu equipo",
    // menu_usage
    "Mensaxes gratuítas que quedan hoxe",
    // menu_language
    "Cambiar a túa lingua",
    // menu_feedback
    "Escribir aos operadores",
    // menu_reset
    "Comezar de novo",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Unha subscrición de 30 días custa {} Stars e quita o límite diario. Paga "
    "aquí: {}",
    // subscribe_failed
    "Agora non se puido crear a factura. Volve probar /subscribe máis tarde.",
    // paysupport
    "Dúbidas sobre un pagamento? Escribe /feedback coa túa pregunta e a data "
    "do pagamento; un operador responderache e pode reembolsalo. O soporte de "
    "Telegram non pode axudar con pagamentos feitos a este bot.",
    // payment_received
    "Grazas! A túa subscrición está activa ata o {} (UTC). Segue escribindo.",
    // payment_not_credited
    "O teu pagamento chegou, pero non corresponde a ningún pedido aberto teu, "
    "así que non se aboou. Un operador revisarao; mira /paysupport.",
    // checkout_refused
    "Esta factura non é un pedido aberto teu. Envía /subscribe para obter unha "
    "nova.",
    // invoice_title
    "Subscrición a Bridge",
    // invoice_description
    "30 días de mensaxes traducidas sen límite diario.",
    // menu_subscribe
    "Quitar o límite diario",
    // menu_paysupport
    "Axuda cos pagamentos",
    // -- media across the gap
    // media_not_translated
    "{} enviou unha mensaxe de voz ou de vídeo. Non se traduciu.",
    // media_kind_refused
    "Non podo pasar este tipo de mensaxe. Envía texto, fotos, vídeos, "
    "documentos, mensaxes de voz ou adhesivos.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "O glosario do teu equipo fixa como se traducen os seus termos. /glossary "
    "móstrao; /glossary add TERMO = TRADUCIÓN engade un termo no teu idioma "
    "coa súa tradución ao do teu traballador (varios idiomas: /glossary add "
    "TERMO = es: …; pt: …); /glossary remove TERMO elimínao.",
    // glossary_usage_worker
    "Podes propor un termo para o glosario do teu equipo: /glossary add TERMO "
    "= TRADUCIÓN, co termo no idioma do teu xerente e a tradución no teu. O "
    "teu xerente decide.",
    // glossary_list
    "Glosario do teu equipo ({} de {} termos):\n{}",
    // glossary_empty
    "O glosario do teu equipo está baleiro. Engade un termo con /glossary add "
    "TERMO = TRADUCIÓN.",
    // glossary_added
    "Engadido ao glosario: {} → {}. Desde agora úsano as traducións do teu "
    "equipo.",
    // glossary_removed
    "Eliminado do glosario: {}.",
    // glossary_not_found
    "{} non está no glosario do teu equipo.",
    // glossary_full
    "O glosario do teu equipo ten {} termos, o seu límite. Elimina antes un "
    "con /glossary remove TERMO.",
    // glossary_bad_entry
    "Escribe a entrada así: /glossary add TERMO = TRADUCIÓN (ou TERMO = es: …; "
    "pt: …). Ningún lado pode estar baleiro, e un termo ten como máximo {} "
    "caracteres, polo menos un deles letra ou díxito.",
    // glossary_bad_language
    "Bridge non pode traducir entre o idioma do teu equipo e «{}». Idiomas "
    "posibles: {}.",
    // glossary_which_language
    "Indica en que idioma está a tradución, por exemplo /glossary add TERMO = "
    "es: …. Idiomas do teu equipo: {}.",
    // glossary_wrong_script
    "«{}» non está escrito no alfabeto do idioma {}: as mensaxes nese idioma "
    "nunca o conterían.",
    // glossary_proposed
    "Pedíuselle ao teu xerente que engada {} → {} ao glosario do equipo.",
    // glossary_proposal
    "{} propón un termo para o glosario: {} → {} ({}).",
    // glossary_declined
    "Rexeitado: {} → {}.",
    // glossary_answered
    "Esta proposta xa foi respondida.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Responde a unha tradución que recibiches con /fix e a túa versión mellor, "
    "por exemplo: /fix Bos días, equipo.",
    // fix_not_translation
    "/fix só funciona como resposta a unha tradución que recibiches do teu "
    "compañeiro, e esta mensaxe non o é (ou é demasiado antiga para "
    "corrixila).",
    // fix_saved
    "Grazas: a túa corrección gardouse e avisouse a {}.",
    // fix_writer_told
    "{} propón unha tradución mellor da túa mensaxe «{}»: «{}» (o tradutor "
    "escribira «{}»).",
    // corrections_none
    "Aínda non se repetiu ningunha corrección. Cando o teu equipo corrixa a "
    "mesma expresión do mesmo xeito polo menos dúas veces, aparecerá aquí como "
    "proposta para o glosario.",
    // corrections_header
    "Correccións que repetiu o teu equipo (propostas para o glosario):",
    // corrections_line
    "• «{}» → «{}» ({} veces)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "O glosario do equipo",
    // menu_fix
    "Corrixir unha tradución (como resposta)",
    // menu_corrections
    "Correccións que repetiu o teu equipo",
    // help_corrections_manager
    "/glossary – os termos do equipo; /corrections – correccións repetidas\n"
    "/fix TEXTO – como resposta a unha tradución: a túa versión mellor",
    // help_corrections_worker
    "/fix TEXTO – como resposta a unha tradución: a túa versión mellor",
    // -- /original --
    // menu_original
    "Amosar o orixinal baixo as traducións: on, off ou auto",
    // original_current
    "Orixinais baixo as traducións que recibes: {}.",
    // original_changed
    "Gardado. Orixinais baixo as traducións que recibes: {}.",
    // original_usage
    "Escolle unha opción:\n"
    "/original on: sempre, baixo cada tradución\n"
    "/original off: nunca\n"
    "/original auto: só cando a tradución pasou por outra lingua (a opción "
    "predeterminada)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Aínda non hai correccións. Cando alguén do teu equipo responde /fix a "
    "unha tradución, aparece aquí; a mesma corrección feita {} veces proponse "
    "como entrada do glosario.",
    // glossary_suggestions_header
    "As últimas correccións do teu equipo, primeiro as máis recentes. A mesma "
    "corrección feita {} veces proponse como entrada do glosario.",
    // glossary_suggestions_line
    "• {}: «{}» → «{}»",
    // glossary_correction_proposal
    "O teu equipo fixo a mesma corrección {} veces: {} → {} ({}). Engádoa ao "
    "glosario?",
    // help_glossary_suggestions
    "/glossary suggestions – as últimas correccións do teu equipo; unha "
    "repetida igual proponse como entrada do glosario",
}};

} // namespace bridge::domain::texts_detail
