#define BOOST_TEST_MODULE e2e.team
#include <boost/test/unit_test.hpp>

#include "tests/support/team.hpp"

// A manager and a worker who share no language, through tg-sim and the
// real engine with Apertium, PostgreSQL and Redis: registration in both
// languages, translated messages both ways, and every command.

using namespace bridge::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Telegram's per-chat limit would make a long dialogue slow; the limits
/// themselves are tested in the sender's and tg-sim's suites.
std::vector<std::string> fast_engine() {
  return {"--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
          "--sender.global_per_second=1000"};
}

std::vector<std::string> fast_sim() {
  return {"--per-chat-per-second", "100", "--per-chat-burst", "100",
          "--global-per-second", "1000"};
}

struct team {
  sim_world world{fast_engine(), fast_sim()};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
  std::string code;

  team() {
    code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  std::string ask(const sim_user& u, const std::string& text) {
    world.say(u, text);
    return world.next_message(u.id).text;
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_manager_and_a_worker_register_and_talk_translated) {
  // Telegram's own limits stay on here: the dialogue must fit them.
  sim_world w;
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  BOOST_TEST(code.size() == 12u);
  register_worker(w, bob, "es", code, ana);

  w.say(ana, "Please sign the report before Friday.");
  auto to_bob = w.next_message(bob.id).text;
  BOOST_TEST(contains(to_bob, "Ana: "), to_bob);
  BOOST_TEST(contains(to_bob, "firmar el informe"), to_bob);

  w.say(bob, "Hola, lo firmo mañana por la mañana.");
  auto to_ana = w.next_message(ana.id).text;
  BOOST_TEST(contains(to_ana, "Bob: "), to_ana);
  BOOST_TEST(contains(to_ana, "tomorrow"), to_ana);
}

BOOST_AUTO_TEST_CASE(a_spanish_manager_and_an_english_worker) {
  sim_world w{fast_engine(), fast_sim()};
  auto eva = make_user(3003, "Eva", "es");
  auto tom = make_user(4004, "Tom", "en");
  w.say(eva, "/start");
  auto welcome = w.next_message(eva.id);
  // The bot speaks the client's language before one is chosen.
  BOOST_TEST(contains(welcome.text, "Bienvenido"), welcome.text);
  press_button(w, eva, welcome, "role:manager");
  press_button(w, eva, w.next_message(eva.id), "lang:es");
  auto ready = w.next_message(eva.id).text;
  BOOST_TEST(contains(ready, "gerente"), ready);
  register_worker(w, tom, "en", find_code(ready), eva);

  w.say(tom, "The machine is broken.");
  auto to_eva = w.next_message(eva.id).text;
  BOOST_TEST(contains(to_eva, "Tom: "), to_eva);
  BOOST_TEST(contains(to_eva, "máquina"), to_eva);
  w.say(eva, "Gracias.");
  auto to_tom = w.next_message(tom.id).text;
  BOOST_TEST(contains(to_tom, "Eva: "), to_tom);
  BOOST_TEST(contains(to_tom, "Thank"), to_tom);
}

BOOST_FIXTURE_TEST_CASE(tasks_are_given_translated_and_closed, team) {
  auto created = ask(ana, "/task Clean the warehouse");
  BOOST_TEST(contains(created, "Task #"), created);
  BOOST_TEST(contains(created, "Bob"), created);
  auto task = world.next_message(bob.id);
  BOOST_TEST(contains(task.text, "Ana"), task.text);
  BOOST_TEST(contains(task.text, "almacén"), task.text);
  BOOST_REQUIRE(!task.buttons.empty());
  auto data = task.buttons[0][0].data;

  auto open = ask(bob, "/tasks");
  BOOST_TEST(contains(open, "Clean the warehouse"), open);

  world.press(bob, task.message_id, data);
  auto done = world.next_message(bob.id).text;
  BOOST_TEST(contains(done, "hecha"), done);
  auto told = world.next_message(ana.id).text;
  BOOST_TEST(contains(told, "Bob finished task"), told);
  BOOST_TEST(contains(told, "Clean the warehouse"), told);

  // A second press changes nothing and says so.
  world.press(bob, task.message_id, data);
  auto again = world.next_message(bob.id).text;
  BOOST_TEST(contains(again, "ya estaba"), again);
  BOOST_TEST(contains(ask(ana, "/tasks"), "No open tasks"));
}

BOOST_FIXTURE_TEST_CASE(listing_commands_answer, team) {
  world.say(ana, "Good morning.");
  world.next_message(bob.id);
  world.say(bob, "Buenos días.");
  world.next_message(ana.id);

  auto help = ask(ana, "/help");
  BOOST_TEST(contains(help, "/task"), help);
  BOOST_TEST(contains(ask(bob, "/help"), "/tasks"));
  auto workers = ask(ana, "/workers");
  BOOST_TEST(contains(workers, "1. Bob"), workers);
  BOOST_TEST(contains(ask(ana, "/switch 1"), "Bob"));
  BOOST_TEST(contains(ask(ana, "/switch 7"), "no worker number 7"));
  BOOST_TEST(contains(ask(ana, "/code"), code));

  auto history = ask(ana, "/history");
  BOOST_TEST(contains(history, "Ana: Good morning."), history);
  BOOST_TEST(contains(history, "Bob: Buenos días."), history);
  auto daily = ask(ana, "/daily");
  BOOST_TEST(contains(daily, "Bob: messages: 2 · tasks done: 0"), daily);
  BOOST_TEST(contains(ask(bob, "/feedback Muy útil"), "Gracias"));
}

BOOST_FIXTURE_TEST_CASE(a_reset_user_starts_over_and_the_partner_is_told,
                        team) {
  auto reset = ask(bob, "/reset");
  BOOST_TEST(contains(reset, "/start"), reset);
  // Ana is told at once, in her language.
  BOOST_TEST(world.next_message(ana.id).text
             == "Bob left your team; your messages no longer reach them.");
  // Bob is unregistered now: his text goes nowhere, and he is told why.
  auto after = ask(bob, "hola");
  BOOST_TEST(contains(after, "/start"), after);
  // Ana has nobody to write to.
  auto ana_says = ask(ana, "Are you there?");
  BOOST_TEST(contains(ana_says, code), ana_says);
  // Bob comes back with the same code.
  register_worker(world, bob, "es", code, ana);
  world.say(ana, "Welcome back.");
  BOOST_TEST(contains(world.next_message(bob.id).text, "Ana: "));
}

BOOST_FIXTURE_TEST_CASE(a_manager_who_resets_no_longer_reads_the_team,
                        team) {
  auto reset = ask(ana, "/reset");
  BOOST_TEST(contains(reset, "/start"), reset);
  // Bob is told at once, in his language, and the link he held is gone:
  // his next text is answered, and never reaches Ana.
  BOOST_TEST(world.next_message(bob.id).text
             == "Ana dejó el equipo; tus mensajes ya no le llegan. Envía un "
                "nuevo código de invitación para unirte a un equipo.");
  auto answer = ask(bob, "¿Sigues ahí?");
  BOOST_TEST(!contains(answer, "Ana:"), answer);
  auto leaked = world.await_messages(ana.id, 1, std::chrono::seconds{2});
  BOOST_TEST(leaked.empty(),
             "Ana still reads the team: " << (leaked.empty() ? "" : leaked[0].text));
}

BOOST_AUTO_TEST_CASE(the_wrong_code_limit_outlives_the_engine) {
  auto args = fast_engine();
  args.push_back("--session.code_attempts=2");
  sim_world w{args, fast_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "en");
  auto code = register_manager(w, ana, "en");
  w.say(bob, "/start");
  press_button(w, bob, w.next_message(bob.id), "role:worker");
  press_button(w, bob, w.next_message(bob.id), "lang:en");
  w.next_message(bob.id);
  auto ask = [&](const std::string& text) {
    w.say(bob, text);
    return w.next_message(bob.id).text;
  };
  BOOST_TEST(contains(ask("BRIDGE-99998"), "does not match"));
  BOOST_TEST(contains(ask("BRIDGE-99997"), "does not match"));
  // The engine stops and comes back: the session's memory is gone, the
  // count is not, so a guesser gains nothing by waiting for a restart
  // (or for the session to go idle). A drained stop, so no reply of
  // before is sent twice.
  w.restart_engine();
  auto after = ask(code);
  BOOST_TEST(contains(after, "Too many wrong codes"), after);
}

BOOST_AUTO_TEST_CASE(bad_input_gets_a_clear_reply) {
  sim_world w{{"--session.code_attempts=2", "--sender.per_chat_per_second=100",
               "--sender.per_chat_burst=100"},
              fast_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "en");
  auto ask = [&](const sim_user& u, const std::string& text) {
    w.say(u, text);
    return w.next_message(u.id).text;
  };
  BOOST_TEST(contains(ask(bob, "hello?"), "/start"));
  BOOST_TEST(contains(ask(bob, "/frobnicate"), "/start"));
  auto code = register_manager(w, ana, "en");
  BOOST_TEST(contains(ask(ana, "/frobnicate now"), "/frobnicate"));
  BOOST_TEST(contains(ask(ana, "/task"), "needs some text"));
  BOOST_TEST(contains(ask(ana, "/history ten"), "takes a number"));
  BOOST_TEST(contains(ask(ana, "/workers please"), "takes nothing"));
  BOOST_TEST(contains(ask(ana, "Hello team"), code)); // no worker yet
  BOOST_TEST(contains(ask(ana, code), "do not need a code"));
  auto photo = w.sim().send_media(ana, "photo", "look");
  BOOST_REQUIRE(photo);
  BOOST_TEST(contains(w.next_message(ana.id).text, "only pass on text"));

  // A worker halfway through registration, then wrong codes.
  w.say(bob, "/start");
  press_button(w, bob, w.next_message(bob.id), "role:worker");
  auto langs = w.next_message(bob.id);
  auto again = ask(bob, "hi");
  BOOST_TEST(contains(again, "finish registering"), again);
  // A made-up button is answered and ignored.
  w.press(bob, langs.message_id, "lang:../../etc");
  press_button(w, bob, langs, "lang:en");
  w.next_message(bob.id);
  BOOST_TEST(contains(ask(bob, "not a code"), "invitation code"));
  BOOST_TEST(contains(ask(bob, "BRIDGE-99998"), "does not match"));
  BOOST_TEST(contains(ask(bob, "BRIDGE-99997"), "does not match"));
  BOOST_TEST(contains(ask(bob, code), "Too many wrong codes"));

  // Oversize text, as a hostile client could send it.
  std::string huge(5000, 'a');
  auto raw = R"({"message":{"message_id":77,"date":1,"chat":{"id":1001,"type":"private"},)"
             R"("from":{"id":1001,"first_name":"Ana","language_code":"en"},"text":")"
             + huge + R"("}})";
  BOOST_REQUIRE(w.sim().inject_raw_update(raw));
  BOOST_TEST(contains(w.next_message(ana.id).text, "too long"));

  // A group chat is told the bot works in private chats.
  auto group = w.sim().say(ana, "/start", -500);
  BOOST_REQUIRE(group);
  BOOST_TEST(contains(w.next_message(-500).text, "private chats"));
}

BOOST_FIXTURE_TEST_CASE(apertium_carries_emoji_and_right_to_left_text, team) {
  // Apertium does not know these words; the message still arrives whole.
  world.say(ana, "👍 Thanks, שלום and مرحبا!");
  auto copy = world.next_message(bob.id).text;
  BOOST_TEST(contains(copy, "Ana: "), copy);
  BOOST_TEST(contains(copy, "👍"), copy);
  BOOST_TEST(contains(copy, "שלום"), copy);
}
