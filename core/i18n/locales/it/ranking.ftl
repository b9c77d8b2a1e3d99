# Testi della classifica (core/ranking): la tabella larga quanto un telefono, il grafico e le note della riga di comando.

ranking-title = Classifica
ranking-title-segment = Classifica · { $segment }
ranking-votes = { $n ->
    [one] { $shown } voto
   *[other] { $shown } voti
}
ranking-battles = { $n ->
    [one] { $shown } sfida
   *[other] { $shown } sfide
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Aggiornata il { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Modello
ranking-col-score = Punteggio
ranking-col-votes = Voti
ranking-legend = Intervallo ± { $level }%, # = intervallo di posizioni
ranking-style-legend = Stile controllato: lunghezza e Markdown scorporati (metodo di compar:IA)
ranking-style-legend-lmarena = Stile controllato: lunghezza e Markdown scorporati (metodo di LMArena)
ranking-not-enough-title = Voti ancora insufficienti (meno di { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …e altri { $count }
ranking-empty = Ancora nessun voto per questa classifica. Vota qualche sfida e comparirà qui.
ranking-axis = Punteggio: 100 punti in più = vince circa il 64% delle volte
ranking-axis-hint = 200 punti in più: circa il 76%; 400 punti in più: circa il 91%
ranking-legend-rank1 = Potrebbe essere n. 1: il suo intervallo di posizioni include la 1
ranking-legend-others = Altri modelli: punto = punteggio, barra = intervallo al { $level }%
ranking-legend-bound = Freccia: aperto, il punteggio è solo un limite
ranking-style-label = Stile controllato: lunghezza e Markdown scorporati ({ $variant ->
    [lmarena] metodo di LMArena
   *[comparia] metodo di compar:IA
})
ranking-chart-alt = Grafico della classifica: { $count ->
    [one] 1 modello
   *[other] { $count } modelli
} con punteggi e intervalli al { $level }%
ranking-flag-bound-lower = mai perso: il suo punteggio è solo un limite inferiore
ranking-flag-bound-upper = mai vinto: il suo punteggio è solo un limite superiore
ranking-warning-groups = { $count } gruppi di modelli non hanno mai sia vinto sia perso gli uni contro gli altri: i punteggi si confrontano solo all'interno di un gruppo
ranking-warning-not-comparable = { $count ->
    [one] Nessun punteggio per { $models }: non ha mai sia vinto sia perso contro un gruppo di modelli
   *[other] Nessun punteggio per { $models }: non hanno mai sia vinto sia perso contro un gruppo di modelli
}
ranking-warning-voters = { $count ->
    [one] 1 votante vota a caso o contro tutti gli altri
   *[other] { $count } votanti votano a caso o contro tutti gli altri
}
ranking-warning-daily-cap = { $count ->
    [one] 1 voto oltre il limite giornaliero per persona escluso
   *[other] { $count } voti oltre il limite giornaliero per persona esclusi
}
ranking-warning-style-unknown = Controllo dello stile: { $count } modello/i delle sfide non hanno voti qui
ranking-group-title = Gruppo { $index } · { $relation ->
    [above] ha solo vinto contro il gruppo 1
    [below] ha solo perso contro il gruppo 1
    [unordered] non confrontato con il gruppo 1
   *[disconnected] mai confrontato con il gruppo 1
}
ranking-not-comparable-title = Ancora nessun punteggio
ranking-segment-category = { $value }
ranking-category-coding = programmazione
ranking-category-math = matematica
ranking-category-creative-writing = scrittura creativa
ranking-category-instruction-following = seguire le istruzioni
ranking-category-hard-prompts = prompt difficili
ranking-category-long-query = prompt lunghi
ranking-category-multi-turn = più turni
ranking-heatmap-title = Quanto spesso la riga batte la colonna
ranking-heatmap-note = Quota osservata di vittorie in % (i pareggi contano metà); vuoto = mai incontrati
ranking-counts-title = Voti tra ogni coppia di modelli
ranking-counts-note = Numero di voti contati; più scuro = di più
ranking-heatmap-alt = Tabella delle vittorie di { $count } modelli: quanto spesso ognuno batte ciascun altro
ranking-counts-alt = Numero di voti tra ogni coppia di { $count } modelli
ranking-segment-language = lingua { $value }
ranking-segment-campaign = campagna { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = questa chat
ranking-segment-since = dal { $value }
ranking-segment-until = fino al { $value }
ranking-compare-tau = Accordo con la classifica globale: τ di Kendall = { $tau }
ranking-compare-shift-up = ▲ { $model }: n. { $local } qui, n. { $global } in generale
ranking-compare-shift-down = ▼ { $model }: n. { $local } qui, n. { $global } in generale
ranking-report-title = Rapporto per gli organizzatori
ranking-report-read = { $votes } voti contati in { $battles } sfide
ranking-report-left-out = Esclusi: { $anony } non anonimi (LMArena anony = false), { $dedup } prompt ripetuti (deduplicazione), { $cap } oltre il limite giornaliero, { $noprompt } senza testo del prompt per la categoria
ranking-report-voters = Qualità dei votanti ({ $policy ->
    [flag] solo segnalati
    [downweight] votanti segnalati con peso ridotto
   *[exclude] votanti segnalati esclusi
}, livello del test { $alpha }): { $checked } votanti con almeno { $min } voti per A o B valutati; { $flagged } segnalati ({ $share }), { $random } votano a caso e { $adversarial } contro tutti gli altri; i loro voti sono il { $voteShare } del totale.
ranking-report-voters-off = Qualità dei votanti: non verificata (usa --voters flag, downweight o exclude).
ranking-report-voter-head = Votanti segnalati, dalle prove più forti (votante · voti · accordo con il consenso · tipo):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] a caso
   *[adversarial] contro tutti gli altri
}
ranking-report-herding-head = Effetto gregge per chat: chi vota dopo segue il conteggio visibile più del caso? (chat · sfide · seguito · atteso · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Seguire il conteggio in proporzione ad esso non si distingue da un gusto condiviso con nessun test sull'ordine dei voti; una p piccola indica un'influenza oltre questo.
ranking-report-herding-off = Effetto gregge: non verificato (usa --herding, solo con database).
ranking-category-all = tutti i prompt
ranking-category-unknown = Non esiste la categoria «{ $value }». Categorie: { $list }.
ranking-category-unavailable = Le categorie non sono ancora registrate nel database di questa arena.
ranking-campaign-unknown = Non esiste la campagna «{ $value }».
