// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in French (fr), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_fr{{
    // welcome
    "Bienvenue sur Bridge ! Je traduis entre vous et votre équipe.",
    // choose_role
    "Êtes-vous responsable ou employé ?",
    // role_manager
    "Je suis responsable",
    // role_worker
    "Je suis employé",
    // choose_language
    "Dans quelle langue écrivez-vous ?",
    // manager_ready
    "Vous êtes inscrit comme responsable. Votre code d'invitation est {}. "
    "Donnez-le à vos employés ; ils me l'envoient pour se connecter à vous.",
    // worker_send_code
    "Envoyez-moi le code d'invitation que votre responsable vous a donné "
    "(comme BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Vous êtes connecté à {}. Écrivez ici et je traduirai pour vous.",
    // manager_worker_joined
    "{} a rejoint votre équipe. Vos messages vont maintenant à {}.",
    // wrong_code
    "Ce code ne correspond à aucun responsable. Vérifiez-le et réessayez.",
    // too_many_codes
    "Trop de codes erronés. Réessayez dans {} minutes.",
    // code_for_manager
    "Votre code d'invitation est {}.",
    // code_not_needed
    "Les responsables n'ont pas besoin de code : donnez le vôtre ({}) à vos "
    "employés.",
    // not_registered
    "Vous n'êtes pas encore inscrit. Envoyez /start pour commencer.",
    // finish_registration
    "Terminez d'abord votre inscription : {}",
    // no_workers
    "Aucun employé ne vous a encore rejoint. Donnez-leur votre code : {}.",
    // no_manager
    "Vous n'êtes pas encore connecté à un responsable. Envoyez-moi son code "
    "d'invitation.",
    // workers_list
    "Vos employés :",
    // workers_choose
    "Choisissez qui reçoit vos messages :",
    // switched_to
    "Vos messages vont maintenant à {}.",
    // no_such_worker
    "Il n'y a pas d'employé numéro {}. Envoyez /workers pour voir la liste.",
    // task_created
    "Tâche n° {} créée pour {}.",
    // task_received
    "Nouvelle tâche n° {} de {} : {}",
    // task_done_button
    "Terminé",
    // task_done_worker
    "Tâche n° {} marquée comme terminée.",
    // task_done_manager
    "{} a terminé la tâche n° {} : {}",
    // task_already_done
    "La tâche n° {} était déjà terminée.",
    // tasks_none
    "Aucune tâche ouverte.",
    // tasks_header
    "Tâches :",
    // daily_header
    "Dernières 24 heures :",
    // daily_line
    "{} : messages : {} · tâches terminées : {} · ouvertes : {}",
    // daily_none
    "Rien ne s'est passé ces dernières 24 heures.",
    // history_header
    "Derniers {} messages :",
    // history_none
    "Pas encore de messages.",
    // reset_done
    "Votre inscription a été réinitialisée. Envoyez /start pour recommencer.",
    // feedback_thanks
    "Merci pour votre avis !",
    // help_manager
    "Écrivez à votre employé et je traduis pour lui.\n"
    "/workers – vos employés ; /switch N – écrire à l'employé N\n"
    "/task TEXTE – donner une tâche à l'employé actuel ; /tasks – tâches "
    "ouvertes\n"
    "/daily – les dernières 24 heures ; /history [N] – messages récents\n"
    "/code – votre code d'invitation ; /newcode – un nouveau (l'ancien cesse "
    "de fonctionner)\n"
    "/remove N – retirer l'employé N de votre équipe ; /feedback TEXTE ; "
    "/reset\n"
    "/language – changer de langue; /usage – messages gratuits restants "
    "aujourd'hui",
    // help_worker
    "Écrivez à votre responsable et je traduis pour lui.\n"
    "/tasks – vos tâches ouvertes ; /history [N] – messages récents\n"
    "/feedback TEXTE ; /reset\n"
    "/language – changer de langue",
    // help_new
    "Envoyez /start pour vous inscrire comme responsable ou employé.",
    // unknown_command
    "Je ne connais pas la commande {}. Envoyez /help pour la liste.",
    // args_missing
    "{} demande un texte après, par exemple : {} appeler le fournisseur",
    // args_unexpected
    "{} ne prend rien après.",
    // args_too_long
    "C'est trop long pour {}.",
    // args_not_a_number
    "{} prend un nombre, par exemple : {} 5",
    // message_too_long
    "Votre message est trop long ({} caractères) ; la limite est {}.",
    // rate_limited
    "Vous envoyez trop vite. Patientez un instant.",
    // daily_limit_reached
    "Vous avez utilisé les {} messages gratuits du jour. Un abonnement lève la "
    "limite : /subscribe",
    // queued
    "Votre message attend sa traduction et sera livré.",
    // translation_failed
    "Votre message n'a pas pu être traduit ({}) ; il a été livré dans votre "
    "langue.",
    // untranslated_note
    "(non traduit)",
    // media_not_supported
    "Je ne peux transmettre que du texte. Écrivez votre message en texte.",
    // partner_unreachable
    "{} ne peut pas recevoir de messages pour le moment.",
    // unsupported_pair
    "Bridge ne sait pas encore traduire entre {} et {}.",
    // groups_not_supported
    "Bridge fonctionne uniquement en conversation privée.",
    // busy
    "Bridge est occupé ; renvoyez cela dans une minute.",
    // edit_too_old
    "Je ne peux transmettre que les modifications de messages récents ; "
    "renvoyez-le.",
    // edited_note
    "(modifié)",
    // message_refused
    "Votre message n'a pas pu être enregistré, il n'a donc pas été livré. "
    "Réécrivez-le avec d'autres mots.",
    // message_parked
    "Votre message n'a pas pu être livré pour l'instant ; il est conservé et "
    "un opérateur peut encore l'envoyer. Vos prochains messages partent "
    "normalement.",
    // manager_left
    "{} a quitté l'équipe ; vos messages ne lui parviennent plus. Envoyez un "
    "nouveau code d'invitation pour rejoindre une équipe.",
    // worker_left
    "{} a quitté votre équipe ; vos messages ne lui parviennent plus.",
    // choose_partner_language
    "Votre responsable écrit en {}. Choisissez une langue que Bridge sait "
    "traduire vers et depuis celle-ci, puis renvoyez le code.",
    // join_refused
    "{} a voulu rejoindre votre équipe, mais Bridge ne sait pas traduire "
    "entre sa langue et la vôtre ; on lui a demandé de choisir une autre "
    "langue.",
    // history_via
    "↪ via {}",
    // join_link_line
    "Ou envoyez-leur ce lien : {}",
    // code_rotated
    "Votre nouveau code d'invitation est {}. L'ancien ne fonctionne plus.",
    // join_requested
    "Votre demande pour rejoindre l'équipe de {} a été envoyée. Je vous "
    "préviendrai de sa réponse.",
    // join_request
    "{} veut rejoindre votre équipe.",
    // join_accept_button
    "Accepter",
    // join_decline_button
    "Refuser",
    // join_declined_worker
    "{} a refusé votre demande pour rejoindre son équipe.",
    // join_declined_manager
    "Vous avez refusé la demande de {} pour rejoindre votre équipe.",
    // join_already_answered
    "Cette demande a déjà reçu une réponse ou a été retirée.",
    // worker_removed
    "{} ne fait plus partie de votre équipe.",
    // removed_by_manager
    "{} vous a retiré de son équipe ; vos messages ne lui parviennent plus. "
    "Envoyez un nouveau code d'invitation pour rejoindre une équipe.",
    // remove_usage
    "/remove prend le numéro d'un employé de /workers, par exemple : /remove "
    "2",
    // codes_paused
    "Trop de codes d'invitation erronés viennent d'être envoyés à Bridge. "
    "Réessayez dans une minute.",
    // link_invalid
    "Ce lien d'invitation n'est pas valide. Demandez à votre responsable un "
    "nouveau lien ou code.",
    // link_for_manager
    "Vous êtes inscrit comme responsable ; les liens d'invitation sont pour "
    "les employés. Votre code est {}.",
    // language_choose
    "Vous écrivez en {}. Dans quelle langue voulez-vous écrire ?",
    // language_unknown
    "Je ne connais pas cette langue. Choisissez-en une parmi celles-ci :",
    // language_same
    "Vous écrivez déjà en {}.",
    // language_unreachable
    "Bridge ne sait pas traduire entre {} et {}, la langue dans laquelle "
    "écrit {}, donc votre langue reste {}.",
    // language_changed
    "Désormais vous écrivez en {} : vos prochains messages sont traduits "
    "depuis cette langue. Votre équipe reste la même.",
    // usage_free
    "Messages gratuits restants aujourd'hui : {} sur {}.",
    // usage_subscribed
    "Votre abonnement court jusqu'au {} UTC ; il lève la limite quotidienne.",
    // usage_no_subscription
    "Vous n'avez pas d'abonnement ; les messages gratuits repartent chaque "
    "jour à 00:00 UTC.",
    // daily_last_message
    "dernier message : {}",
    // daily_open_tasks
    "tâches ouvertes : {}",
    // menu_start
    "S'inscrire ou voir l'aide",
    // menu_help
    "Les commandes de votre rôle",
    // menu_workers
    "Vos employés",
    // menu_switch
    "Choisir à qui vous écrivez",
    // menu_task
    "Donner une tâche à l'employé actuel",
    // menu_tasks
    "Tâches ouvertes",
    // menu_daily
    "Les dernières 24 heures par employé",
    // menu_history
    "Messages récents",
    // menu_code
    "Votre code et lien d'invitation",
    // menu_newcode
    "Un nouveau code d'invitation",
    // menu_remove
    "Retirer un employé de votre équipe",
    // menu_usage
    "Messages gratuits restants aujourd'hui",
    // menu_language
    "Changer de langue",
    // menu_feedback
    "Écrire aux opérateurs",
    // menu_reset
    "Recommencer",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Un abonnement de 30 jours coûte {} Stars et lève la limite quotidienne. "
    "Payez ici : {}",
    // subscribe_failed
    "La facture n'a pas pu être créée pour le moment. Réessayez /subscribe "
    "plus tard.",
    // paysupport
    "Une question sur un paiement ? Écrivez /feedback avec votre question et "
    "la date du paiement ; un opérateur vous répondra et peut le rembourser. "
    "Le support de Telegram ne peut pas aider pour les paiements faits à ce "
    "bot.",
    // payment_received
    "Merci ! Votre abonnement est actif jusqu'au {} (UTC). Vous pouvez "
    "continuer à écrire.",
    // payment_not_credited
    "Votre paiement est arrivé mais ne correspond à aucune de vos commandes "
    "ouvertes ; il n'a donc pas été crédité. Un opérateur va l'examiner ; voir "
    "/paysupport.",
    // checkout_refused
    "Cette facture n'est pas une de vos commandes ouvertes. Envoyez /subscribe "
    "pour en obtenir une nouvelle.",
    // invoice_title
    "Abonnement Bridge",
    // invoice_description
    "30 jours de messages traduits sans limite quotidienne.",
    // menu_subscribe
    "Lever la limite quotidienne",
    // menu_paysupport
    "Aide pour les paiements",
    // -- media across the gap
    // media_not_translated
    "{} a envoyé un message vocal ou vidéo. Il n'a pas été traduit.",
    // media_kind_refused
    "Je ne peux pas transmettre ce type de message. Envoyez du texte, des "
    "photos, des vidéos, des documents, des messages vocaux ou des stickers.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Le glossaire de votre équipe fixe la traduction de ses termes. /glossary "
    "l'affiche ; /glossary add TERME = TRADUCTION ajoute un terme dans votre "
    "langue avec sa traduction dans celle de votre employé (plusieurs langues "
    ": /glossary add TERME = es: …; pt: …) ; /glossary remove TERME le retire.",
    // glossary_usage_worker
    "Vous pouvez proposer un terme pour le glossaire de votre équipe : "
    "/glossary add TERME = TRADUCTION, le terme dans la langue de votre "
    "responsable et la traduction dans la vôtre. Votre responsable décide.",
    // glossary_list
    "Glossaire de votre équipe ({} termes sur {}) :\n{}",
    // glossary_empty
    "Le glossaire de votre équipe est vide. Ajoutez un terme avec /glossary "
    "add TERME = TRADUCTION.",
    // glossary_added
    "Ajouté au glossaire : {} → {}. Les traductions de votre équipe "
    "l'utilisent désormais.",
    // glossary_removed
    "Retiré du glossaire : {}.",
    // glossary_not_found
    "{} n'est pas dans le glossaire de votre équipe.",
    // glossary_full
    "Le glossaire de votre équipe contient {} termes, sa limite. Retirez-en "
    "d'abord un avec /glossary remove TERME.",
    // glossary_bad_entry
    "Écrivez l'entrée ainsi : /glossary add TERME = TRADUCTION (ou TERME = es: "
    "…; pt: …). Aucun côté ne peut être vide, et un terme compte au plus {} "
    "caractères, dont au moins une lettre ou un chiffre.",
    // glossary_bad_language
    "Bridge ne sait pas traduire entre la langue de votre équipe et « {} ». "
    "Langues possibles : {}.",
    // glossary_which_language
    "Indiquez la langue de la traduction, par exemple /glossary add TERME = "
    "es: …. Langues de votre équipe : {}.",
    // glossary_wrong_script
    "« {} » n'est pas écrit dans l'alphabet de la langue {} : les messages "
    "dans cette langue ne le contiendraient jamais.",
    // glossary_proposed
    "Votre responsable a été invité à ajouter {} → {} au glossaire de "
    "l'équipe.",
    // glossary_proposal
    "{} propose un terme pour le glossaire : {} → {} ({}).",
    // glossary_declined
    "Refusé : {} → {}.",
    // glossary_answered
    "Cette proposition a déjà reçu une réponse.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Répondez à une traduction reçue avec /fix et votre meilleure formulation, "
    "par exemple : /fix Bonjour, l’équipe.",
    // fix_not_translation
    "/fix ne fonctionne qu’en réponse à une traduction reçue de votre "
    "partenaire, et ce message n’en est pas une (ou il est trop ancien pour "
    "être corrigé).",
    // fix_saved
    "Merci : votre correction est enregistrée et {} en a été informé.",
    // fix_writer_told
    "{} propose une meilleure traduction de votre message « {} » : « {} » (le "
    "traducteur avait écrit « {} »).",
    // corrections_none
    "Aucune correction n’a encore été répétée. Quand votre équipe corrige la "
    "même expression de la même façon au moins deux fois, elle est proposée "
    "ici pour le glossaire.",
    // corrections_header
    "Corrections répétées par votre équipe (propositions pour le glossaire) :",
    // corrections_line
    "• « {} » → « {} » ({} fois)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Le glossaire de l'équipe",
    // menu_fix
    "Corriger une traduction (en réponse)",
    // menu_corrections
    "Corrections répétées par votre équipe",
    // help_corrections_manager
    "/glossary – les termes de l'équipe ; /corrections – corrections répétées\n"
    "/fix TEXTE – en réponse à une traduction : votre meilleure formulation",
    // help_corrections_worker
    "/fix TEXTE – en réponse à une traduction : votre meilleure formulation",
    // -- /original --
    // menu_original
    "Afficher l’original sous les traductions : on, off ou auto",
    // original_current
    "Originaux sous les traductions que vous recevez : {}.",
    // original_changed
    "C’est enregistré. Originaux sous les traductions que vous recevez : {}.",
    // original_usage
    "Choisissez :\n"
    "/original on : toujours, sous chaque traduction\n"
    "/original off : jamais\n"
    "/original auto : seulement quand la traduction est passée par une autre "
    "langue (le réglage par défaut)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Aucune correction pour l'instant. Quand quelqu'un de votre équipe répond "
    "/fix à une traduction, elle apparaît ici ; la même correction faite {} "
    "fois est proposée comme entrée du glossaire.",
    // glossary_suggestions_header
    "Les dernières corrections de votre équipe, les plus récentes d'abord. La "
    "même correction faite {} fois est proposée comme entrée du glossaire.",
    // glossary_suggestions_line
    "• {} : « {} » → « {} »",
    // glossary_correction_proposal
    "Votre équipe a fait la même correction {} fois : {} → {} ({}). L'ajouter "
    "au glossaire ?",
    // help_glossary_suggestions
    "/glossary suggestions – les dernières corrections de votre équipe ; une "
    "correction répétée à l'identique est proposée comme entrée du glossaire",
}};

} // namespace bridge::domain::texts_detail
