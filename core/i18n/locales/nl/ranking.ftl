# Teksten van de ranglijst (core/ranking): de tabel op telefoonbreedte, de grafiek en de notities van de opdrachtregel.

ranking-title = Ranglijst
ranking-title-segment = Ranglijst · { $segment }
ranking-votes = { $n ->
    [one] { $shown } stem
   *[other] { $shown } stemmen
}
ranking-battles = { $n ->
    [one] { $shown } duel
   *[other] { $shown } duels
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Bijgewerkt op { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Model
ranking-col-score = Score
ranking-col-votes = Stemmen
ranking-legend = ± { $level }%-interval, # = bereik van posities
ranking-style-legend = Stijlgecorrigeerd: lengte en Markdown weggerekend (methode van compar:IA)
ranking-style-legend-lmarena = Stijlgecorrigeerd: lengte en Markdown weggerekend (methode van LMArena)
ranking-not-enough-title = Nog niet genoeg stemmen (minder dan { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …en nog { $count }
ranking-empty = Nog geen stemmen voor deze ranglijst. Stem op een paar duels en hij verschijnt hier.
ranking-axis = Score: 100 punten meer = wint ongeveer 64% van de keren
ranking-axis-hint = 200 punten meer: ongeveer 76%; 400 punten meer: ongeveer 91%
ranking-legend-rank1 = Kan #1 zijn: zijn bereik van posities omvat 1
ranking-legend-others = Andere modellen: punt = score, balk = { $level }%-interval
ranking-legend-bound = Pijl: open einde, de score is alleen een grens
ranking-style-label = Stijlgecorrigeerd: lengte en Markdown weggerekend ({ $variant ->
    [lmarena] methode van LMArena
   *[comparia] methode van compar:IA
})
ranking-chart-alt = Grafiek van de ranglijst: { $count ->
    [one] 1 model
   *[other] { $count } modellen
} met scores en { $level }%-intervallen
ranking-flag-bound-lower = nooit verloren: de score is alleen een ondergrens
ranking-flag-bound-upper = nooit gewonnen: de score is alleen een bovengrens
ranking-warning-groups = { $count } groepen modellen hebben nooit zowel gewonnen als verloren van elkaar: scores zijn alleen binnen een groep vergelijkbaar
ranking-warning-not-comparable = { $count ->
    [one] Geen score voor { $models }: het heeft nooit zowel gewonnen als verloren tegen een groep modellen
   *[other] Geen score voor { $models }: ze hebben nooit zowel gewonnen als verloren tegen een groep modellen
}
ranking-warning-voters = { $count ->
    [one] 1 stemmer stemt als het toeval of tegen alle anderen in
   *[other] { $count } stemmers stemmen als het toeval of tegen alle anderen in
}
ranking-warning-daily-cap = { $count ->
    [one] 1 stem boven de daglimiet per persoon weggelaten
   *[other] { $count } stemmen boven de daglimiet per persoon weggelaten
}
ranking-warning-style-unknown = Stijlcorrectie: { $count } model(len) uit de duels hebben hier geen stemmen
ranking-group-title = Groep { $index } · { $relation ->
    [above] won alleen van groep 1
    [below] verloor alleen van groep 1
    [unordered] niet vergeleken met groep 1
   *[disconnected] nooit vergeleken met groep 1
}
ranking-not-comparable-title = Nog geen score
ranking-segment-category = { $value }
ranking-category-coding = programmeren
ranking-category-math = wiskunde
ranking-category-creative-writing = creatief schrijven
ranking-category-instruction-following = instructies volgen
ranking-category-hard-prompts = moeilijke prompts
ranking-category-long-query = lange prompts
ranking-category-multi-turn = meerdere beurten
ranking-heatmap-title = Hoe vaak de rij de kolom verslaat
ranking-heatmap-note = Waargenomen aandeel overwinningen in % (gelijkspel telt half); leeg = nooit tegen elkaar
ranking-counts-title = Stemmen tussen elk paar modellen
ranking-counts-note = Aantal getelde stemmen; donkerder = meer
ranking-heatmap-alt = Tabel met winstpercentages van { $count } modellen: hoe vaak elk model elk ander verslaat
ranking-counts-alt = Aantal stemmen tussen elk paar van { $count } modellen
ranking-segment-language = taal { $value }
ranking-segment-campaign = campagne { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = deze chat
ranking-segment-since = sinds { $value }
ranking-segment-until = tot { $value }
ranking-compare-tau = Overeenstemming met de algemene ranglijst: Kendalls τ = { $tau }
ranking-compare-shift-up = ▲ { $model }: hier #{ $local }, in totaal #{ $global }
ranking-compare-shift-down = ▼ { $model }: hier #{ $local }, in totaal #{ $global }
ranking-report-title = Rapport voor organisatoren
ranking-report-read = { $votes } stemmen geteld in { $battles } duels
ranking-report-left-out = Weggelaten: { $anony } niet anoniem (LMArena anony = false), { $dedup } herhaalde prompts (ontdubbeling), { $cap } boven de daglimiet, { $noprompt } zonder prompttekst voor de categorie
ranking-report-voters = Kwaliteit van stemmers ({ $policy ->
    [flag] alleen gemarkeerd
    [downweight] gemarkeerde stemmers lager gewogen
   *[exclude] gemarkeerde stemmers uitgesloten
}, toetsniveau { $alpha }): { $checked } stemmers met minstens { $min } stemmen voor A of B beoordeeld; { $flagged } gemarkeerd ({ $share }), { $random } stemmen als het toeval en { $adversarial } tegen alle anderen in; hun stemmen zijn { $voteShare } van alle stemmen.
ranking-report-voters-off = Kwaliteit van stemmers: niet gecontroleerd (gebruik --voters flag, downweight of exclude).
ranking-report-voter-head = Gemarkeerde stemmers, sterkste bewijs eerst (stemmer · stemmen · overeenstemming met de consensus · soort):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] als het toeval
   *[adversarial] tegen alle anderen in
}
ranking-report-herding-head = Kuddegedrag per chat: volgen latere stemmers de zichtbare stand vaker dan toeval? (chat · duels · gevolgd · verwacht · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = De stand volgen in verhouding tot de stand is met geen enkele toets op de volgorde van stemmen te onderscheiden van gedeelde smaak; een kleine p betekent volgen boven dat niveau.
ranking-report-herding-off = Kuddegedrag: niet gecontroleerd (gebruik --herding, alleen met database).
ranking-category-all = alle prompts
ranking-category-unknown = Er is geen categorie “{ $value }”. Categorieën: { $list }.
ranking-category-unavailable = Categorieën worden nog niet vastgelegd in de database van deze arena.
ranking-campaign-unknown = Er is geen campagne “{ $value }”.
