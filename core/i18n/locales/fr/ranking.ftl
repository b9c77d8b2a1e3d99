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
ranking-style-legend = Corrigé du style : longueur et Markdown neutralisés (méthode de compar:IA)
ranking-style-legend-lmarena = Corrigé du style : longueur et Markdown neutralisés (méthode de LMArena)
ranking-not-enough-title = Pas encore assez de votes (moins de { $min }) :
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …et { $count } de plus
ranking-empty = Pas encore de votes pour ce classement. Votez sur quelques duels et il apparaîtra ici.
ranking-axis = Score : 100 points de plus = gagne environ 64 % du temps
ranking-axis-hint = 200 points de plus : environ 76 % ; 400 points de plus : environ 91 %
ranking-legend-rank1 = Peut être n° 1 : ses rangs possibles incluent le 1
ranking-legend-others = Autres modèles : point = score, barre = intervalle à { $level } %
ranking-legend-bound = Flèche : sans limite de ce côté, le score n'est qu'une borne
ranking-style-label = Corrigé du style : longueur et Markdown neutralisés ({ $variant ->
    [lmarena] méthode de LMArena
   *[comparia] méthode de compar:IA
})
ranking-chart-alt = Graphique du classement : { $count ->
    [one] 1 modèle
   *[other] { $count } modèles
} avec scores et intervalles à { $level } %
ranking-flag-bound-lower = jamais battu : son score n'est qu'un minimum
ranking-flag-bound-upper = n'a jamais gagné : son score n'est qu'un maximum
ranking-warning-groups = { $count } groupes de modèles n'ont jamais à la fois gagné et perdu les uns contre les autres : les scores ne se comparent qu'au sein d'un groupe
ranking-warning-not-comparable = { $count ->
    [one] Pas de score pour { $models } : il n'a jamais à la fois gagné et perdu contre un groupe de modèles
   *[other] Pas de score pour { $models } : ils n'ont jamais à la fois gagné et perdu contre un groupe de modèles
}
ranking-warning-voters = { $count ->
    [one] 1 votant vote au hasard ou à l'inverse de tous les autres
   *[other] { $count } votants votent au hasard ou à l'inverse de tous les autres
}
ranking-warning-daily-cap = { $count ->
    [one] 1 vote au-delà du plafond quotidien par personne écarté
   *[other] { $count } votes au-delà du plafond quotidien par personne écartés
}
ranking-warning-style-unknown = Correction du style : { $count } modèle(s) des duels sans vote ici
ranking-group-title = Groupe { $index } · { $relation ->
    [above] n'a que gagné contre le groupe 1
    [below] n'a que perdu contre le groupe 1
    [unordered] pas comparé au groupe 1
   *[disconnected] jamais comparé au groupe 1
}
ranking-not-comparable-title = Pas encore de score
ranking-segment-category = { $value }
ranking-category-coding = code
ranking-category-math = maths
ranking-category-creative-writing = écriture créative
ranking-category-instruction-following = respect des consignes
ranking-category-hard-prompts = questions difficiles
ranking-category-long-query = longues questions
ranking-category-multi-turn = plusieurs tours
ranking-heatmap-title = Combien de fois la ligne bat la colonne
ranking-heatmap-note = Part des victoires observée, en % (une égalité compte pour moitié) ; vide = jamais rencontrés
ranking-counts-title = Votes entre chaque paire de modèles
ranking-counts-note = Nombre de votes comptés ; plus foncé = plus
ranking-heatmap-alt = Tableau des victoires de { $count } modèles : combien de fois chacun bat chaque autre
ranking-counts-alt = Nombre de votes entre chaque paire de { $count } modèles
ranking-segment-language = langue { $value }
ranking-segment-campaign = campagne { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = ce groupe
ranking-segment-since = depuis le { $value }
ranking-segment-until = jusqu'au { $value }
ranking-compare-tau = Accord avec le classement général : τ de Kendall = { $tau }
ranking-compare-shift-up = ▲ { $model } : n° { $local } ici, n° { $global } au général
ranking-compare-shift-down = ▼ { $model } : n° { $local } ici, n° { $global } au général
ranking-report-title = Rapport pour les organisateurs
ranking-report-read = { $votes } votes dans { $battles } duels comptés
ranking-report-left-out = Écartés : { $anony } non anonymes (LMArena anony = false), { $dedup } questions répétées (dédoublonnage), { $cap } au-delà du plafond quotidien, { $noprompt } sans texte de question pour la catégorie
ranking-report-voters = Qualité des votants ({ $policy ->
    [flag] signalés seulement
    [downweight] votants signalés moins pondérés
   *[exclude] votants signalés écartés
}, niveau du test { $alpha }) : { $checked } votants avec au moins { $min } votes pour A ou B examinés ; { $flagged } signalés ({ $share }), { $random } votant comme au hasard et { $adversarial } à l'inverse de tous les autres ; leurs votes font { $voteShare } de tous les votes.
ranking-report-voters-off = Qualité des votants : non vérifiée (utilisez --voters flag, downweight ou exclude).
ranking-report-voter-head = Votants signalés, preuve la plus forte d'abord (votant · votes · accord avec le consensus · type) :
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] comme au hasard
   *[adversarial] à l'inverse de tous les autres
}
ranking-report-herding-head = Effet de suivisme par groupe : les derniers votants suivent-ils le décompte visible plus que le hasard ? (groupe · duels · suivi · attendu · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Suivre le décompte en proportion de celui-ci ne se distingue d'un goût partagé par aucun test sur l'ordre des votes ; un petit p signale un suivisme au-delà.
ranking-report-herding-off = Suivisme : non vérifié (utilisez --herding, base de données seulement).
ranking-category-all = toutes les questions
ranking-category-unknown = Il n'y a pas de catégorie « { $value } ». Catégories : { $list }.
ranking-category-unavailable = Les catégories ne sont pas encore enregistrées dans la base de cette arène.
ranking-campaign-unknown = Il n'y a pas de campagne « { $value } ».
