// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Portuguese (pt), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_pt{{
    // welcome
    "Bem-vindo ao Bridge! Eu traduzo entre você e a sua equipe.",
    // choose_role
    "Você é gerente ou trabalhador?",
    // role_manager
    "Sou gerente",
    // role_worker
    "Sou trabalhador",
    // choose_language
    "Em que idioma você escreve?",
    // manager_ready
    "Você está registrado como gerente. Seu código de convite é {}. "
    "Entregue-o aos seus trabalhadores; eles o enviam para mim para se "
    "conectar com você.",
    // worker_send_code
    "Envie-me o código de convite que seu gerente lhe deu (como "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Você está conectado com {}. Escreva aqui e eu traduzo para você.",
    // manager_worker_joined
    "{} entrou na sua equipe. Suas mensagens agora vão para {}.",
    // wrong_code
    "Esse código não corresponde a nenhum gerente. Verifique-o e tente de "
    "novo.",
    // too_many_codes
    "Códigos errados demais. Tente de novo em {} minutos.",
    // code_for_manager
    "Seu código de convite é {}.",
    // code_not_needed
    "Gerentes não precisam de código: entregue o seu ({}) aos seus "
    "trabalhadores.",
    // not_registered
    "Você ainda não está registrado. Envie /start para começar.",
    // finish_registration
    "Termine primeiro o seu registro: {}",
    // no_workers
    "Nenhum trabalhador entrou ainda. Entregue-lhes seu código: {}.",
    // no_manager
    "Você ainda não está conectado a um gerente. Envie-me o código de "
    "convite dele.",
    // workers_list
    "Seus trabalhadores:",
    // workers_choose
    "Escolha quem recebe suas mensagens:",
    // switched_to
    "Suas mensagens agora vão para {}.",
    // no_such_worker
    "Não há trabalhador número {}. Envie /workers para ver a lista.",
    // task_created
    "Tarefa nº {} criada para {}.",
    // task_received
    "Nova tarefa nº {} de {}: {}",
    // task_done_button
    "Feito",
    // task_done_worker
    "Tarefa nº {} marcada como feita.",
    // task_done_manager
    "{} concluiu a tarefa nº {}: {}",
    // task_already_done
    "A tarefa nº {} já estava feita.",
    // tasks_none
    "Não há tarefas abertas.",
    // tasks_header
    "Tarefas:",
    // daily_header
    "Últimas 24 horas:",
    // daily_line
    "{}: mensagens: {} · tarefas feitas: {} · abertas: {}",
    // daily_none
    "Nada aconteceu nas últimas 24 horas.",
    // history_header
    "Últimas {} mensagens:",
    // history_none
    "Ainda não há mensagens.",
    // reset_done
    "Seu registro foi reiniciado. Envie /start para começar de novo.",
    // feedback_thanks
    "Obrigado pelo seu comentário!",
    // help_manager
    "Escreva ao seu trabalhador e eu traduzo para ele.\n"
    "/workers – seus trabalhadores; /switch N – escrever ao trabalhador N\n"
    "/task TEXTO – dar uma tarefa ao trabalhador atual; /tasks – tarefas "
    "abertas\n"
    "/daily – as últimas 24 horas; /history [N] – mensagens recentes\n"
    "/code – seu código de convite; /newcode – um novo (o antigo deixa de "
    "funcionar)\n"
    "/remove N – tirar o trabalhador N da sua equipe; /feedback TEXTO; /reset\n"
    "/language – mudar seu idioma; /usage – mensagens gratuitas restantes hoje",
    // help_worker
    "Escreva ao seu gerente e eu traduzo para ele.\n"
    "/tasks – suas tarefas abertas; /history [N] – mensagens recentes\n"
    "/feedback TEXTO; /reset\n"
    "/language – mudar seu idioma",
    // help_new
    "Envie /start para se registrar como gerente ou trabalhador.",
    // unknown_command
    "Não conheço o comando {}. Envie /help para ver a lista.",
    // args_missing
    "{} precisa de um texto depois, por exemplo: {} ligar para o fornecedor",
    // args_unexpected
    "{} não leva nada depois.",
    // args_too_long
    "Isso é longo demais para {}.",
    // args_not_a_number
    "{} leva um número, por exemplo: {} 5",
    // message_too_long
    "Sua mensagem é longa demais ({} caracteres); o limite é {}.",
    // rate_limited
    "Você está enviando rápido demais. Aguarde um momento.",
    // daily_limit_reached
    "Você usou as {} mensagens gratuitas de hoje. Uma assinatura remove o "
    "limite: /subscribe",
    // queued
    "Sua mensagem está na fila para tradução e será entregue.",
    // translation_failed
    "Não foi possível traduzir sua mensagem ({}); ela foi entregue no seu "
    "idioma.",
    // untranslated_note
    "(sem tradução)",
    // media_not_supported
    "Só consigo repassar texto. Escreva sua mensagem como texto.",
    // partner_unreachable
    "{} não pode receber mensagens agora.",
    // unsupported_pair
    "O Bridge ainda não traduz entre {} e {}.",
    // groups_not_supported
    "O Bridge funciona só em conversas privadas.",
    // busy
    "O Bridge está ocupado agora; envie isso de novo em um minuto.",
    // edit_too_old
    "Só consigo levar edições de mensagens recentes; envie-a de novo.",
    // edited_note
    "(editado)",
    // message_refused
    "Não foi possível guardar sua mensagem, então ela não foi entregue. "
    "Escreva-a de novo com outras palavras.",
    // message_parked
    "Não foi possível entregar sua mensagem agora; ela está guardada e um "
    "operador ainda pode enviá-la. Suas próximas mensagens seguem "
    "normalmente.",
    // manager_left
    "{} saiu da equipe; suas mensagens não chegam mais a essa pessoa. Envie "
    "um novo código de convite para entrar em uma equipe.",
    // worker_left
    "{} saiu da sua equipe; suas mensagens não chegam mais a essa pessoa.",
    // choose_partner_language
    "Seu gerente escreve em {}. Escolha um idioma que o Bridge consiga "
    "traduzir de e para ele e envie o código de novo.",
    // join_refused
    "{} tentou entrar na sua equipe, mas o Bridge não consegue traduzir "
    "entre o idioma dessa pessoa e o seu; pedimos que escolha outro idioma.",
    // history_via
    "↪ via {}",
    // join_link_line
    "Ou envie-lhes este link: {}",
    // code_rotated
    "Seu novo código de convite é {}. O antigo não funciona mais.",
    // join_requested
    "Seu pedido para entrar na equipe de {} foi enviado. Eu aviso quando "
    "houver resposta.",
    // join_request
    "{} quer entrar na sua equipe.",
    // join_accept_button
    "Aceitar",
    // join_decline_button
    "Recusar",
    // join_declined_worker
    "{} recusou seu pedido para entrar na equipe.",
    // join_declined_manager
    "Você recusou o pedido de {} para entrar na sua equipe.",
    // join_already_answered
    "Esse pedido já foi respondido ou retirado.",
    // worker_removed
    "{} não está mais na sua equipe.",
    // removed_by_manager
    "{} tirou você da equipe; suas mensagens não chegam mais a essa pessoa. "
    "Envie um novo código de convite para entrar em uma equipe.",
    // remove_usage
    "/remove leva o número de um trabalhador em /workers, por exemplo: "
    "/remove 2",
    // codes_paused
    "Foram enviados ao Bridge códigos de convite errados demais agora há "
    "pouco. Tente de novo em um minuto.",
    // link_invalid
    "Este link de convite não é válido. Peça ao seu gerente um novo link ou "
    "código.",
    // link_for_manager
    "Você está registrado como gerente; os links de convite são para "
    "trabalhadores. Seu código é {}.",
    // language_choose
    "Você escreve em {}. Em que idioma quer escrever?",
    // language_unknown
    "Não conheço esse idioma. Escolha um destes:",
    // language_same
    "Você já escreve em {}.",
    // language_unreachable
    "O Bridge não consegue traduzir entre {} e {}, o idioma em que {} "
    "escreve, então seu idioma continua sendo {}.",
    // language_changed
    "A partir de agora você escreve em {}: suas próximas mensagens são "
    "traduzidas a partir dele. Sua equipe continua como está.",
    // usage_free
    "Mensagens gratuitas restantes hoje: {} de {}.",
    // usage_subscribed
    "Sua assinatura vale até {} UTC; com ela não há limite diário.",
    // usage_no_subscription
    "Você não tem assinatura; as mensagens gratuitas recomeçam todos os dias "
    "às 00:00 UTC.",
    // daily_last_message
    "última mensagem: {}",
    // daily_open_tasks
    "tarefas abertas: {}",
    // menu_start
    "Registrar-se ou ver a ajuda",
    // menu_help
    "Os comandos da sua função",
    // menu_workers
    "Seus trabalhadores",
    // menu_switch
    "Escolher para quem você escreve",
    // menu_task
    "Dar uma tarefa ao trabalhador atual",
    // menu_tasks
    "Tarefas abertas",
    // menu_daily
    "As últimas 24 horas por trabalhador",
    // menu_history
    "Mensagens recentes",
    // menu_code
    "Seu código e link de convite",
    // menu_newcode
    "Um novo código de convite",
    // menu_remove
    "Tirar um trabalhador da sua equipe",
    // menu_usage
    "Mensagens gratuitas restantes hoje",
    // menu_language
    "Mudar seu idioma",
    // menu_feedback
    "Escrever aos operadores",
    // menu_reset
    "Começar de novo",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Uma assinatura de 30 dias custa {} Stars e remove o limite diário. Pague "
    "aqui: {}",
    // subscribe_failed
    "Não foi possível criar a fatura agora. Tente /subscribe novamente mais "
    "tarde.",
    // paysupport
    "Dúvidas sobre um pagamento? Escreva /feedback com sua pergunta e a data "
    "do pagamento; um operador responderá e pode reembolsá-lo. O suporte do "
    "Telegram não pode ajudar com pagamentos feitos a este bot.",
    // payment_received
    "Obrigado! Sua assinatura está ativa até {} (UTC). Pode continuar "
    "escrevendo.",
    // payment_not_credited
    "Seu pagamento chegou, mas não corresponde a nenhum pedido aberto seu, por "
    "isso não foi creditado. Um operador vai analisá-lo; veja /paysupport.",
    // checkout_refused
    "Esta fatura não é um pedido aberto seu. Envie /subscribe para obter uma "
    "nova.",
    // invoice_title
    "Assinatura do Bridge",
    // invoice_description
    "30 dias de mensagens traduzidas sem limite diário.",
    // menu_subscribe
    "Remover o limite diário",
    // menu_paysupport
    "Ajuda com pagamentos",
    // -- media across the gap
    // media_not_translated
    "{} enviou uma mensagem de voz ou de vídeo. Ela não foi traduzida.",
    // media_kind_refused
    "Não consigo repassar este tipo de mensagem. Envie texto, fotos, vídeos, "
    "documentos, mensagens de voz ou figurinhas.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "O glossário da sua equipe define como os termos dela são traduzidos. "
    "/glossary mostra o glossário; /glossary add TERMO = TRADUÇÃO adiciona um "
    "termo no seu idioma com a tradução para o idioma do seu trabalhador "
    "(vários idiomas: /glossary add TERMO = es: …; pt: …); /glossary remove "
    "TERMO o remove.",
    // glossary_usage_worker
    "Você pode propor um termo para o glossário da sua equipe: /glossary add "
    "TERMO = TRADUÇÃO, com o termo no idioma do seu gerente e a tradução no "
    "seu. Seu gerente decide.",
    // glossary_list
    "Glossário da sua equipe ({} de {} termos):\n{}",
    // glossary_empty
    "O glossário da sua equipe está vazio. Adicione um termo com /glossary add "
    "TERMO = TRADUÇÃO.",
    // glossary_added
    "Adicionado ao glossário: {} → {}. As traduções da sua equipe passam a "
    "usá-lo.",
    // glossary_removed
    "Removido do glossário: {}.",
    // glossary_not_found
    "{} não está no glossário da sua equipe.",
    // glossary_full
    "O glossário da sua equipe tem {} termos, o limite. Remova um antes com "
    "/glossary remove TERMO.",
    // glossary_bad_entry
    "Escreva a entrada assim: /glossary add TERMO = TRADUÇÃO (ou TERMO = es: "
    "…; pt: …). Nenhum dos lados pode ficar vazio, e um termo tem no máximo {} "
    "caracteres, pelo menos um deles letra ou dígito.",
    // glossary_bad_language
    "O Bridge não consegue traduzir entre o idioma da sua equipe e \"{}\". "
    "Idiomas possíveis: {}.",
    // glossary_which_language
    "Diga em que idioma está a tradução, por exemplo /glossary add TERMO = es: "
    "…. Idiomas da sua equipe: {}.",
    // glossary_wrong_script
    "\"{}\" não está escrito no alfabeto do idioma {}: mensagens nesse idioma "
    "nunca o conteriam.",
    // glossary_proposed
    "Pedimos ao seu gerente que adicione {} → {} ao glossário da equipe.",
    // glossary_proposal
    "{} propõe um termo para o glossário: {} → {} ({}).",
    // glossary_declined
    "Recusado: {} → {}.",
    // glossary_answered
    "Esta proposta já foi respondida.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Responda a uma tradução que recebeu com /fix e a sua versão melhor, por "
    "exemplo: /fix Bom dia, equipe.",
    // fix_not_translation
    "/fix só funciona como resposta a uma tradução que você recebeu do seu "
    "parceiro, e esta mensagem não é uma (ou é antiga demais para ser "
    "corrigida).",
    // fix_saved
    "Obrigado: a sua correção foi guardada e {} foi avisado.",
    // fix_writer_told
    "{} sugere uma tradução melhor da sua mensagem «{}»: «{}» (o tradutor "
    "tinha escrito «{}»).",
    // corrections_none
    "Nenhuma correção foi repetida ainda. Quando a sua equipe corrigir a mesma "
    "expressão da mesma forma pelo menos duas vezes, ela aparecerá aqui como "
    "sugestão para o glossário.",
    // corrections_header
    "Correções que a sua equipe repetiu (sugestões para o glossário):",
    // corrections_line
    "• «{}» → «{}» ({} vezes)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "O glossário da equipe",
    // menu_fix
    "Corrigir uma tradução (como resposta)",
    // menu_corrections
    "Correções que a sua equipe repetiu",
    // help_corrections_manager
    "/glossary – os termos da equipe; /corrections – correções repetidas\n"
    "/fix TEXTO – como resposta a uma tradução: a sua versão melhor",
    // help_corrections_worker
    "/fix TEXTO – como resposta a uma tradução: a sua versão melhor",
    // -- /original --
    // menu_original
    "Mostrar o original sob as traduções: on, off ou auto",
    // original_current
    "Originais sob as traduções que você recebe: {}.",
    // original_changed
    "Guardado. Originais sob as traduções que você recebe: {}.",
    // original_usage
    "Escolha uma opção:\n"
    "/original on: sempre, sob cada tradução\n"
    "/original off: nunca\n"
    "/original auto: só quando a tradução passou por outro idioma (a opção "
    "padrão)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Ainda não há correções. Quando alguém da sua equipe responde /fix a uma "
    "tradução, ela aparece aqui; a mesma correção feita {} vezes é proposta "
    "como entrada do glossário.",
    // glossary_suggestions_header
    "As últimas correções da sua equipe, das mais recentes para as mais "
    "antigas. A mesma correção feita {} vezes é proposta como entrada do "
    "glossário.",
    // glossary_suggestions_line
    "• {}: “{}” → “{}”",
    // glossary_correction_proposal
    "Sua equipe fez a mesma correção {} vezes: {} → {} ({}). Adicionar ao "
    "glossário?",
    // help_glossary_suggestions
    "/glossary suggestions – as últimas correções da sua equipe; uma repetida "
    "da mesma forma é proposta como entrada do glossário",
}};

} // namespace bridge::domain::texts_detail
