# Campagne: adesione, avanzamento, traguardi, temi, prospettive, rapporto finale (core/engine/campaigns.ts).

command-campaign = Vedi l'avanzamento della campagna di questa chat

campaign-join-usage = Per aderire a una campagna, scrivi { $command } join CODICE con il codice che ti hanno dato gli organizzatori.
campaign-joined = Questa chat ora partecipa a «{ $title }». Le sfide qui contano per i suoi obiettivi; { $command } mostra a che punto è.
campaign-already = Questa chat partecipa già a «{ $title }».
campaign-busy = Questa chat partecipa già alla campagna «{ $other }». Prima abbandonala (in { $command }).
campaign-unknown-code = Nessuna campagna ha il codice «{ $code }». Verificalo con gli organizzatori.
campaign-closed = Quella campagna è finita: non accetta nuove chat.
campaign-left = Questa chat ha lasciato «{ $title }». Le sue sfide non contano più per la campagna.
campaign-none = Questa chat non partecipa a nessuna campagna. Un amministratore può aderire a una campagna con { $command } join CODICE.
campaign-admins-only = Solo gli amministratori della chat possono aderire a una campagna o abbandonarla.

settings-campaign = Campagna: { $title ->
    [none] nessuna
   *[other] { $title }
  }
settings-btn-campaign-join = Aderisci a una campagna
settings-btn-campaign-leave = Abbandona la campagna
settings-mode = Modalità delle sfide: { $mode }
settings-btn-mode = { $mode ->
    [random] Coppie casuali
    [big-vs-small] Grande contro piccolo
    [frugal] Modelli frugali
   *[custom] I miei due modelli
  }
campaign-join-form-title = Aderisci a una campagna
campaign-join-form-label = Codice della campagna

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ In pausa per ora: le sfide qui non contano.
   *[closed] 🏁 Questa campagna è finita.
  }
campaign-progress-total = { $votes } voti su { $goal } ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] 1 voto finora
   *[other] { $votes } voti finora
  }
campaign-progress-language = { $language }: { $votes } su { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 voto
   *[other] { $votes } voti
  }
campaign-progress-days = { $days ->
    [0] Ultimo giorno!
    [one] Manca 1 giorno
   *[other] Mancano { $days } giorni
  }
campaign-progress-ended = La campagna è terminata.
campaign-progress-top = Chat più attive
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 voto
   *[other] { $votes } voti
  }
campaign-gauge-alt = Avanzamento di { $title }: { $votes } voti su { $goal }
campaign-milestone = { $percent ->
    [100] 🎉 «{ $title }» ha raggiunto il suo obiettivo: { $votes } voti! Grazie a tutti.
   *[other] 🎯 «{ $title }» è al { $percent } % del suo obiettivo ({ $votes } voti). Continuate così!
  }

campaign-suggestions = Non sai cosa chiedere? Scegli un tema di «{ $title }» o scrivi la tua domanda dopo { $command }.
campaign-topic-of-day = 💡 Prompt del giorno per «{ $title }»:

    { $prompt }
campaign-topic-battle = ⚔️ Avvia questa sfida
campaign-topic-unknown = Quel tema non è più proposto.

stance-board-title = Quale prospettiva preferiscono le persone? — { $title }
stance-board-row = { $rank }. { $stance } — vince { $wins } su { $battles }
stance-board-empty = Ancora nessun voto sulle prospettive.

campaign-report-title = Rapporto finale — { $title }
campaign-report-posted = 🏁 «{ $title }» è finita: { $votes ->
    [one] 1 voto
   *[other] { $votes } voti
  } in { $battles ->
    [one] 1 sfida
   *[other] { $battles } sfide
  } da { $chats ->
    [one] 1 chat
   *[other] { $chats } chat
  }. Grazie! Ecco la classifica finale.
campaign-report-language = Classifica in { $language }
campaign-report-no-votes = Non ci sono abbastanza voti in questa lingua per una classifica.
campaign-report-participation = Partecipazione
campaign-report-comparison = La classifica di ogni comunità a confronto con quella della campagna
