# Bewertungen jeder Antwort, die eine Kampagne nach der Abstimmung erfragen kann (core/campaigns/judgments.ts).
judgment-ask = Freiwillig, für die Kampagne: Markiere oder bewerte jede Antwort (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Verfehlt die Aufgabe
judgment-label-wrong-language = Falsche Sprache
judgment-label-inappropriate = Unangemessen
judgment-label-personal-data = Persönliche Daten
judgment-label-hate-speech = Hassrede
judgment-label-sexual-content = Sexuelle Inhalte
judgment-flag-set = Notiert: { $side } — { $label }.
judgment-flag-removed = Entfernt: { $side } — { $label }.
judgment-rated = Notiert: { $side } mit { $value }/{ $max } bewertet.
campaign-report-judgments = Bewertungen der Antworten durch die Abstimmenden
campaign-report-judged = bewertete Antworten
campaign-report-mean-rating = mittlere Bewertung
