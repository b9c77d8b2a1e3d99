# Campagnes : adhésion, progression, paliers, thèmes, positions, rapport final (core/engine/campaigns.ts).

command-campaign = Voir la progression de la campagne de ce groupe

campaign-join-usage = Pour rejoindre une campagne, tapez { $command } join CODE avec le code donné par les organisateurs.
campaign-joined = Ce groupe participe désormais à « { $title } ». Les duels d'ici comptent pour ses objectifs ; { $command } montre où elle en est.
campaign-already = Ce groupe participe déjà à « { $title } ».
campaign-busy = Ce groupe participe déjà à la campagne « { $other } ». Quittez-la d'abord (dans { $command }).
campaign-unknown-code = Aucune campagne n'a le code « { $code } ». Vérifiez-le auprès des organisateurs.
campaign-closed = Cette campagne est terminée : elle n'accueille plus de groupes.
campaign-left = Ce groupe a quitté « { $title } ». Ses duels ne comptent plus pour la campagne.
campaign-none = Ce groupe ne participe à aucune campagne. Un admin peut en rejoindre une avec { $command } join CODE.
campaign-admins-only = Seuls les admins du groupe peuvent rejoindre ou quitter une campagne.

settings-campaign = Campagne : { $title ->
    [none] aucune
   *[other] { $title }
  }
settings-btn-campaign-join = Rejoindre une campagne
settings-btn-campaign-leave = Quitter la campagne
settings-mode = Mode des duels : { $mode }
settings-btn-mode = { $mode ->
    [random] Paires au hasard
    [big-vs-small] Grand contre petit
    [frugal] Modèles sobres
   *[custom] Mes deux modèles
  }
campaign-join-form-title = Rejoindre une campagne
campaign-join-form-label = Code de la campagne

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ En pause : les duels d'ici n'y comptent pas pour l'instant.
   *[closed] 🏁 Cette campagne est terminée.
  }
campaign-progress-total = { $votes } votes sur { $goal } ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] 1 vote pour l'instant
   *[other] { $votes } votes pour l'instant
  }
campaign-progress-language = { $language } : { $votes } sur { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language } : { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
campaign-progress-days = { $days ->
    [0] Dernier jour !
    [one] 1 jour restant
   *[other] { $days } jours restants
  }
campaign-progress-ended = La campagne est terminée.
campaign-progress-top = Groupes les plus actifs
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
campaign-gauge-alt = Progression de { $title } : { $votes } votes sur { $goal }
campaign-milestone = { $percent ->
    [100] 🎉 « { $title } » a atteint son objectif : { $votes } votes ! Merci à toutes et à tous.
   *[other] 🎯 « { $title } » en est à { $percent } % de son objectif ({ $votes } votes). Continuez !
  }

campaign-suggestions = Pas d'idée ? Choisissez un thème de « { $title } », ou écrivez votre question après { $command }.
campaign-topic-of-day = 💡 La question du jour pour « { $title } » :

    { $prompt }
campaign-topic-battle = ⚔️ Lancer le duel
campaign-topic-unknown = Ce thème n'est plus proposé.

stance-board-title = Quelle perspective les gens préfèrent-ils ? — { $title }
stance-board-row = { $rank }. { $stance } — { $wins } victoires sur { $battles }
stance-board-empty = Pas encore de votes sur les perspectives.

campaign-report-title = Rapport final — { $title }
campaign-report-posted = 🏁 « { $title } » est terminée : { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  } dans { $battles ->
    [one] 1 duel
   *[other] { $battles } duels
  } venus { $chats ->
    [one] d'un groupe
   *[other] de { $chats } groupes
  }. Merci ! Voici le classement final.
campaign-report-language = Classement en { $language }
campaign-report-no-votes = Pas assez de votes dans cette langue pour un classement.
campaign-report-participation = Participation
campaign-report-comparison = Le classement de chaque communauté comparé à celui de la campagne
