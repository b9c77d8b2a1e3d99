# Beoordelingen van elk antwoord die een campagne na de stem kan vragen (core/campaigns/judgments.ts).
judgment-ask = Optioneel, voor de campagne: markeer of beoordeel elk antwoord (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Voert de taak niet uit
judgment-label-wrong-language = Verkeerde taal
judgment-label-inappropriate = Ongepast
judgment-label-personal-data = Persoonsgegevens
judgment-label-hate-speech = Haatzaaien
judgment-label-sexual-content = Seksuele inhoud
judgment-flag-set = Genoteerd: { $side } — { $label }.
judgment-flag-removed = Verwijderd: { $side } — { $label }.
judgment-rated = Genoteerd: { $side } kreeg { $value }/{ $max }.
campaign-report-judgments = Beoordelingen van de antwoorden door de stemmers
campaign-report-judged = beoordeelde antwoorden
campaign-report-mean-rating = gemiddeld cijfer
