dashboard-title = { $title } · Campagna Pnyx
dashboard-list-title = Campagne · Pnyx
dashboard-login-title = Accesso organizzatori
dashboard-login-text = Questa pagina è riservata agli organizzatori della campagna. Inserisci il token da organizzatore.
dashboard-login-label = Token da organizzatore
dashboard-login-submit = Accedi
dashboard-login-wrong = Il token non è corretto.
dashboard-status = Stato: { $status }
dashboard-boards = Classifica per lingua
dashboard-board-overall = Tutte le lingue
dashboard-col-rank = #
dashboard-col-model = Modello
dashboard-col-score = Punteggio
dashboard-col-interval = Intervallo al 95 %
dashboard-col-votes = Voti
dashboard-no-board = Non ci sono ancora abbastanza voti.
dashboard-chats = Chat partecipanti
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 chat
   *[other] { $count } chat
  }
dashboard-chat-votes = { $votes ->
    [one] 1 voto
   *[other] { $votes } voti
  }
dashboard-no-chats = Nessuna chat ha ancora aderito.
dashboard-exports = Esportazioni
dashboard-export-report-json = Rapporto (JSON)
dashboard-export-report-md = Rapporto (Markdown)
dashboard-export-dataset = Dataset aperto (in arrivo con la funzione di esportazione)
dashboard-live = Si aggiorna ogni 15 secondi.
dashboard-no-campaigns = Ancora nessuna campagna: applica un file di campagna con npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = Questa campagna non esiste.
