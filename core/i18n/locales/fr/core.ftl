## Messages de bataille — visibles de tous dans la discussion

model-demo-name = { $name } (modèle de démo)
reply-header = **Modèle { $side }**
reply-header-revealed = **Modèle { $side }** · { $model }
reply-waiting = _Réflexion…_
reply-empty = _(réponse vide)_
reply-failed = ⚠️ Cette réponse a échoué : { $reason }
react-like = 👍 J’aime { $side }
react-dislike = 👎 Je n’aime pas { $side }

vote-a = 👈 A est meilleur
vote-b = 👉 B est meilleur
vote-tie = 🤝 Égalité
vote-both_bad = 👎 Les deux sont mauvais

choice-a = A est meilleur
choice-b = B est meilleur
choice-tie = Égalité
choice-both_bad = Les deux sont mauvais

ballot-question = **Quelle réponse est la meilleure ?** Votez ci-dessous ; les modèles sont dévoilés après votre vote.
ballot-votes = { $votes ->
    [0] 🗳️ Aucun vote pour l’instant.
    [one] 🗳️ 1 vote pour l’instant.
   *[other] 🗳️ { $votes } votes pour l’instant.
}
ballot-closes-in = Le vote se termine dans { $minutes ->
    [one] 1 minute.
   *[other] { $minutes } minutes.
}
ballot-closes-after = Le vote se termine après { $votes } votes.
ballot-moved = ⬇️ La conversation a continué : votez sur le dernier bulletin ci-dessous.
ballot-closed = **Vote terminé** · { $votes ->
    [0] aucun vote
    [one] 1 vote
   *[other] { $votes } votes
}
ballot-tally = A meilleur : { $a } · B meilleur : { $b } · Égalité : { $tie } · Les deux mauvais : { $bothBad }
ballot-leak = ⚠️ Une réponse a nommé un modèle ou un laboratoire : cette bataille ne compte pas dans le classement.

reveal-line = **{ $side }** était **{ $model }**{ $details } — { $seconds } s, { $tokens } jetons
reveal-short = A était { $a } · B était { $b }
reveal-params = { $billions } Md de paramètres

battle-failed = ⚠️ Cette bataille n’a pas pu aboutir ({ $reason }). Elle n’accepte aucun vote ; veuillez reposer votre question.
followup-failed = ⚠️ La question de suivi n’a pas pu recevoir de réponse ({ $reason }). La bataille reste ouverte : vous pouvez toujours voter sur la conversation jusqu’ici, ou reposer la question.
battle-interrupted = ⚠️ Une bataille a été interrompue par un redémarrage de Pnyx. Elle n’accepte aucun vote ; veuillez reposer votre question.
failure-no-models = pas assez de modèles disponibles pour le moment
failure-restart = Pnyx a redémarré pendant que les modèles répondaient
failure-stopped = Pnyx s’arrête

## Réponses privées — visibles seulement de la personne concernée

prompt-empty = Écrivez une question ou une tâche, par exemple : Qu’est-ce qu’un trou noir ?
prompt-too-long = Votre message fait { $length } caractères ; la limite est de { $max }. Merci de le raccourcir.
rate-limited = Vous allez un peu vite. Réessayez dans { $seconds ->
    [one] 1 seconde.
   *[other] { $seconds } secondes.
}
chat-rate-limited = Cette discussion a lancé beaucoup de batailles dans la dernière minute. Réessayez dans { $seconds ->
    [one] 1 seconde.
   *[other] { $seconds } secondes.
}
battle-queued = Votre bataille attend son tour : { $ahead ->
    [one] une bataille passe avant elle
   *[other] { $ahead } batailles passent avant elle
} dans cette discussion, pour ne pas l’inonder. Les réponses suivent dès que vient son tour.
arena-paused = L’arène est en pause dans cette discussion. Un administrateur peut la réactiver avec { $command }.
no-models = Pas assez de modèles disponibles pour lancer une bataille. Réessayez plus tard.
battle-max-turns = Cette bataille a atteint { $max } tours. Lancez-en une nouvelle pour continuer.
battle-not-open = Cette bataille est terminée. Envoyez un nouveau message pour en lancer une autre.
vote-counted = Votre vote : { $choice }.
vote-duplicate = Vous avez déjà voté sur cette bataille : { $choice }. Chaque personne vote une fois.
vote-changed = Vous avez changé votre vote : { $choice } (avant : { $from }). Vous aviez vu les noms : les classements gardent votre premier choix, fait à l’aveugle.
followup-after-reveal = Vous avez voté sur cette bataille et vu le nom des modèles : vous ne pouvez plus y ajouter de messages, la suite de la conversation doit rester à l’aveugle. Envoyez un nouveau message pour lancer une autre bataille.
vote-reasons-ask = Pourquoi ? Ajoutez des raisons si vous le souhaitez :
vote-reason-no-vote = Votez d’abord, puis ajoutez vos raisons.
vote-closed = Le vote sur cette bataille est terminé.
vote-too-early = Attendez que les deux réponses soient terminées avant de voter.
vote-failed = Cette bataille n’a pas pu aboutir : elle n’accepte aucun vote.
vote-reveal = { $reveal }
action-stale = Ce bouton n’est plus valable. Lancez une nouvelle bataille pour voter.
reaction-saved = Merci ! Vous avez { $kind ->
    [like] aimé
   *[dislike] pas aimé
} la réponse { $side }. Ajoutez des raisons si vous le souhaitez :
reason-saved = Raison enregistrée : { $reason }.

reason-useful = Utile
reason-complete = Complète
reason-creative = Créative
reason-clear_formatting = Mise en forme claire
reason-incorrect = Incorrecte
reason-superficial = Superficielle
reason-instructions_not_followed = Consignes non suivies

## Commandes

help-text = **Pnyx — une arène à l’aveugle pour les modèles de langage** 🏛️

    Posez n’importe quelle question : deux modèles anonymes répondent côte à côte, **A** et **B**. Votez pour la meilleure réponse avec les boutons — 👈 A, 👉 B, 🤝 égalité ou 👎 les deux mauvais. Les modèles vous sont dévoilés juste après votre vote, et à tous quand le vote se termine.

    • En discussion privée, écrivez simplement votre message.
    • Dans un groupe, utilisez { $arena } suivi de votre message, mentionnez-moi, ou répondez à une bataille pour la poursuivre.
    • 👍/👎 sous une réponse nous disent ce que vous avez aimé ou non.
    • { $leaderboard } affiche le classement construit à partir des votes de tous.
    • { $privacy } explique ce qui est conservé et pourquoi. { $settings } (administrateurs du groupe) configure l’arène ici.
start-text = Bienvenue sur Pnyx ! { help-text }
privacy-text = **Ce que Pnyx conserve, et pourquoi**

    • Vos messages à l’arène et les réponses des deux modèles, pour afficher la bataille et constituer des jeux de données ouverts de conversations.
    • Vos votes et réactions, pour calculer le classement.
    • Un identifiant pseudonyme. Votre identifiant sur la plateforme sert seulement à vous répondre et n’est jamais publié.

    Les jeux de données publiés excluent les conversations signalées comme contenant des données personnelles. N’écrivez pas d’informations personnelles (noms, adresses, santé, finances) dans vos messages.
unknown-command = Je ne connais pas cette commande. Essayez { $command }.

settings-title = **Réglages de l’arène pour cette discussion**
settings-admins-only = Seuls les administrateurs de la discussion peuvent modifier les réglages de l’arène.
settings-saved = Réglages enregistrés.
settings-enabled = Arène : { $on ->
    [yes] ✅ active
   *[no] ⏸ en pause
}
settings-trigger = Les batailles démarrent sur : { $trigger ->
    [all] chaque message
   *[addressed] commandes, mentions et réponses
}
settings-reveal = Fin du vote : { $policy }
settings-language = Langue : { $language }
settings-models = Modèles autorisés : { $count } sur { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Mettre l’arène en pause
   *[no] ▶️ Activer l’arène
}
settings-btn-trigger-addressed = Commandes et mentions
settings-btn-trigger-all = Chaque message
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Publication du classement : { $preset ->
    [daily] chaque jour à 18 h ({ $timezone })
    [weekly] chaque lundi à 18 h ({ $timezone })
    [custom] selon le calendrier { $cron } ({ $timezone })
   *[off] désactivée
}
settings-timezone-hint = _Fuseau horaire : { $command } timezone Europe/Paris_
settings-btn-schedule = 📊 { $preset ->
    [daily] Chaque jour
    [weekly] Chaque semaine
   *[off] Aucune publication
}
settings-usage = Utilisez { $command } seul pour le menu, ou { $command } timezone Zone/Ville (par exemple Europe/Paris).
settings-bad-timezone = « { $zone } » n’est pas un fuseau horaire connu. Utilisez un nom comme Europe/Paris ou America/New_York.
settings-models-minimum = Au moins deux modèles doivent rester autorisés pour que les batailles aient lieu.
policy-votes = { $votes ->
    [one] après le premier vote
   *[other] après { $votes } votes
}
policy-minutes = { $minutes ->
    [one] après 1 minute
   *[other] après { $minutes } minutes
}
policy-default = par défaut ({ $policy })
language-auto = automatique
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Pas encore de votes — le classement apparaîtra après les premières batailles votées.
leaderboard-title = **Classement** ({ $votes } votes)

## Vague 2 : accusés de réception, formulaires, fils, menus paginés

event-failed = Désolé, quelque chose s’est mal passé du côté de Pnyx. Rien n’est perdu ; réessayez dans un instant.
failure-internal = une erreur interne
prompt-echo = 💬 **{ $name }** demande :
vote-why-button = ✍️ Dire pourquoi
vote-why-title = Pourquoi ce vote ?
vote-why-label = Qu’est-ce qui a fait la différence ? (facultatif, conservé avec votre vote)
vote-why-placeholder = par ex. B a répondu à la question ; A n’a fait que la répéter.
vote-why-saved = Merci — votre explication est enregistrée avec votre vote.
vote-why-empty = L’explication était vide : rien n’a été enregistré.
vote-why-too-long = Merci de rester sous { $max } caractères.
form-submit = Enregistrer
settings-layout = Les batailles s’affichent : { $layout ->
    [inline] dans le salon
   *[thread] dans leur propre fil
}
settings-btn-layout-thread = 🧵 Dans un fil
settings-btn-layout-inline = 💬 Dans le salon
settings-btn-timezone = 🕒 Fuseau horaire : { $timezone }
settings-timezone-title = Fuseau horaire
settings-timezone-label = Fuseau horaire de cette discussion (Zone/Ville)
settings-timezone-saved = Fuseau horaire réglé sur { $zone }.
settings-btn-page-previous = ◀ Précédent
settings-btn-page-next = Suivant ▶
settings-page = Page { $page }/{ $pages }

## Catalogue des commandes (descriptions affichées dans les menus de commandes)

command-arena = Lancer une bataille : deux modèles anonymes répondent
command-arena-prompt = Votre question ou tâche pour les deux modèles
command-leaderboard = Classement actuel des modèles
command-help = Comment lancer une bataille et voter
command-privacy = Ce qui est conservé et pourquoi
command-settings = Réglages de l’arène pour cette discussion (admins)
command-settings-timezone = Fuseau horaire de cette discussion, par ex. Europe/Paris
command-start = Ce qu’est Pnyx et comment voter

## Ce qu'on lit quand un modèle échoue (les mots du fournisseur restent dans le journal)

failure-side = le modèle { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] a mis trop de temps à répondre
    [rate_limited] est limité par son fournisseur en ce moment
    [service_error] a rencontré une erreur chez son fournisseur
    [unreachable] n’a pas pu être joint
    [refused] a été refusé par son fournisseur — un administrateur doit vérifier ses réglages
    [rejected] n’a pas pu traiter cette demande
    [malformed] a envoyé une réponse illisible
   *[internal] a échoué
}
failure-kind = { $kind ->
    [timeout] cela a pris trop de temps
    [rate_limited] son fournisseur le limite en ce moment
    [service_error] son fournisseur a eu une erreur
    [unreachable] il n’a pas pu être joint
    [refused] son fournisseur a refusé la demande
    [rejected] il n’a pas pu traiter cette demande
    [malformed] sa réponse était illisible
   *[internal] il a échoué
}

## Plafonds de dépense sur les modèles payants

spend-cap-chat = Cette discussion a atteint son plafond de dépense du jour sur les modèles payants ({ $cap } $). Les batailles reprennent dans { $hours ->
    [one] environ une heure (à minuit UTC).
   *[other] environ { $hours } heures (à minuit UTC).
}
spend-cap-all = Pnyx a atteint son plafond de dépense du jour sur les modèles payants ({ $cap } $), toutes discussions confondues. Les batailles reprennent dans { $hours ->
    [one] environ une heure (à minuit UTC).
   *[other] environ { $hours } heures (à minuit UTC).
}
settings-spend = Plafond quotidien sur les modèles payants : { $cap ->
    [none] aucun
   *[other] { $cap } $
}
settings-btn-spend = { $cap ->
    [default] 💶 Par défaut
   *[other] 💶 { $cap } $/jour
}

## Langues dans lesquelles une discussion recueille les questions

language-not-accepted = 🌍 Cette discussion recueille des questions en { $languages }, et la vôtre semble être en { $language }. Écrivez-la en { $languages } pour lancer une bataille.
settings-languages = Questions recueillies en : { $languages }
