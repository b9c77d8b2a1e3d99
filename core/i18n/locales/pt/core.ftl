## Mensagens da batalha — visíveis para todos no chat

model-demo-name = { $name } (modelo de demonstração)
reply-header = **Modelo { $side }**
reply-header-revealed = **Modelo { $side }** · { $model }
reply-waiting = _Pensando…_
reply-empty = _(resposta vazia)_
reply-failed = ⚠️ Esta resposta falhou: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A é melhor
vote-b = 👉 B é melhor
vote-tie = 🤝 Empate
vote-both_bad = 👎 As duas são ruins

choice-a = A é melhor
choice-b = B é melhor
choice-tie = Empate
choice-both_bad = As duas são ruins

ballot-question = **Qual resposta é melhor?** Vote abaixo; os modelos são revelados depois do seu voto.
ballot-votes = { $votes ->
    [0] 🗳️ Ainda não há votos.
    [one] 🗳️ 1 voto até agora.
   *[other] 🗳️ { $votes } votos até agora.
}
ballot-closes-in = A votação termina em { $minutes ->
    [one] 1 minuto.
   *[other] { $minutes } minutos.
}
ballot-closes-after = A votação termina depois de { $votes } votos.
ballot-moved = ⬇️ A conversa continuou: vote na cédula mais recente, abaixo.
ballot-closed = **Votação encerrada** · { $votes ->
    [0] nenhum voto
    [one] 1 voto
   *[other] { $votes } votos
}
ballot-tally = A melhor: { $a } · B melhor: { $b } · Empate: { $tie } · As duas ruins: { $bothBad }
ballot-leak = ⚠️ Uma resposta citou um modelo ou um laboratório, então esta batalha não conta para a classificação.

reveal-line = **{ $side }** era **{ $model }**{ $details } — { $seconds } s, { $tokens } tokens
reveal-short = A era { $a } · B era { $b }
reveal-params = { $billions } bilhões de parâmetros

battle-failed = ⚠️ Esta batalha não pôde ser concluída ({ $reason }). Ela não aceita votos; pergunte de novo, por favor.
followup-failed = ⚠️ Não foi possível responder à pergunta de continuação ({ $reason }). A batalha continua aberta: você ainda pode votar na conversa até aqui ou perguntar de novo.
battle-interrupted = ⚠️ Uma batalha foi interrompida porque o Pnyx reiniciou. Ela não aceita votos; pergunte de novo, por favor.
failure-no-models = não há modelos suficientes disponíveis agora
failure-restart = o Pnyx reiniciou enquanto os modelos respondiam
failure-stopped = o Pnyx está sendo desligado

## Respostas privadas — visíveis apenas para quem agiu

prompt-empty = Escreva uma pergunta ou uma tarefa, por exemplo: O que é um buraco negro?
prompt-too-long = Sua mensagem tem { $length } caracteres; o limite é { $max }. Encurte-a, por favor.
rate-limited = Você está indo um pouco rápido. Tente de novo em { $seconds ->
    [one] 1 segundo.
   *[other] { $seconds } segundos.
}
chat-rate-limited = Este chat iniciou muitas batalhas no último minuto. Tente de novo em { $seconds ->
    [one] 1 segundo.
   *[other] { $seconds } segundos.
}
battle-queued = Sua batalha está na fila: { $ahead ->
    [one] uma batalha acontece antes dela
   *[other] { $ahead } batalhas acontecem antes dela
} neste chat, para não inundá-lo. As respostas vêm assim que chegar a vez dela.
arena-paused = A arena está pausada neste chat. Um administrador pode reativá-la com { $command }.
no-models = Não há modelos suficientes disponíveis agora para uma batalha. Tente de novo mais tarde.
battle-max-turns = Esta batalha chegou a { $max } turnos. Comece uma nova para continuar.
battle-not-open = Esta batalha terminou. Envie uma nova mensagem para começar outra.
vote-counted = Seu voto: { $choice }.
vote-duplicate = Você já votou nesta batalha: { $choice }. Cada pessoa vota uma vez.
vote-changed = Você mudou seu voto: { $choice } (antes era { $from }). Você já tinha visto os nomes, então as classificações mantêm sua primeira escolha às cegas.
followup-after-reveal = Você votou nesta batalha e viu os nomes dos modelos, então não pode mais adicionar prompts a ela: o resto da conversa precisa continuar às cegas. Envie uma nova mensagem para começar outra batalha.
vote-reasons-ask = Por quê? Adicione seus motivos, se quiser:
vote-reason-no-vote = Vote primeiro, depois adicione seus motivos.
vote-closed = A votação desta batalha está encerrada.
vote-too-early = Espere as duas respostas terminarem antes de votar.
vote-failed = Esta batalha não pôde ser concluída, então não aceita votos.
vote-reveal = { $reveal }
action-stale = Este botão não é mais válido. Comece uma nova batalha para votar.
reaction-saved = Obrigado! Você { $kind ->
    [like] gostou
   *[dislike] não gostou
} da resposta { $side }. Adicione seus motivos, se quiser:
reason-saved = Motivo salvo: { $reason }.

reason-useful = Útil
reason-complete = Completa
reason-creative = Criativa
reason-clear_formatting = Formatação clara
reason-incorrect = Incorreta
reason-superficial = Superficial
reason-instructions_not_followed = Instruções não seguidas

## Comandos

help-text = **Pnyx — uma arena às cegas para modelos de linguagem** 🏛️

    Pergunte qualquer coisa: dois modelos anônimos respondem lado a lado como **A** e **B**. Vote na melhor resposta com os botões — 👈 A, 👉 B, 🤝 empate ou 👎 as duas ruins. Os modelos são revelados para você logo depois do seu voto, e para todos quando a votação termina.

    • Em um chat privado, basta escrever sua mensagem.
    • Em um grupo, use { $arena } seguido da sua mensagem, mencione-me ou responda a uma batalha para continuá-la.
    • 👍/👎 abaixo de uma resposta nos dizem do que você gostou ou não.
    • { $leaderboard } mostra a classificação construída com os votos de todos.
    • { $privacy } explica o que é guardado e por quê. { $settings } (administradores do grupo) configura a arena aqui.
start-text = Boas-vindas ao Pnyx! { help-text }
privacy-text = **O que o Pnyx guarda, e por quê**

    • Suas mensagens para a arena e as respostas dos dois modelos, para mostrar a batalha e criar conjuntos de dados abertos de conversas.
    • Seus votos e reações, para calcular a classificação.
    • Um identificador pseudônimo para você. Seu identificador na plataforma serve apenas para entregar mensagens e nunca é publicado.

    Os conjuntos de dados publicados excluem as conversas marcadas como contendo dados pessoais. Não escreva informações pessoais (nomes, endereços, dados de saúde ou financeiros) nas suas mensagens.
unknown-command = Não conheço esse comando. Tente { $command }.

settings-title = **Configurações da arena para este chat**
settings-admins-only = Só os administradores do chat podem mudar as configurações da arena.
settings-saved = Configurações salvas.
settings-enabled = Arena: { $on ->
    [yes] ✅ ativada
   *[no] ⏸ pausada
}
settings-trigger = As batalhas começam com: { $trigger ->
    [all] cada mensagem
   *[addressed] comandos, menções e respostas
}
settings-reveal = A votação termina: { $policy }
settings-language = Idioma: { $language }
settings-models = Modelos permitidos: { $count } de { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Pausar a arena
   *[no] ▶️ Ativar a arena
}
settings-btn-trigger-addressed = Comandos e menções
settings-btn-trigger-all = Cada mensagem
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Publicação da classificação: { $preset ->
    [daily] todo dia às 18:00 ({ $timezone })
    [weekly] toda segunda-feira às 18:00 ({ $timezone })
    [custom] conforme o agendamento { $cron } ({ $timezone })
   *[off] desativada
}
settings-timezone-hint = _Fuso horário: { $command } timezone Europe/Lisbon_
settings-btn-schedule = 📊 { $preset ->
    [daily] Diária
    [weekly] Semanal
   *[off] Sem publicações
}
settings-usage = Use { $command } sozinho para o menu, ou { $command } timezone Região/Cidade (por exemplo America/Sao_Paulo).
settings-bad-timezone = “{ $zone }” não é um fuso horário que eu conheça. Use um nome como Europe/Lisbon ou America/Sao_Paulo.
settings-models-minimum = Pelo menos dois modelos precisam continuar permitidos para que haja batalhas.
policy-votes = { $votes ->
    [one] depois do primeiro voto
   *[other] depois de { $votes } votos
}
policy-minutes = { $minutes ->
    [one] depois de 1 minuto
   *[other] depois de { $minutes } minutos
}
policy-default = padrão ({ $policy })
language-auto = automático
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Ainda não há votos — a classificação aparece depois que as primeiras batalhas forem votadas.
leaderboard-title = **Classificação** ({ $votes } votos)

## Segunda onda: confirmações, formulários, threads, menus paginados

event-failed = Desculpe, algo deu errado do lado do Pnyx. Nada foi perdido; tente de novo em um instante.
failure-internal = um erro interno
prompt-echo = 💬 **{ $name }** pergunta:
vote-why-button = ✍️ Dizer por quê
vote-why-title = Por que este voto?
vote-why-label = O que fez a diferença? (opcional, guardado com seu voto)
vote-why-placeholder = ex.: B respondeu à pergunta; A só a repetiu.
vote-why-saved = Obrigado — sua explicação foi guardada com seu voto.
vote-why-empty = A explicação estava vazia, então nada foi salvo.
vote-why-too-long = Fique abaixo de { $max } caracteres, por favor.
form-submit = Salvar
settings-layout = As batalhas aparecem: { $layout ->
    [inline] no canal
   *[thread] em uma thread própria
}
settings-btn-layout-thread = 🧵 Em uma thread
settings-btn-layout-inline = 💬 No canal
settings-btn-timezone = 🕒 Fuso horário: { $timezone }
settings-timezone-title = Fuso horário
settings-timezone-label = Fuso horário deste chat (Região/Cidade)
settings-timezone-saved = Fuso horário definido como { $zone }.
settings-btn-page-previous = ◀ Anterior
settings-btn-page-next = Próxima ▶
settings-page = Página { $page }/{ $pages }

## Catálogo de comandos (descrições que as plataformas mostram nos menus de comandos)

command-arena = Começar uma batalha: dois modelos anônimos respondem
command-arena-prompt = Sua pergunta ou tarefa para os dois modelos
command-leaderboard = Classificação atual dos modelos
command-help = Como começar uma batalha e votar
command-privacy = O que é guardado e por quê
command-settings = Configurações da arena para este chat (administradores)
command-settings-timezone = Fuso horário deste chat, ex.: Europe/Lisbon
command-start = O que é o Pnyx e como votar

## O que se lê quando um modelo falha (as palavras do provedor ficam no log)

failure-side = o modelo { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] demorou demais para responder
    [rate_limited] está limitado pelo provedor neste momento
    [service_error] teve um erro do lado do provedor
    [unreachable] não pôde ser contatado
    [refused] foi recusado pelo provedor — um administrador deve verificar as configurações dele
    [rejected] não pôde aceitar este pedido
    [malformed] enviou uma resposta ilegível
   *[internal] falhou
}
failure-kind = { $kind ->
    [timeout] demorou demais
    [rate_limited] o provedor está limitando-o agora
    [service_error] o provedor teve um erro
    [unreachable] não pôde ser contatado
    [refused] o provedor recusou o pedido
    [rejected] não pôde aceitar este pedido
    [malformed] a resposta estava ilegível
   *[internal] falhou
}

## Limites de gastos com modelos pagos

spend-cap-chat = Este chat atingiu o limite de gastos de hoje com modelos pagos (${ $cap }). As batalhas voltam em { $hours ->
    [one] cerca de uma hora (à meia-noite UTC).
   *[other] cerca de { $hours } horas (à meia-noite UTC).
}
spend-cap-all = O Pnyx atingiu o limite de gastos de hoje com modelos pagos (${ $cap }) em todos os chats. As batalhas voltam em { $hours ->
    [one] cerca de uma hora (à meia-noite UTC).
   *[other] cerca de { $hours } horas (à meia-noite UTC).
}
settings-spend = Limite diário com modelos pagos: { $cap ->
    [none] nenhum
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Padrão
   *[other] 💶 ${ $cap }/dia
}

## Idiomas em que um chat coleta prompts

language-not-accepted = 🌍 Este chat coleta prompts em { $languages }, e o seu parece estar em { $language }. Escreva-o em { $languages } para começar uma batalha.
settings-languages = Prompts coletados em: { $languages }
