# Giudizi su ogni risposta che una campagna può chiedere dopo il voto (core/campaigns/judgments.ts).
judgment-ask = Facoltativo, per la campagna: segnala o valuta ogni risposta (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Non svolge il compito
judgment-label-wrong-language = Lingua sbagliata
judgment-label-inappropriate = Inappropriata
judgment-label-personal-data = Dati personali
judgment-label-hate-speech = Incitamento all'odio
judgment-label-sexual-content = Contenuti sessuali
judgment-flag-set = Annotato: { $side } — { $label }.
judgment-flag-removed = Rimosso: { $side } — { $label }.
judgment-rated = Annotato: { $side } con { $value }/{ $max }.
campaign-report-judgments = Giudizi dei votanti sulle risposte
campaign-report-judged = risposte giudicate
campaign-report-mean-rating = voto medio
