# Texte der Rangliste (core/ranking): die Tabelle in Handybreite, das Diagramm und die Hinweise der Kommandozeile.

ranking-title = Rangliste
ranking-title-segment = Rangliste · { $segment }
ranking-votes = { $n ->
    [one] { $shown } Stimme
   *[other] { $shown } Stimmen
}
ranking-battles = { $n ->
    [one] { $shown } Duell
   *[other] { $shown } Duelle
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Aktualisiert { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Modell
ranking-col-score = Punkte
ranking-col-votes = Stimmen
ranking-legend = ± { $level }-%-Intervall, # = Rangbereich
ranking-style-legend = Stilbereinigt: Länge und Markdown herausgerechnet (Methode von compar:IA)
ranking-style-legend-lmarena = Stilbereinigt: Länge und Markdown herausgerechnet (Methode von LMArena)
ranking-not-enough-title = Noch nicht genug Stimmen (weniger als { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …und { $count } weitere
ranking-empty = Für diese Rangliste gibt es noch keine Stimmen. Stimme bei ein paar Duellen ab, dann erscheint sie hier.
ranking-axis = Punkte: 100 Punkte mehr = gewinnt in etwa 64 % der Fälle
ranking-axis-hint = 200 Punkte mehr: etwa 76 %; 400 Punkte mehr: etwa 91 %
ranking-legend-rank1 = Könnte Platz 1 sein: sein Rangbereich schließt 1 ein
ranking-legend-others = Andere Modelle: Punkt = Wert, Balken = { $level }-%-Intervall
ranking-legend-bound = Pfeil: offenes Ende, der Wert ist nur eine Schranke
ranking-style-label = Stilbereinigt: Länge und Markdown herausgerechnet ({ $variant ->
    [lmarena] Methode von LMArena
   *[comparia] Methode von compar:IA
})
ranking-chart-alt = Diagramm der Rangliste: { $count ->
    [one] 1 Modell
   *[other] { $count } Modelle
} mit Punkten und { $level }-%-Intervallen
ranking-flag-bound-lower = nie verloren: sein Wert ist nur eine untere Schranke
ranking-flag-bound-upper = nie gewonnen: sein Wert ist nur eine obere Schranke
ranking-warning-groups = { $count } Gruppen von Modellen haben nie gegeneinander sowohl gewonnen als auch verloren: Werte sind nur innerhalb einer Gruppe vergleichbar
ranking-warning-not-comparable = { $count ->
    [one] Kein Wert für { $models }: es hat gegen eine Gruppe von Modellen nie sowohl gewonnen als auch verloren
   *[other] Kein Wert für { $models }: sie haben gegen eine Gruppe von Modellen nie sowohl gewonnen als auch verloren
}
ranking-warning-voters = { $count ->
    [one] 1 Person stimmt wie der Zufall oder gegen alle anderen ab
   *[other] { $count } Personen stimmen wie der Zufall oder gegen alle anderen ab
}
ranking-warning-daily-cap = { $count ->
    [one] 1 Stimme über dem Tageslimit pro Person nicht gezählt
   *[other] { $count } Stimmen über dem Tageslimit pro Person nicht gezählt
}
ranking-warning-style-unknown = Stilbereinigung: { $count } Modell(e) aus den Duellen haben hier keine Stimmen
ranking-group-title = Gruppe { $index } · { $relation ->
    [above] hat gegen Gruppe 1 nur gewonnen
    [below] hat gegen Gruppe 1 nur verloren
    [unordered] nicht mit Gruppe 1 vergleichbar
   *[disconnected] nie mit Gruppe 1 verglichen
}
ranking-not-comparable-title = Noch kein Wert
ranking-segment-category = { $value }
ranking-category-coding = Programmieren
ranking-category-math = Mathematik
ranking-category-creative-writing = kreatives Schreiben
ranking-category-instruction-following = Anweisungen befolgen
ranking-category-hard-prompts = schwierige Prompts
ranking-category-long-query = lange Prompts
ranking-category-multi-turn = mehrere Runden
ranking-heatmap-title = Wie oft die Zeile die Spalte schlägt
ranking-heatmap-note = Beobachteter Anteil der Siege in % (Unentschieden zählen halb); leer = nie gegeneinander angetreten
ranking-counts-title = Stimmen zwischen je zwei Modellen
ranking-counts-note = Anzahl gezählter Stimmen; dunkler = mehr
ranking-heatmap-alt = Tabelle der Siegquoten von { $count } Modellen: wie oft jedes jedes andere schlägt
ranking-counts-alt = Anzahl der Stimmen zwischen je zwei von { $count } Modellen
ranking-segment-language = Sprache { $value }
ranking-segment-campaign = Kampagne { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = dieser Chat
ranking-segment-since = seit { $value }
ranking-segment-until = bis { $value }
ranking-compare-tau = Übereinstimmung mit der Gesamtrangliste: Kendalls τ = { $tau }
ranking-compare-shift-up = ▲ { $model }: hier #{ $local }, insgesamt #{ $global }
ranking-compare-shift-down = ▼ { $model }: hier #{ $local }, insgesamt #{ $global }
ranking-report-title = Bericht für Organisatoren
ranking-report-read = { $votes } Stimmen in { $battles } Duellen gezählt
ranking-report-left-out = Nicht gezählt: { $anony } nicht anonym (LMArena anony = false), { $dedup } wiederholte Prompts (Deduplizierung), { $cap } über dem Tageslimit, { $noprompt } ohne Prompt-Text für die Kategorie
ranking-report-voters = Qualität der Abstimmenden ({ $policy ->
    [flag] nur markiert
    [downweight] markierte Personen heruntergewichtet
   *[exclude] markierte Personen ausgeschlossen
}, Testniveau { $alpha }): { $checked } Personen mit mindestens { $min } Stimmen für A oder B geprüft; { $flagged } markiert ({ $share }), { $random } stimmen wie der Zufall und { $adversarial } gegen alle anderen; ihre Stimmen sind { $voteShare } aller Stimmen.
ranking-report-voters-off = Qualität der Abstimmenden: nicht geprüft (nutze --voters flag, downweight oder exclude).
ranking-report-voter-head = Markierte Personen, stärkste Belege zuerst (Person · Stimmen · Übereinstimmung mit dem Konsens · Art):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] wie der Zufall
   *[adversarial] gegen alle anderen
}
ranking-report-herding-head = Herdenverhalten pro Chat: folgen spätere Stimmen dem sichtbaren Stand öfter als zufällig? (Chat · Duelle · gefolgt · erwartet · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Dem Stand im Verhältnis zu ihm zu folgen lässt sich durch keinen Test über die Reihenfolge der Stimmen von gemeinsamem Geschmack unterscheiden; ein kleines p bedeutet ein Folgen darüber hinaus.
ranking-report-herding-off = Herdenverhalten: nicht geprüft (nutze --herding, nur mit Datenbank).
ranking-category-all = alle Prompts
ranking-category-unknown = Es gibt keine Kategorie „{ $value }“. Kategorien: { $list }.
ranking-category-unavailable = Kategorien werden in der Datenbank dieser Arena noch nicht erfasst.
ranking-campaign-unknown = Es gibt keine Kampagne „{ $value }“.
