# Jugements de chaque réponse qu'une campagne peut demander après le vote (core/campaigns/judgments.ts).
judgment-ask = Facultatif, pour la campagne : signalez ou notez chaque réponse (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Ne répond pas à la demande
judgment-label-wrong-language = Mauvaise langue
judgment-label-inappropriate = Inappropriée
judgment-label-personal-data = Données personnelles
judgment-label-hate-speech = Discours haineux
judgment-label-sexual-content = Contenu sexuel
judgment-flag-set = C'est noté : { $side } — { $label }.
judgment-flag-removed = Retiré : { $side } — { $label }.
judgment-rated = C'est noté : { $side } a { $value }/{ $max }.
campaign-report-judgments = Jugements des votants sur les réponses
campaign-report-judged = réponses jugées
campaign-report-mean-rating = note moyenne
