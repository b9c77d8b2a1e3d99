dashboard-title = { $title } · Campagne Pnyx
dashboard-list-title = Campagnes · Pnyx
dashboard-login-title = Accès organisateurs
dashboard-login-text = Cette page est réservée aux organisateurs de la campagne. Saisissez le jeton organisateur.
dashboard-login-label = Jeton organisateur
dashboard-login-submit = Se connecter
dashboard-login-wrong = Ce jeton n'est pas le bon.
dashboard-status = État : { $status }
dashboard-boards = Classement par langue
dashboard-board-overall = Toutes langues
dashboard-col-rank = #
dashboard-col-model = Modèle
dashboard-col-score = Score
dashboard-col-interval = Intervalle à 95 %
dashboard-col-votes = Votes
dashboard-no-board = Pas encore assez de votes.
dashboard-chats = Groupes participants
dashboard-chats-platform = { $platform } : { $count ->
    [one] 1 groupe
   *[other] { $count } groupes
  }
dashboard-chat-votes = { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
dashboard-no-chats = Aucun groupe n'a encore rejoint la campagne.
dashboard-exports = Exports
dashboard-export-report-json = Rapport (JSON)
dashboard-export-report-md = Rapport (Markdown)
dashboard-export-dataset = Jeu de données ouvert (avec la future fonction d'export)
dashboard-live = Mise à jour toutes les 15 secondes.
dashboard-no-campaigns = Pas encore de campagne : appliquez un fichier avec npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = Campagne introuvable.
