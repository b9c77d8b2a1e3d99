# Textes du classement (core/ranking) : le tableau pour téléphone, le graphique et les notes de la ligne de commande.

ranking-title = Classement
ranking-title-segment = Classement · { $segment }
ranking-votes = { $n ->
    [one] { $shown } vote
   *[other] { $shown } votes
}
ranking-battles = { $n ->
    [one] { $shown } duel
   *[other] { $shown } duels
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Mis à jour le { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Modèle
ranking-col-score = Score
ranking-col-votes = Votes
ranking-legend = ± intervalle à { $level } %, # = rangs possibles
ranking-style-legend = Corrigé du style : longueur et Markdown neutralisés
ranking-not-enough-title = Pas encore assez de votes (moins de { $min }) :
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …et { $count } de plus
ranking-empty = Pas encore de votes pour ce classement. Votez sur quelques duels et il apparaîtra ici.
ranking-axis = Score (400 × log10 de la cote)
ranking-chart-alt = Graphique du classement : { $count ->
    [one] 1 modèle
   *[other] { $count } modèles
} avec scores et intervalles à { $level } %
ranking-flag-undefeated = jamais battu : score minimal
ranking-flag-winless = n'a jamais gagné : score maximal
ranking-flag-disconnected = jamais comparé au groupe principal : scores non comparables entre groupes
ranking-warning-components = { $count } groupes de modèles n'ont jamais été comparés entre eux
ranking-segment-language = langue { $value }
ranking-segment-campaign = campagne { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = ce groupe
ranking-segment-since = depuis le { $value }
ranking-segment-until = jusqu'au { $value }
ranking-compare-tau = Accord avec le classement général : τ de Kendall = { $tau }
ranking-compare-shift-up = ▲ { $model } : n° { $local } ici, n° { $global } au général
ranking-compare-shift-down = ▼ { $model } : n° { $local } ici, n° { $global } au général
