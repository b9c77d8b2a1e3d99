dashboard-title = { $title } · Pnyx-campagne
dashboard-list-title = Campagnes · Pnyx
dashboard-login-title = Aanmelden voor organisatoren
dashboard-login-text = Deze pagina is voor de organisatoren van de campagne. Voer het organisatortoken in.
dashboard-login-label = Organisatortoken
dashboard-login-submit = Aanmelden
dashboard-login-wrong = Dat token klopt niet.
dashboard-status = Status: { $status }
dashboard-boards = Ranglijst per taal
dashboard-board-overall = Alle talen
dashboard-col-rank = #
dashboard-col-model = Model
dashboard-col-score = Score
dashboard-col-interval = 95%-interval
dashboard-col-votes = Stemmen
dashboard-no-board = Nog niet genoeg stemmen.
dashboard-chats = Deelnemende chats
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 chat
   *[other] { $count } chats
  }
dashboard-chat-votes = { $votes ->
    [one] 1 stem
   *[other] { $votes } stemmen
  }
dashboard-no-chats = Er doet nog geen chat mee.
dashboard-exports = Exports
dashboard-export-report-json = Verslag (JSON)
dashboard-export-report-md = Verslag (Markdown)
dashboard-export-dataset = Open dataset (komt met de exportfunctie)
dashboard-live = Wordt elke 15 seconden bijgewerkt.
dashboard-no-campaigns = Nog geen campagnes: pas een campagnebestand toe met npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = Deze campagne bestaat niet.
