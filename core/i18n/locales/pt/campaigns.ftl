# Campanhas: adesão, progresso, marcos, temas, perspectivas, relatório final (core/engine/campaigns.ts).

command-campaign = Ver o progresso da campanha deste chat

campaign-join-usage = Para entrar em uma campanha, digite { $command } join CÓDIGO com o código que os organizadores passaram para você.
campaign-joined = Este chat agora participa de “{ $title }”. As batalhas daqui contam para as metas dela; { $command } mostra como ela está.
campaign-already = Este chat já participa de “{ $title }”.
campaign-busy = Este chat já participa da campanha “{ $other }”. Saia dela primeiro (em { $command }).
campaign-unknown-code = Nenhuma campanha tem o código “{ $code }”. Confirme com os organizadores.
campaign-closed = Essa campanha terminou: ela não aceita novos chats.
campaign-left = Este chat saiu de “{ $title }”. As batalhas dele não contam mais para a campanha.
campaign-none = Este chat não participa de nenhuma campanha. Um administrador pode entrar em uma com { $command } join CÓDIGO.
campaign-admins-only = Só os administradores do chat podem entrar em uma campanha ou sair dela.

settings-campaign = Campanha: { $title ->
    [none] nenhuma
   *[other] { $title }
  }
settings-btn-campaign-join = Entrar em uma campanha
settings-btn-campaign-leave = Sair da campanha
settings-mode = Modo de batalha: { $mode }
settings-btn-mode = { $mode ->
    [random] Pares aleatórios
    [big-vs-small] Grande contra pequeno
    [frugal] Modelos econômicos
   *[custom] Meus dois modelos
  }
campaign-join-form-title = Entrar em uma campanha
campaign-join-form-label = Código da campanha

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ Pausada por enquanto: as batalhas daqui não contam para ela.
   *[closed] 🏁 Esta campanha terminou.
  }
campaign-progress-total = { $votes } de { $goal } votos ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] 1 voto até agora
   *[other] { $votes } votos até agora
  }
campaign-progress-language = { $language }: { $votes } de { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
campaign-progress-days = { $days ->
    [0] Último dia!
    [one] Falta 1 dia
   *[other] Faltam { $days } dias
  }
campaign-progress-ended = A campanha terminou.
campaign-progress-top = Chats mais ativos
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
campaign-gauge-alt = Progresso de { $title }: { $votes } de { $goal } votos
campaign-milestone = { $percent ->
    [100] 🎉 “{ $title }” atingiu a meta: { $votes } votos! Obrigado a todos.
   *[other] 🎯 “{ $title }” está em { $percent } % da meta ({ $votes } votos). Continuem assim!
  }

campaign-suggestions = Não sabe o que perguntar? Escolha um tema de “{ $title }” ou digite sua própria pergunta depois de { $command }.
campaign-topic-of-day = 💡 Prompt do dia para “{ $title }”:

    { $prompt }
campaign-topic-battle = ⚔️ Começar esta batalha
campaign-topic-unknown = Esse tema não está mais disponível.

stance-board-title = Qual perspectiva as pessoas preferem? — { $title }
stance-board-row = { $rank }. { $stance } — vence { $wins } de { $battles }
stance-board-empty = Ainda não há votos sobre perspectivas.

campaign-report-title = Relatório final — { $title }
campaign-report-posted = 🏁 “{ $title }” terminou: { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  } em { $battles ->
    [one] 1 batalha
   *[other] { $battles } batalhas
  } de { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
  }. Obrigado! Aqui está a classificação final.
campaign-report-language = Classificação em { $language }
campaign-report-no-votes = Não há votos suficientes neste idioma para uma classificação.
campaign-report-participation = Participação
campaign-report-comparison = A classificação de cada comunidade comparada à da campanha
