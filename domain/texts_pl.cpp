// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Polish (pl), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_pl{{
    // welcome
    "Witaj w Bridge! Tłumaczę między Tobą a Twoim zespołem.",
    // choose_role
    "Jesteś kierownikiem czy pracownikiem?",
    // role_manager
    "Jestem kierownikiem",
    // role_worker
    "Jestem pracownikiem",
    // choose_language
    "W jakim języku piszesz?",
    // manager_ready
    "Jesteś zarejestrowany jako kierownik. Twój kod zaproszenia to {}. "
    "Przekaż go pracownikom; wyślą mi go, aby połączyć się z Tobą.",
    // worker_send_code
    "Wyślij mi kod zaproszenia od Twojego kierownika (np. BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Masz połączenie z {}. Pisz tutaj, a ja przetłumaczę.",
    // manager_worker_joined
    "{} dołączył do Twojego zespołu. Twoje wiadomości trafiają teraz do {}.",
    // wrong_code
    "Ten kod nie pasuje do żadnego kierownika. Sprawdź go i spróbuj ponownie.",
    // too_many_codes
    "Za dużo błędnych kodów. Spróbuj ponownie za {} min.",
    // code_for_manager
    "Twój kod zaproszenia to {}.",
    // code_not_needed
    "Kierownicy nie potrzebują kodu: przekaż swój ({}) pracownikom.",
    // not_registered
    "Nie masz jeszcze rejestracji. Wyślij /start, aby zacząć.",
    // finish_registration
    "Najpierw dokończ rejestrację: {}",
    // no_workers
    "Nikt jeszcze nie dołączył. Przekaż pracownikom swój kod: {}.",
    // no_manager
    "Nie masz jeszcze połączenia z kierownikiem. Wyślij mi jego kod "
    "zaproszenia.",
    // workers_list
    "Twoi pracownicy:",
    // workers_choose
    "Wybierz, kto dostaje Twoje wiadomości:",
    // switched_to
    "Twoje wiadomości trafiają teraz do {}.",
    // no_such_worker
    "Nie ma pracownika o numerze {}. Wyślij /workers, aby zobaczyć listę.",
    // task_created
    "Zadanie nr {} utworzone dla {}.",
    // task_received
    "Nowe zadanie nr {} od {}: {}",
    // task_done_button
    "Gotowe",
    // task_done_worker
    "Zadanie nr {} oznaczone jako wykonane.",
    // task_done_manager
    "{} wykonał zadanie nr {}: {}",
    // task_already_done
    "Zadanie nr {} było już wykonane.",
    // tasks_none
    "Brak otwartych zadań.",
    // tasks_header
    "Zadania:",
    // daily_header
    "Ostatnie 24 godziny:",
    // daily_line
    "{}: wiadomości: {} · wykonane zadania: {} · otwarte: {}",
    // daily_none
    "W ciągu ostatnich 24 godzin nic się nie wydarzyło.",
    // history_header
    "Ostatnie wiadomości ({}):",
    // history_none
    "Nie ma jeszcze wiadomości.",
    // reset_done
    "Twoja rejestracja została zresetowana. Wyślij /start, aby zacząć od "
    "nowa.",
    // feedback_thanks
    "Dziękujemy za opinię!",
    // help_manager
    "Napisz do pracownika, a ja mu przetłumaczę.\n"
    "/workers – Twoi pracownicy; /switch N – pisz do pracownika N\n"
    "/task TEKST – daj zadanie bieżącemu pracownikowi; /tasks – otwarte "
    "zadania\n"
    "/daily – ostatnie 24 godziny; /history [N] – ostatnie wiadomości\n"
    "/code – Twój kod zaproszenia; /newcode – nowy kod (stary przestaje "
    "działać)\n"
    "/remove N – usuń pracownika N z zespołu; /feedback TEKST; /reset\n"
    "/language – zmień język; /usage – darmowe wiadomości na dziś",
    // help_worker
    "Napisz do kierownika, a ja mu przetłumaczę.\n"
    "/tasks – Twoje otwarte zadania; /history [N] – ostatnie wiadomości\n"
    "/feedback TEKST; /reset\n"
    "/language – zmień język",
    // help_new
    "Wyślij /start, aby zarejestrować się jako kierownik lub pracownik.",
    // unknown_command
    "Nie znam polecenia {}. Wyślij /help, aby zobaczyć listę.",
    // args_missing
    "Po {} potrzebny jest tekst, na przykład: {} zadzwoń do dostawcy",
    // args_unexpected
    "Po {} nic nie powinno być.",
    // args_too_long
    "To za długie dla {}.",
    // args_not_a_number
    "Po {} potrzebna jest liczba, na przykład: {} 5",
    // message_too_long
    "Twoja wiadomość jest za długa (znaków: {}); limit to {}.",
    // rate_limited
    "Wysyłasz za szybko. Poczekaj chwilę.",
    // daily_limit_reached
    "Wykorzystano dzisiejsze darmowe wiadomości ({}). Subskrypcja znosi limit: "
    "/subscribe",
    // queued
    "Twoja wiadomość czeka na tłumaczenie i zostanie dostarczona.",
    // translation_failed
    "Nie udało się przetłumaczyć Twojej wiadomości ({}); dostarczono ją w "
    "Twoim języku.",
    // untranslated_note
    "(bez tłumaczenia)",
    // media_not_supported
    "Mogę przekazywać tylko tekst. Napisz wiadomość jako tekst.",
    // partner_unreachable
    "{} nie może teraz odbierać wiadomości.",
    // unsupported_pair
    "Bridge nie umie jeszcze tłumaczyć między {} a {}.",
    // groups_not_supported
    "Bridge działa tylko w czatach prywatnych.",
    // busy
    "Bridge jest teraz zajęty; wyślij to ponownie za minutę.",
    // edit_too_old
    "Przekazuję tylko edycje ostatnich wiadomości; wyślij ją ponownie.",
    // edited_note
    "(edytowano)",
    // message_refused
    "Nie udało się zapisać Twojej wiadomości, więc nie została dostarczona. "
    "Napisz ją ponownie innymi słowami.",
    // message_parked
    "Nie udało się teraz dostarczyć Twojej wiadomości; jest zachowana i "
    "operator może ją jeszcze wysłać. Kolejne wiadomości idą normalnie.",
    // manager_left
    "{} opuścił zespół; Twoje wiadomości już do niego nie docierają. Wyślij "
    "nowy kod zaproszenia, aby dołączyć do zespołu.",
    // worker_left
    "{} opuścił Twój zespół; Twoje wiadomości już do niego nie docierają.",
    // choose_partner_language
    "Twój kierownik pisze w języku: {}. Wybierz język, z którego i na który "
    "Bridge umie tłumaczyć, a potem wyślij kod ponownie.",
    // join_refused
    "{} chciał dołączyć do Twojego zespołu, ale Bridge nie umie tłumaczyć "
    "między jego językiem a Twoim; poproszono go o wybór innego języka.",
    // history_via
    "↪ przez {}",
    // join_link_line
    "Albo wyślij im ten link: {}",
    // code_rotated
    "Twój nowy kod zaproszenia to {}. Stary już nie działa.",
    // join_requested
    "Wysłano Twoją prośbę o dołączenie do zespołu {}. Dam znać, gdy "
    "przyjdzie odpowiedź.",
    // join_request
    "{} chce dołączyć do Twojego zespołu.",
    // join_accept_button
    "Przyjmij",
    // join_decline_button
    "Odrzuć",
    // join_declined_worker
    "{} odrzucił Twoją prośbę o dołączenie do zespołu.",
    // join_declined_manager
    "Odrzucono prośbę {} o dołączenie do Twojego zespołu.",
    // join_already_answered
    "Na tę prośbę już odpowiedziano lub ją wycofano.",
    // worker_removed
    "{} nie jest już w Twoim zespole.",
    // removed_by_manager
    "{} usunął Cię ze swojego zespołu; Twoje wiadomości już do niego nie "
    "docierają. Wyślij nowy kod zaproszenia, aby dołączyć do zespołu.",
    // remove_usage
    "Po /remove podaj numer pracownika z /workers, na przykład: /remove 2",
    // codes_paused
    "Do Bridge wysłano właśnie za dużo błędnych kodów zaproszenia. Spróbuj "
    "ponownie za minutę.",
    // link_invalid
    "Ten link z zaproszeniem jest nieważny. Poproś kierownika o nowy link "
    "lub kod.",
    // link_for_manager
    "Jesteś zarejestrowany jako kierownik; linki z zaproszeniem są dla "
    "pracowników. Twój kod to {}.",
    // language_choose
    "Twój język to teraz {}. W jakim języku chcesz pisać?",
    // language_unknown
    "Nie znam tego języka. Wybierz jeden z tych:",
    // language_same
    "Już piszesz w tym języku: {}.",
    // language_unreachable
    "Bridge nie umie tłumaczyć między {} a {} (w tym języku pisze {}), więc "
    "twój język pozostaje bez zmian: {}.",
    // language_changed
    "Od teraz twój język to {}. Twoje kolejne wiadomości będą z niego "
    "tłumaczone. Twój zespół pozostaje bez zmian.",
    // usage_free
    "Pozostałe darmowe wiadomości na dziś: {} z {}.",
    // usage_subscribed
    "Twoja subskrypcja jest ważna do {} UTC; znosi dzienny limit.",
    // usage_no_subscription
    "Nie masz subskrypcji; darmowe wiadomości odnawiają się codziennie o "
    "00:00 UTC.",
    // daily_last_message
    "ostatnia wiadomość: {}",
    // daily_open_tasks
    "otwarte zadania: {}",
    // menu_start
    "Zarejestruj się lub zobacz pomoc",
    // menu_help
    "Polecenia dla twojej roli",
    // menu_workers
    "Twoi pracownicy",
    // menu_switch
    "Wybierz, do kogo piszesz",
    // menu_task
    "Daj zadanie bieżącemu pracownikowi",
    // menu_tasks
    "Otwarte zadania",
    // menu_daily
    "Ostatnie 24 godziny według pracowników",
    // menu_history
    "Ostatnie wiadomości",
    // menu_code
    "Twój kod i link zaproszenia",
    // menu_newcode
    "Nowy kod zaproszenia",
    // menu_remove
    "Usuń pracownika z zespołu",
    // menu_usage
    "Darmowe wiadomości na dziś",
    // menu_language
    "Zmień język",
    // menu_feedback
    "Napisz do operatorów",
    // menu_reset
    "Zacznij od nowa",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Subskrypcja na 30 dni kosztuje {} Stars i znosi dzienny limit. Zapłać "
    "tutaj: {}",
    // subscribe_failed
    "Nie udało się teraz utworzyć faktury. Spróbuj /subscribe ponownie "
    "później.",
    // paysupport
    "Pytania o płatność? Napisz /feedback z pytaniem i datą płatności; "
    "operator odpowie i może ją zwrócić. Pomoc techniczna Telegrama nie pomoże "
    "w sprawie płatności na rzecz tego bota.",
    // payment_received
    "Dziękujemy! Subskrypcja jest aktywna do {} (UTC). Możesz pisać dalej.",
    // payment_not_credited
    "Płatność dotarła, ale nie pasuje do żadnego Twojego otwartego zamówienia, "
    "więc nie została zaksięgowana. Operator ją sprawdzi; zobacz /paysupport.",
    // checkout_refused
    "Ta faktura nie jest Twoim otwartym zamówieniem. Wyślij /subscribe, aby "
    "dostać nową.",
    // invoice_title
    "Subskrypcja Bridge",
    // invoice_description
    "30 dni tłumaczonych wiadomości bez dziennego limitu.",
    // menu_subscribe
    "Znieś dzienny limit",
    // menu_paysupport
    "Pomoc w płatnościach",
    // -- media across the gap
    // media_not_translated
    "{} wysłał(a) wiadomość głosową lub wideo. Nie została przetłumaczona.",
    // media_kind_refused
    "Nie mogę przekazać tego rodzaju wiadomości. Wyślij tekst, zdjęcia, filmy, "
    "dokumenty, wiadomości głosowe lub naklejki.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Słownik Twojego zespołu ustala, jak tłumaczone są jego terminy. /glossary "
    "go pokazuje; /glossary add TERMIN = TŁUMACZENIE dodaje termin w Twoim "
    "języku z tłumaczeniem na język Twojego pracownika (kilka języków: "
    "/glossary add TERMIN = es: …; pt: …); /glossary remove TERMIN go usuwa.",
    // glossary_usage_worker
    "Możesz zaproponować termin do słownika zespołu: /glossary add TERMIN = "
    "TŁUMACZENIE, termin w języku Twojego kierownika, a tłumaczenie w Twoim. "
    "Decyduje Twój kierownik.",
    // glossary_list
    "Słownik Twojego zespołu (terminów: {} z {}):\n{}",
    // glossary_empty
    "Słownik Twojego zespołu jest pusty. Dodaj termin: /glossary add TERMIN = "
    "TŁUMACZENIE.",
    // glossary_added
    "Dodano do słownika: {} → {}. Od teraz używają go tłumaczenia Twojego "
    "zespołu.",
    // glossary_removed
    "Usunięto ze słownika: {}.",
    // glossary_not_found
    "„{}” nie ma w słowniku Twojego zespołu.",
    // glossary_full
    "Słownik Twojego zespołu ma już {} terminów, czyli limit. Najpierw usuń "
    "jeden: /glossary remove TERMIN.",
    // glossary_bad_entry
    "Zapisz wpis tak: /glossary add TERMIN = TŁUMACZENIE (lub TERMIN = es: …; "
    "pt: …). Żadna strona nie może być pusta, a termin ma najwyżej {} znaków, "
    "w tym co najmniej jedną literę lub cyfrę.",
    // glossary_bad_language
    "Bridge nie potrafi tłumaczyć między językiem Twojego zespołu a „{}”. "
    "Możliwe języki: {}.",
    // glossary_which_language
    "Podaj język tłumaczenia, na przykład /glossary add TERMIN = es: …. Języki "
    "Twojego zespołu: {}.",
    // glossary_wrong_script
    "„{}” nie jest zapisane alfabetem języka {}: wiadomości w tym języku nigdy "
    "by go nie zawierały.",
    // glossary_proposed
    "Poprosiliśmy Twojego kierownika o dodanie {} → {} do słownika zespołu.",
    // glossary_proposal
    "{} proponuje termin do słownika: {} → {} ({}).",
    // glossary_declined
    "Odrzucono: {} → {}.",
    // glossary_answered
    "Na tę propozycję już odpowiedziano.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Odpowiedz na otrzymane tłumaczenie poleceniem /fix i swoją lepszą wersją, "
    "na przykład: /fix Dzień dobry, zespole.",
    // fix_not_translation
    "/fix działa tylko jako odpowiedź na tłumaczenie otrzymane od rozmówcy, a "
    "ta wiadomość nim nie jest (albo jest zbyt stara, by ją poprawić).",
    // fix_saved
    "Dziękujemy: poprawka została zapisana, a {} otrzymał(a) powiadomienie.",
    // fix_writer_told
    "{} proponuje lepsze tłumaczenie Twojej wiadomości „{}”: „{}” (tłumacz "
    "napisał „{}”).",
    // corrections_none
    "Żadna poprawka nie powtórzyła się jeszcze. Gdy Twój zespół co najmniej "
    "dwa razy poprawi to samo wyrażenie w ten sam sposób, pojawi się ono tutaj "
    "jako propozycja do słowniczka.",
    // corrections_header
    "Poprawki powtarzane przez Twój zespół (propozycje do słowniczka):",
    // corrections_line
    "• „{}” → „{}” (razy: {})",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Słowniczek zespołu",
    // menu_fix
    "Popraw tłumaczenie (w odpowiedzi na nie)",
    // menu_corrections
    "Poprawki powtarzane przez zespół",
    // help_corrections_manager
    "/glossary – terminy zespołu; /corrections – powtarzane poprawki\n"
    "/fix TEKST – w odpowiedzi na tłumaczenie: Twoja lepsza wersja",
    // help_corrections_worker
    "/fix TEKST – w odpowiedzi na tłumaczenie: Twoja lepsza wersja",
    // -- /original --
    // menu_original
    "Pokazuj oryginał pod tłumaczeniami: on, off lub auto",
    // original_current
    "Oryginały pod otrzymywanymi tłumaczeniami: {}.",
    // original_changed
    "Zapisano. Oryginały pod otrzymywanymi tłumaczeniami: {}.",
    // original_usage
    "Wybierz jedną opcję:\n"
    "/original on: zawsze, pod każdym tłumaczeniem\n"
    "/original off: nigdy\n"
    "/original auto: tylko gdy tłumaczenie szło przez inny język (ustawienie "
    "domyślne)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Nie ma jeszcze poprawek. Gdy ktoś z twojego zespołu odpowie /fix na "
    "tłumaczenie, pojawi się ono tutaj; ta sama poprawka zrobiona {} razy "
    "zostaje zaproponowana jako hasło słowniczka.",
    // glossary_suggestions_header
    "Najnowsze poprawki twojego zespołu, od najnowszej. Ta sama poprawka "
    "zrobiona {} razy zostaje zaproponowana jako hasło słowniczka.",
    // glossary_suggestions_line
    "• {}: „{}” → „{}”",
    // glossary_correction_proposal
    "Twój zespół {} razy zrobił tę samą poprawkę: {} → {} ({}). Dodać ją do "
    "słowniczka?",
    // help_glossary_suggestions
    "/glossary suggestions – najnowsze poprawki twojego zespołu; powtórzona "
    "tak samo zostaje zaproponowana jako hasło słowniczka",
}};

} // namespace bridge::domain::texts_detail
