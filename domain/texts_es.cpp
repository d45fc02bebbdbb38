// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Spanish (es), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_es{{
    // welcome
    "¡Bienvenido a Bridge! Traduzco entre tú y tu equipo.",
    // choose_role
    "¿Eres gerente o trabajador?",
    // role_manager
    "Soy gerente",
    // role_worker
    "Soy trabajador",
    // choose_language
    "¿En qué idioma escribes?",
    // manager_ready
    "Estás registrado como gerente. Tu código de invitación es {}. Dáselo a "
    "tus trabajadores; ellos me lo envían para conectarse contigo.",
    // worker_send_code
    "Envíame el código de invitación que te dio tu gerente (como "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Estás conectado con {}. Escribe aquí y yo traduciré por ti.",
    // manager_worker_joined
    "{} se unió a tu equipo. Tus mensajes ahora van a {}.",
    // wrong_code
    "Ese código no corresponde a ningún gerente. Revísalo e inténtalo de "
    "nuevo.",
    // too_many_codes
    "Demasiados códigos incorrectos. Inténtalo de nuevo en {} minutos.",
    // code_for_manager
    "Tu código de invitación es {}.",
    // code_not_needed
    "Los gerentes no necesitan código: da el tuyo ({}) a tus trabajadores.",
    // not_registered
    "Aún no estás registrado. Envía /start para empezar.",
    // finish_registration
    "Primero termina de registrarte: {}",
    // no_workers
    "Aún no se ha unido ningún trabajador. Dales tu código: {}.",
    // no_manager
    "Aún no estás conectado con un gerente. Envíame su código de invitación.",
    // workers_list
    "Tus trabajadores:",
    // workers_choose
    "Elige quién recibe tus mensajes:",
    // switched_to
    "Tus mensajes ahora van a {}.",
    // no_such_worker
    "No hay trabajador número {}. Envía /workers para ver la lista.",
    // task_created
    "Tarea n.º {} creada para {}.",
    // task_received
    "Nueva tarea n.º {} de {}: {}",
    // task_done_button
    "Hecho",
    // task_done_worker
    "Tarea n.º {} marcada como hecha.",
    // task_done_manager
    "{} terminó la tarea n.º {}: {}",
    // task_already_done
    "La tarea n.º {} ya estaba hecha.",
    // tasks_none
    "No hay tareas abiertas.",
    // tasks_header
    "Tareas:",
    // daily_header
    "Últimas 24 horas:",
    // daily_line
    "{}: mensajes: {} · tareas hechas: {} · abiertas: {}",
    // daily_none
    "No pasó nada en las últimas 24 horas.",
    // history_header
    "Últimos {} mensajes:",
    // history_none
    "Aún no hay mensajes.",
    // reset_done
    "Tu registro se reinició. Envía /start para empezar de nuevo.",
    // feedback_thanks
    "¡Gracias por tus comentarios!",
    // help_manager
    "Escribe a tu trabajador y yo se lo traduzco.\n"
    "/workers – tus trabajadores; /switch N – escribir al trabajador N\n"
    "/task TEXTO – dar una tarea al trabajador actual; /tasks – tareas "
    "abiertas\n"
    "/daily – las últimas 24 horas; /history [N] – mensajes recientes\n"
    "/code – tu código de invitación; /newcode – uno nuevo (el anterior deja "
    "de funcionar)\n"
    "/remove N – quitar al trabajador N de tu equipo; /feedback TEXTO; /reset\n"
    "/language – cambiar tu idioma; /usage – mensajes gratuitos que quedan hoy",
    // help_worker
    "Escribe a tu gerente y yo se lo traduzco.\n"
    "/tasks – tus tareas abiertas; /history [N] – mensajes recientes\n"
    "/feedback TEXTO; /reset\n"
    "/language – cambiar tu idioma",
    // help_new
    "Envía /start para registrarte como gerente o trabajador.",
    // unknown_command
    "No conozco el comando {}. Envía /help para ver la lista.",
    // args_missing
    "{} necesita un texto después, por ejemplo: {} llamar al proveedor",
    // args_unexpected
    "{} no lleva nada después.",
    // args_too_long
    "Es demasiado largo para {}.",
    // args_not_a_number
    "{} lleva un número, por ejemplo: {} 5",
    // message_too_long
    "Tu mensaje es demasiado largo ({} caracteres); el límite es {}.",
    // rate_limited
    "Estás enviando demasiado rápido. Espera un momento.",
    // daily_limit_reached
    "Usaste los {} mensajes gratuitos de hoy. Una suscripción quita el límite: "
    "/subscribe",
    // queued
    "Tu mensaje está en cola para traducir y será entregado.",
    // translation_failed
    "Tu mensaje no se pudo traducir ({}); se entregó en tu idioma.",
    // untranslated_note
    "(sin traducir)",
    // media_not_supported
    "Solo puedo pasar texto. Escribe tu mensaje como texto.",
    // partner_unreachable
    "{} no puede recibir mensajes ahora.",
    // unsupported_pair
    "Bridge aún no puede traducir entre {} y {}.",
    // groups_not_supported
    "Bridge solo funciona en chats privados.",
    // busy
    "Bridge está ocupado; envía eso de nuevo en un minuto.",
    // edit_too_old
    "Solo puedo llevar ediciones de mensajes recientes; envíalo de nuevo.",
    // edited_note
    "(editado)",
    // message_refused
    "Tu mensaje no se pudo guardar, así que no se entregó. Escríbelo de "
    "nuevo con otras palabras.",
    // message_parked
    "Tu mensaje no se pudo entregar ahora; queda guardado y un operador aún "
    "puede enviarlo. Tus siguientes mensajes siguen como siempre.",
    // manager_left
    "{} dejó el equipo; tus mensajes ya no le llegan. Envía un nuevo código "
    "de invitación para unirte a un equipo.",
    // worker_left
    "{} dejó tu equipo; tus mensajes ya no le llegan.",
    // choose_partner_language
    "Tu gerente escribe en {}. Elige un idioma que Bridge pueda traducir "
    "desde y hacia ese, y luego envía el código de nuevo.",
    // join_refused
    "{} intentó unirse a tu equipo, pero Bridge no puede traducir entre su "
    "idioma y el tuyo; se le pidió elegir otro idioma.",
    // history_via
    "↪ vía {}",
    // join_link_line
    "O envíales este enlace: {}",
    // code_rotated
    "Tu nuevo código de invitación es {}. El anterior ya no funciona.",
    // join_requested
    "Se envió tu solicitud para unirte al equipo de {}. Te avisaré cuando "
    "responda.",
    // join_request
    "{} quiere unirse a tu equipo.",
    // join_accept_button
    "Aceptar",
    // join_decline_button
    "Rechazar",
    // join_declined_worker
    "{} rechazó tu solicitud para unirte a su equipo.",
    // join_declined_manager
    "Rechazaste la solicitud de {} para unirse a tu equipo.",
    // join_already_answered
    "Esa solicitud ya fue respondida o retirada.",
    // worker_removed
    "{} ya no está en tu equipo.",
    // removed_by_manager
    "{} te quitó de su equipo; tus mensajes ya no le llegan. Envía un nuevo "
    "código de invitación para unirte a un equipo.",
    // remove_usage
    "/remove lleva el número de un trabajador de /workers, por ejemplo: "
    "/remove 2",
    // codes_paused
    "Se enviaron demasiados códigos de invitación incorrectos a Bridge. "
    "Inténtalo de nuevo en un minuto.",
    // link_invalid
    "Este enlace de invitación no es válido. Pide a tu gerente un enlace o "
    "código nuevo.",
    // link_for_manager
    "Estás registrado como gerente; los enlaces de invitación son para "
    "trabajadores. Tu código es {}.",
    // language_choose
    "Escribes en {}. ¿En qué idioma quieres escribir?",
    // language_unknown
    "No conozco ese idioma. Elige uno de estos:",
    // language_same
    "Ya escribes en {}.",
    // language_unreachable
    "Bridge no puede traducir entre {} y {}, el idioma en que escribe {}, así"
    " que tu idioma sigue siendo {}.",
    // language_changed
    "A partir de ahora escribes en {}: tus próximos mensajes se traducen "
    "desde ese idioma. Tu equipo sigue igual.",
    // usage_free
    "Mensajes gratuitos que te quedan hoy: {} de {}.",
    // usage_subscribed
    "Tu suscripción dura hasta el {} UTC; con ella no hay límite diario.",
    // usage_no_subscription
    "No tienes suscripción; los mensajes gratuitos vuelven a empezar cada día"
    " a las 00:00 UTC.",
    // daily_last_message
    "último mensaje: {}",
    // daily_open_tasks
    "tareas abiertas: {}",
    // menu_start
    "Registrarte o ver la ayuda",
    // menu_help
    "Los comandos de tu rol",
    // menu_workers
    "Tus trabajadores",
    // menu_switch
    "Elegir a quién escribes",
    // menu_task
    "Dar una tarea al trabajador actual",
    // menu_tasks
    "Tareas abiertas",
    // menu_daily
    "Las últimas 24 horas por trabajador",
    // menu_history
    "Mensajes recientes",
    // menu_code
    "Tu código y enlace de invitación",
    // menu_newcode
    "Un código de invitación nuevo",
    // menu_remove
    "Sacar a un trabajador de tu equipo",
    // menu_usage
    "Mensajes gratuitos que quedan hoy",
    // menu_language
    "Cambiar tu idioma",
    // menu_feedback
    "Escribir a los operadores",
    // menu_reset
    "Empezar de nuevo",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Una suscripción de 30 días cuesta {} Stars y quita el límite diario. Paga "
    "aquí: {}",
    // subscribe_failed
    "Ahora no se pudo crear la factura. Vuelve a probar /subscribe más tarde.",
    // paysupport
    "¿Dudas sobre un pago? Escribe /feedback con tu pregunta y la fecha del "
    "pago; un operador te responderá y puede reembolsarlo. El soporte de "
    "Telegram no puede ayudar con pagos hechos a este bot.",
    // payment_received
    "¡Gracias! Tu suscripción está activa hasta {} (UTC). Sigue escribiendo.",
    // payment_not_credited
    "Tu pago llegó, pero no corresponde a ningún pedido abierto tuyo, así que "
    "no se acreditó. Un operador lo revisará; mira /paysupport.",
    // checkout_refused
    "Esta factura no es un pedido abierto tuyo. Envía /subscribe para obtener "
    "una nueva.",
    // invoice_title
    "Suscripción a Bridge",
    // invoice_description
    "30 días de mensajes traducidos sin límite diario.",
    // menu_subscribe
    "Quitar el límite diario",
    // menu_paysupport
    "Ayuda con los pagos",
    // -- media across the gap
    // media_not_translated
    "{} envió un mensaje de voz o de vídeo. No se ha traducido.",
    // media_kind_refused
    "No puedo pasar este tipo de mensaje. Envía texto, fotos, vídeos, "
    "documentos, mensajes de voz o stickers.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "El glosario de tu equipo fija cómo se traducen sus términos. /glossary lo "
    "muestra; /glossary add TÉRMINO = TRADUCCIÓN añade un término en tu idioma "
    "con su traducción al de tu trabajador (varios idiomas: /glossary add "
    "TÉRMINO = es: …; pt: …); /glossary remove TÉRMINO lo elimina.",
    // glossary_usage_worker
    "Puedes proponer un término para el glosario de tu equipo: /glossary add "
    "TÉRMINO = TRADUCCIÓN, con el término en el idioma de tu gerente y la "
    "traducción en el tuyo. Tu gerente decide.",
    // glossary_list
    "Glosario de tu equipo ({} de {} términos):\n{}",
    // glossary_empty
    "El glosario de tu equipo está vacío. Añade un término con /glossary add "
    "TÉRMINO = TRADUCCIÓN.",
    // glossary_added
    "Añadido al glosario: {} → {}. Desde ahora lo usan las traducciones de tu "
    "equipo.",
    // glossary_removed
    "Eliminado del glosario: {}.",
    // glossary_not_found
    "{} no está en el glosario de tu equipo.",
    // glossary_full
    "El glosario de tu equipo tiene {} términos, su límite. Elimina uno antes "
    "con /glossary remove TÉRMINO.",
    // glossary_bad_entry
    "Escribe la entrada así: /glossary add TÉRMINO = TRADUCCIÓN (o TÉRMINO = "
    "es: …; pt: …). Ningún lado puede estar vacío, y un término tiene como "
    "máximo {} caracteres, al menos uno de ellos una letra o un dígito.",
    // glossary_bad_language
    "Bridge no puede traducir entre el idioma de tu equipo y «{}». Idiomas "
    "posibles: {}.",
    // glossary_which_language
    "Indica en qué idioma está la traducción, por ejemplo /glossary add "
    "TÉRMINO = es: …. Idiomas de tu equipo: {}.",
    // glossary_wrong_script
    "«{}» no está escrito en el alfabeto del idioma {}: los mensajes en ese "
    "idioma nunca lo contendrían.",
    // glossary_proposed
    "Se ha pedido a tu gerente que añada {} → {} al glosario del equipo.",
    // glossary_proposal
    "{} propone un término para el glosario: {} → {} ({}).",
    // glossary_declined
    "Rechazado: {} → {}.",
    // glossary_answered
    "Esta propuesta ya se respondió.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Responde a una traducción que recibiste con /fix y tu mejor versión, por "
    "ejemplo: /fix Buenos días, equipo.",
    // fix_not_translation
    "/fix solo funciona como respuesta a una traducción que recibiste de tu "
    "compañero, y este mensaje no lo es (o es demasiado antiguo para "
    "corregirlo).",
    // fix_saved
    "Gracias: tu corrección está guardada y se ha avisado a {}.",
    // fix_writer_told
    "{} propone una traducción mejor de tu mensaje «{}»: «{}» (el traductor "
    "había escrito «{}»).",
    // corrections_none
    "Todavía no se ha repetido ninguna corrección. Cuando tu equipo corrija la "
    "misma expresión de la misma forma al menos dos veces, aparecerá aquí como "
    "propuesta para el glosario.",
    // corrections_header
    "Correcciones que tu equipo ha repetido (propuestas para el glosario):",
    // corrections_line
    "• «{}» → «{}» ({} veces)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "El glosario del equipo",
    // menu_fix
    "Corregir una traducción (como respuesta)",
    // menu_corrections
    "Correcciones que tu equipo repitió",
    // help_corrections_manager
    "/glossary – los términos del equipo; /corrections – correcciones "
    "repetidas\n"
    "/fix TEXTO – como respuesta a una traducción: tu mejor versión",
    // help_corrections_worker
    "/fix TEXTO – como respuesta a una traducción: tu mejor versión",
    // -- /original --
    // menu_original
    "Mostrar el original bajo las traducciones: on, off o auto",
    // original_current
    "Originales bajo las traducciones que recibes: {}.",
    // original_changed
    "Guardado. Originales bajo las traducciones que recibes: {}.",
    // original_usage
    "Elige una opción:\n"
    "/original on: siempre, bajo cada traducción\n"
    "/original off: nunca\n"
    "/original auto: solo cuando la traducción pasó por otro idioma (la opción "
    "predeterminada)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Todavía no hay correcciones. Cuando alguien de tu equipo responde /fix a "
    "una traducción, aparece aquí; la misma corrección hecha {} veces se "
    "propone como entrada del glosario.",
    // glossary_suggestions_header
    "Las últimas correcciones de tu equipo, primero las más recientes. La "
    "misma corrección hecha {} veces se propone como entrada del glosario.",
    // glossary_suggestions_line
    "• {}: «{}» → «{}»",
    // glossary_correction_proposal
    "Tu equipo hizo la misma corrección {} veces: {} → {} ({}). ¿La añado al "
    "glosario?",
    // help_glossary_suggestions
    "/glossary suggestions – las últimas correcciones de tu equipo; una "
    "repetida igual se propone como entrada del glosario",
}};

} // namespace bridge::domain::texts_detail
