dashboard-title = { $title } · Pnyx-Kampagne
dashboard-list-title = Kampagnen · Pnyx
dashboard-login-title = Anmeldung für Organisatoren
dashboard-login-text = Diese Seite ist für die Organisatoren der Kampagne. Gib das Organisator-Token ein.
dashboard-login-label = Organisator-Token
dashboard-login-submit = Anmelden
dashboard-login-wrong = Dieses Token ist nicht richtig.
dashboard-status = Status: { $status }
dashboard-boards = Rangliste pro Sprache
dashboard-board-overall = Alle Sprachen
dashboard-col-rank = #
dashboard-col-model = Modell
dashboard-col-score = Wert
dashboard-col-interval = 95-%-Intervall
dashboard-col-votes = Stimmen
dashboard-no-board = Noch nicht genug Stimmen.
dashboard-chats = Teilnehmende Chats
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 Chat
   *[other] { $count } Chats
  }
dashboard-chat-votes = { $votes ->
    [one] 1 Stimme
   *[other] { $votes } Stimmen
  }
dashboard-no-chats = Noch kein Chat ist beigetreten.
dashboard-exports = Exporte
dashboard-export-report-json = Bericht (JSON)
dashboard-export-report-md = Bericht (Markdown)
dashboard-export-dataset = Offener Datensatz (kommt mit der Exportfunktion)
dashboard-live = Wird alle 15 Sekunden aktualisiert.
dashboard-no-campaigns = Noch keine Kampagnen: Wende eine Kampagnendatei an mit npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = Diese Kampagne gibt es nicht.
