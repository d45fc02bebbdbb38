#include "domain/texts.hpp"

#include <array>

namespace bridge::domain {

namespace {

struct wordings {
  std::string_view en;
  std::string_view es;
};

constexpr std::array<wordings, static_cast<size_t>(text_id::count_)> wordings_by_id{{
  {"Welcome to Bridge! I translate between you and your team.",
   "¡Bienvenido a Bridge! Traduzco entre tú y tu equipo."},
  {"Are you a manager or a worker?", "¿Eres gerente o trabajador?"},
  {"I'm a manager", "Soy gerente"},
  {"I'm a worker", "Soy trabajador"},
  {"Which language do you write in?", "¿En qué idioma escribes?"},
  {"You are registered as a manager. Your invitation code is {}. Give it to "
   "your workers; they send it to me to connect with you.",
   "Estás registrado como gerente. Tu código de invitación es {}. Dáselo a "
   "tus trabajadores; ellos me lo envían para conectarse contigo."},
  {"Please send me the invitation code your manager gave you (like "
   "BRIDGE-7K2M-9QXD).",
   "Envíame el código de invitación que te dio tu gerente (como "
   "BRIDGE-7K2M-9QXD)."},
  {"You are connected with {}. Write here and I will translate for you.",
   "Estás conectado con {}. Escribe aquí y yo traduciré por ti."},
  {"{} joined your team. Your messages now go to {}.",
   "{} se unió a tu equipo. Tus mensajes ahora van a {}."},
  {"That code does not match any manager. Please check it and try again.",
   "Ese código no corresponde a ningún gerente. Revísalo e inténtalo de "
   "nuevo."},
  {"Too many wrong codes. Please try again in {} minutes.",
   "Demasiados códigos incorrectos. Inténtalo de nuevo en {} minutos."},
  {"Your invitation code is {}.", "Tu código de invitación es {}."},
  {"Managers do not need a code: give yours ({}) to your workers.",
   "Los gerentes no necesitan código: da el tuyo ({}) a tus trabajadores."},
  {"You are not registered yet. Send /start to begin.",
   "Aún no estás registrado. Envía /start para empezar."},
  {"Please finish registering first: {}",
   "Primero termina de registrarte: {}"},
  {"No worker has joined yet. Give them your code: {}.",
   "Aún no se ha unido ningún trabajador. Dales tu código: {}."},
  {"You are not connected to a manager yet. Send me their invitation code.",
   "Aún no estás conectado con un gerente. Envíame su código de "
   "invitación."},
  {"Your workers:", "Tus trabajadores:"},
  {"Choose who receives your messages:", "Elige quién recibe tus mensajes:"},
  {"Your messages now go to {}.", "Tus mensajes ahora van a {}."},
  {"There is no worker number {}. Send /workers to see the list.",
   "No hay trabajador número {}. Envía /workers para ver la lista."},
  {"Task #{} created for {}.", "Tarea n.º {} creada para {}."},
  {"New task #{} from {}: {}", "Nueva tarea n.º {} de {}: {}"},
  {"Done", "Hecho"},
  {"Task #{} marked done.", "Tarea n.º {} marcada como hecha."},
  {"{} finished task #{}: {}", "{} terminó la tarea n.º {}: {}"},
  {"Task #{} was already done.", "La tarea n.º {} ya estaba hecha."},
  {"No open tasks.", "No hay tareas abiertas."},
  {"Tasks:", "Tareas:"},
  {"Last 24 hours:", "Últimas 24 horas:"},
  // Counts as "label: N", so one reads as well as many in both languages.
  {"{}: messages: {} · tasks done: {} · open: {}",
   "{}: mensajes: {} · tareas hechas: {} · abiertas: {}"},
  {"Nothing happened in the last 24 hours.",
   "No pasó nada en las últimas 24 horas."},
  {"Last {} messages:", "Últimos {} mensajes:"},
  {"No messages yet.", "Aún no hay mensajes."},
  {"Your registration was reset. Send /start to begin again.",
   "Tu registro se reinició. Envía /start para empezar de nuevo."},
  {"Thank you for your feedback!", "¡Gracias por tus comentarios!"},
  {"Write to your worker and I translate it for them.\n"
   "/workers – your workers; /switch N – write to worker N\n"
   "/task TEXT – give the current worker a task; /tasks – open tasks\n"
   "/daily – the last 24 hours; /history [N] – recent messages\n"
   "/code – your invitation code; /newcode – a new one (the old stops "
   "working)\n"
   "/remove N – take worker N off your team; /feedback TEXT; /reset",
   "Escribe a tu trabajador y yo se lo traduzco.\n"
   "/workers – tus trabajadores; /switch N – escribir al trabajador N\n"
   "/task TEXTO – dar una tarea al trabajador actual; /tasks – tareas "
   "abiertas\n"
   "/daily – las últimas 24 horas; /history [N] – mensajes recientes\n"
   "/code – tu código de invitación; /newcode – uno nuevo (el anterior deja "
   "de funcionar)\n"
   "/remove N – quitar al trabajador N de tu equipo; /feedback TEXTO; "
   "/reset"},
  {"Write to your manager and I translate it for them.\n"
   "/tasks – your open tasks; /history [N] – recent messages\n"
   "/feedback TEXT; /reset",
   "Escribe a tu gerente y yo se lo traduzco.\n"
   "/tasks – tus tareas abiertas; /history [N] – mensajes recientes\n"
   "/feedback TEXTO; /reset"},
  {"Send /start to register as a manager or a worker.",
   "Envía /start para registrarte como gerente o trabajador."},
  {"I do not know the command {}. Send /help for the list.",
   "No conozco el comando {}. Envía /help para ver la lista."},
  {"{} needs some text after it, for example: {} call the supplier",
   "{} necesita un texto después, por ejemplo: {} llamar al proveedor"},
  {"{} takes nothing after it.", "{} no lleva nada después."},
  {"That is too long for {}.", "Es demasiado largo para {}."},
  {"{} takes a number, for example: {} 5",
   "{} lleva un número, por ejemplo: {} 5"},
  {"Your message is too long ({} characters); the limit is {}.",
   "Tu mensaje es demasiado largo ({} caracteres); el límite es {}."},
  {"You are sending too fast. Please wait a moment.",
   "Estás enviando demasiado rápido. Espera un momento."},
  {"You have used today's {} free messages. A subscription lifts the limit.",
   "Usaste los {} mensajes gratuitos de hoy. Una suscripción quita el "
   "límite."},
  {"Your message is queued for translation and will be delivered.",
   "Tu mensaje está en cola para traducir y será entregado."},
  {"Your message could not be translated ({}); it was delivered in your "
   "language.",
   "Tu mensaje no se pudo traducir ({}); se entregó en tu idioma."},
  {"(not translated)", "(sin traducir)"},
  {"I can only pass on text. Please write your message as text.",
   "Solo puedo pasar texto. Escribe tu mensaje como texto."},
  {"{} cannot receive messages right now.",
   "{} no puede recibir mensajes ahora."},
  {"Bridge cannot translate between {} and {} yet.",
   "Bridge aún no puede traducir entre {} y {}."},
  {"Bridge works in private chats only.",
   "Bridge solo funciona en chats privados."},
  {"Bridge is busy right now; please send that again in a minute.",
   "Bridge está ocupado; envía eso de nuevo en un minuto."},
  {"I can only carry edits of recent messages; please send it again.",
   "Solo puedo llevar ediciones de mensajes recientes; envíalo de nuevo."},
  {"(edited)", "(editado)"},
  {"Your message could not be stored, so it was not delivered. Please "
   "write it again in other words.",
   "Tu mensaje no se pudo guardar, así que no se entregó. Escríbelo de "
   "nuevo con otras palabras."},
  {"Your message could not be delivered now; it is kept, and an operator "
   "can still send it. Your next messages go on as usual.",
   "Tu mensaje no se pudo entregar ahora; queda guardado y un operador aún "
   "puede enviarlo. Tus siguientes mensajes siguen como siempre."},
  {"{} left the team; your messages no longer reach them. Send a new "
   "invitation code to join a team.",
   "{} dejó el equipo; tus mensajes ya no le llegan. Envía un nuevo código "
   "de invitación para unirte a un equipo."},
  {"{} left your team; your messages no longer reach them.",
   "{} dejó tu equipo; tus mensajes ya no le llegan."},
  {"Your manager writes {}. Choose a language Bridge can translate to and "
   "from it, then send the code again.",
   "Tu gerente escribe en {}. Elige un idioma que Bridge pueda traducir "
   "desde y hacia ese, y luego envía el código de nuevo."},
  {"{} tried to join your team, but Bridge cannot translate between their "
   "language and yours; they were asked to choose another language.",
   "{} intentó unirse a tu equipo, pero Bridge no puede traducir entre su "
   "idioma y el tuyo; se le pidió elegir otro idioma."},
  {"↪ via {}", "↪ vía {}"},
  {"Or send them this link: {}", "O envíales este enlace: {}"},
  {"Your new invitation code is {}. The old one no longer works.",
   "Tu nuevo código de invitación es {}. El anterior ya no funciona."},
  {"Your request to join {}'s team was sent. I will tell you when they "
   "answer.",
   "Se envió tu solicitud para unirte al equipo de {}. Te avisaré cuando "
   "responda."},
  {"{} wants to join your team.", "{} quiere unirse a tu equipo."},
  {"Accept", "Aceptar"},
  {"Decline", "Rechazar"},
  {"{} declined your request to join their team.",
   "{} rechazó tu solicitud para unirte a su equipo."},
  {"You declined {}'s request to join your team.",
   "Rechazaste la solicitud de {} para unirse a tu equipo."},
  {"That request was already answered or withdrawn.",
   "Esa solicitud ya fue respondida o retirada."},
  {"{} is no longer in your team.", "{} ya no está en tu equipo."},
  {"{} removed you from their team; your messages no longer reach them. "
   "Send a new invitation code to join a team.",
   "{} te quitó de su equipo; tus mensajes ya no le llegan. Envía un nuevo "
   "código de invitación para unirte a un equipo."},
  {"/remove takes the number of a worker in /workers, for example: "
   "/remove 2",
   "/remove lleva el número de un trabajador de /workers, por ejemplo: "
   "/remove 2"},
  {"Too many wrong invitation codes were sent to Bridge just now. Please "
   "try again in a minute.",
   "Se enviaron demasiados códigos de invitación incorrectos a Bridge. "
   "Inténtalo de nuevo en un minuto."},
  {"This invitation link is not valid. Please ask your manager for a new "
   "link or code.",
   "Este enlace de invitación no es válido. Pide a tu gerente un enlace o "
   "código nuevo."},
  {"You are registered as a manager; invitation links are for workers. "
   "Your own code is {}.",
   "Estás registrado como gerente; los enlaces de invitación son para "
   "trabajadores. Tu código es {}."},
}};

} // namespace

std::string_view wording(text_id id, std::string_view lang) {
  auto& w = wordings_by_id[static_cast<size_t>(id)];
  return lang == "es" ? w.es : w.en;
}

bool speaks(std::string_view lang) {
  return lang == "en" || lang == "es";
}

std::string language_name(std::string_view lang) {
  if (lang == "en") return "English";
  if (lang == "es") return "Español";
  if (lang == "fr") return "Français";
  if (lang == "ca") return "Català";
  if (lang == "pt") return "Português";
  if (lang == "de") return "Deutsch";
  if (lang == "it") return "Italiano";
  if (lang == "gl") return "Galego";
  if (lang == "ro") return "Română";
  if (lang == "ru") return "Русский";
  if (lang == "uk") return "Українська";
  return std::string{lang};
}

} // namespace bridge::domain
