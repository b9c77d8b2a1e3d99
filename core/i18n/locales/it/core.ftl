## Messaggi della sfida — visibili a tutti nella chat

model-demo-name = { $name } (modello demo)
reply-header = **Modello { $side }**
reply-header-revealed = **Modello { $side }** · { $model }
reply-waiting = _Sto pensando…_
reply-empty = _(risposta vuota)_
reply-failed = ⚠️ Questa risposta non è riuscita: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A è migliore
vote-b = 👉 B è migliore
vote-tie = 🤝 Pareggio
vote-both_bad = 👎 Entrambe pessime

choice-a = A è migliore
choice-b = B è migliore
choice-tie = Pareggio
choice-both_bad = Entrambe pessime

ballot-question = **Quale risposta è migliore?** Vota qui sotto; i modelli vengono svelati dopo il tuo voto.
ballot-votes = { $votes ->
    [0] 🗳️ Ancora nessun voto.
    [one] 🗳️ 1 voto finora.
   *[other] 🗳️ { $votes } voti finora.
}
ballot-closes-in = Il voto si chiude tra { $minutes ->
    [one] 1 minuto.
   *[other] { $minutes } minuti.
}
ballot-closes-after = Il voto si chiude dopo { $votes } voti.
ballot-moved = ⬇️ La conversazione è andata avanti: vota sulla scheda più recente qui sotto.
ballot-closed = **Voto chiuso** · { $votes ->
    [0] nessun voto
    [one] 1 voto
   *[other] { $votes } voti
}
ballot-tally = A migliore: { $a } · B migliore: { $b } · Pareggio: { $tie } · Entrambe pessime: { $bothBad }
ballot-leak = ⚠️ Una risposta ha nominato un modello o un laboratorio, quindi questa sfida non conta per la classifica.

reveal-line = **{ $side }** era **{ $model }**{ $details } — { $seconds } s, { $tokens } token
reveal-short = A era { $a } · B era { $b }
reveal-params = { $billions } miliardi di parametri

battle-failed = ⚠️ Questa sfida non è stata completata ({ $reason }). Non accetta voti; prova a chiedere di nuovo.
followup-failed = ⚠️ Non è stato possibile rispondere alla domanda successiva ({ $reason }). La sfida resta aperta: puoi ancora votare sulla conversazione fin qui, o chiedere di nuovo.
battle-interrupted = ⚠️ Una sfida è stata interrotta perché Pnyx si è riavviato. Non accetta voti; prova a chiedere di nuovo.
failure-no-models = al momento non ci sono abbastanza modelli disponibili
failure-restart = Pnyx si è riavviato mentre i modelli rispondevano
failure-stopped = Pnyx si sta spegnendo

## Risposte private — visibili solo a chi ha agito

prompt-empty = Scrivi una domanda o un compito, per esempio: Che cos'è un buco nero?
prompt-too-long = Il tuo messaggio è lungo { $length } caratteri; il limite è { $max }. Accorcialo, per favore.
rate-limited = Stai andando un po' di fretta. Riprova tra { $seconds ->
    [one] 1 secondo.
   *[other] { $seconds } secondi.
}
chat-rate-limited = Questa chat ha avviato molte sfide nell'ultimo minuto. Riprova tra { $seconds ->
    [one] 1 secondo.
   *[other] { $seconds } secondi.
}
battle-queued = La tua sfida è in coda: { $ahead ->
    [one] prima c'è una sfida
   *[other] prima ci sono { $ahead } sfide
} in questa chat, per non inondarla di messaggi. Le risposte arrivano appena è il suo turno.
arena-paused = L'arena è in pausa in questa chat. Un amministratore può riattivarla con { $command }.
no-models = Al momento non ci sono abbastanza modelli disponibili per una sfida. Riprova più tardi.
battle-max-turns = Questa sfida ha raggiunto { $max } turni. Avviane una nuova per continuare.
battle-not-open = Questa sfida è finita. Invia un nuovo messaggio per avviarne un'altra.
vote-counted = Hai votato: { $choice }.
vote-duplicate = Hai già votato in questa sfida: { $choice }. Ogni persona vota una sola volta.
vote-changed = Hai cambiato il tuo voto: { $choice } (prima era { $from }). Avevi già visto i nomi, quindi le classifiche tengono la tua prima scelta alla cieca.
followup-after-reveal = Hai votato su questa sfida e visto i nomi dei modelli, quindi non puoi più aggiungere prompt: il resto della conversazione deve restare alla cieca. Invia un nuovo messaggio per avviare un'altra sfida.
vote-reasons-ask = Perché? Aggiungi i tuoi motivi, se vuoi:
vote-reason-no-vote = Prima vota, poi aggiungi i tuoi motivi.
vote-closed = Il voto su questa sfida è chiuso.
vote-too-early = Aspetta che entrambe le risposte siano finite prima di votare.
vote-failed = Questa sfida non è stata completata, quindi non accetta voti.
vote-reveal = { $reveal }
action-stale = Questo pulsante non è più valido. Avvia una nuova sfida per votare.
reaction-saved = Grazie! { $kind ->
    [like] Ti è piaciuta
   *[dislike] Non ti è piaciuta
} la risposta { $side }. Aggiungi i tuoi motivi, se vuoi:
reason-saved = Motivo salvato: { $reason }.

reason-useful = Utile
reason-complete = Completa
reason-creative = Creativa
reason-clear_formatting = Formattazione chiara
reason-incorrect = Sbagliata
reason-superficial = Superficiale
reason-instructions_not_followed = Istruzioni non seguite

## Comandi

help-text = **Pnyx — un'arena alla cieca per modelli linguistici** 🏛️

    Chiedi qualsiasi cosa: due modelli anonimi rispondono affiancati come **A** e **B**. Vota la risposta migliore con i pulsanti — 👈 A, 👉 B, 🤝 pareggio o 👎 entrambe pessime. I modelli ti vengono svelati subito dopo il tuo voto, e a tutti quando il voto si chiude.

    • In una chat privata, scrivi semplicemente il tuo messaggio.
    • In un gruppo, usa { $arena } seguito dal tuo messaggio, menzionami o rispondi a una sfida per continuarla.
    • 👍/👎 sotto una risposta ci dicono cosa ti è piaciuto e cosa no.
    • { $leaderboard } mostra la classifica costruita con i voti di tutti.
    • { $privacy } spiega cosa viene conservato e perché. { $settings } (amministratori del gruppo) configura l'arena qui.
start-text = Benvenuto su Pnyx! { help-text }
privacy-text = **Cosa conserva Pnyx, e perché**

    • I tuoi messaggi all'arena e le risposte di entrambi i modelli, per mostrare la sfida e costruire dataset aperti di conversazioni.
    • I tuoi voti e le tue reazioni, per calcolare la classifica.
    • Un identificativo pseudonimo per te. Il tuo identificativo sulla piattaforma serve solo a recapitarti i messaggi e non viene mai pubblicato.

    I dataset pubblicati escludono le conversazioni segnalate come contenenti dati personali. Non scrivere informazioni personali (nomi, indirizzi, dati sanitari o finanziari) nei tuoi messaggi.
unknown-command = Non conosco questo comando. Prova { $command }.

settings-title = **Impostazioni dell'arena per questa chat**
settings-admins-only = Solo gli amministratori della chat possono modificare le impostazioni dell'arena.
settings-saved = Impostazioni salvate.
settings-enabled = Arena: { $on ->
    [yes] ✅ attiva
   *[no] ⏸ in pausa
}
settings-trigger = Le sfide partono con: { $trigger ->
    [all] ogni messaggio
   *[addressed] comandi, menzioni e risposte
}
settings-reveal = Il voto si chiude: { $policy }
settings-language = Lingua: { $language }
settings-models = Modelli ammessi: { $count } su { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Metti in pausa l'arena
   *[no] ▶️ Attiva l'arena
}
settings-btn-trigger-addressed = Comandi e menzioni
settings-btn-trigger-all = Ogni messaggio
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Pubblicazione della classifica: { $preset ->
    [daily] ogni giorno alle 18:00 ({ $timezone })
    [weekly] ogni lunedì alle 18:00 ({ $timezone })
    [custom] secondo il calendario { $cron } ({ $timezone })
   *[off] disattivata
}
settings-timezone-hint = _Fuso orario: { $command } timezone Europe/Rome_
settings-btn-schedule = 📊 { $preset ->
    [daily] Ogni giorno
    [weekly] Ogni settimana
   *[off] Nessuna pubblicazione
}
settings-usage = Usa { $command } da solo per il menu, oppure { $command } timezone Area/Città (per esempio Europe/Rome).
settings-bad-timezone = «{ $zone }» non è un fuso orario che conosco. Usa un nome come Europe/Rome o America/New_York.
settings-models-minimum = Almeno due modelli devono restare ammessi perché le sfide possano svolgersi.
policy-votes = { $votes ->
    [one] dopo il primo voto
   *[other] dopo { $votes } voti
}
policy-minutes = { $minutes ->
    [one] dopo 1 minuto
   *[other] dopo { $minutes } minuti
}
policy-default = predefinito ({ $policy })
language-auto = automatica
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Ancora nessun voto: la classifica compare dopo che le prime sfide sono state votate.
leaderboard-title = **Classifica** ({ $votes } voti)

## Seconda ondata: conferme, moduli, thread, menu a pagine

event-failed = Spiacenti, qualcosa è andato storto dalla parte di Pnyx. Non si è perso nulla; riprova tra un momento.
failure-internal = un errore interno
prompt-echo = 💬 **{ $name }** chiede:
vote-why-button = ✍️ Spiega perché
vote-why-title = Perché questo voto?
vote-why-label = Cosa ha fatto la differenza? (facoltativo, salvato con il tuo voto)
vote-why-placeholder = es. B ha risposto alla domanda; A l'ha solo ripetuta.
vote-why-saved = Grazie: la tua spiegazione è salvata con il tuo voto.
vote-why-empty = La spiegazione era vuota, quindi non è stato salvato nulla.
vote-why-too-long = Resta sotto i { $max } caratteri, per favore.
form-submit = Salva
settings-layout = Le sfide compaiono: { $layout ->
    [inline] nel canale
   *[thread] in un thread tutto loro
}
settings-btn-layout-thread = 🧵 In un thread
settings-btn-layout-inline = 💬 Nel canale
settings-btn-timezone = 🕒 Fuso orario: { $timezone }
settings-timezone-title = Fuso orario
settings-timezone-label = Fuso orario di questa chat (Area/Città)
settings-timezone-saved = Fuso orario impostato su { $zone }.
settings-btn-page-previous = ◀ Precedente
settings-btn-page-next = Successiva ▶
settings-page = Pagina { $page }/{ $pages }

## Catalogo dei comandi (descrizioni che le piattaforme mostrano nei menu dei comandi)

command-arena = Avvia una sfida: due modelli anonimi rispondono
command-arena-prompt = La tua domanda o il tuo compito per entrambi i modelli
command-leaderboard = Classifica attuale dei modelli
command-help = Come avviare una sfida e votare
command-privacy = Cosa viene conservato e perché
command-settings = Impostazioni dell'arena per questa chat (amministratori)
command-settings-timezone = Fuso orario di questa chat, es. Europe/Rome
command-start = Cos'è Pnyx e come si vota

## Cosa si legge quando un modello fallisce (le parole del fornitore restano nel log)

failure-side = il modello { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] ha impiegato troppo tempo a rispondere
    [rate_limited] è limitato dal suo fornitore in questo momento
    [service_error] ha incontrato un errore presso il suo fornitore
    [unreachable] non è raggiungibile
    [refused] è stato rifiutato dal suo fornitore: un amministratore dovrebbe controllarne le impostazioni
    [rejected] non ha potuto accettare questa richiesta
    [malformed] ha inviato una risposta illeggibile
   *[internal] non è riuscito
}
failure-kind = { $kind ->
    [timeout] ci ha messo troppo
    [rate_limited] il suo fornitore lo sta limitando in questo momento
    [service_error] il suo fornitore ha avuto un errore
    [unreachable] non è raggiungibile
    [refused] il suo fornitore ha rifiutato la richiesta
    [rejected] non ha potuto accettare questa richiesta
    [malformed] la sua risposta era illeggibile
   *[internal] non è riuscito
}

## Limiti di spesa sui modelli a pagamento

spend-cap-chat = Questa chat ha raggiunto il limite di spesa di oggi sui modelli a pagamento (${ $cap }). Le sfide ripartono tra { $hours ->
    [one] circa un'ora (a mezzanotte UTC).
   *[other] circa { $hours } ore (a mezzanotte UTC).
}
spend-cap-all = Pnyx ha raggiunto il limite di spesa di oggi sui modelli a pagamento (${ $cap }) in tutte le chat. Le sfide ripartono tra { $hours ->
    [one] circa un'ora (a mezzanotte UTC).
   *[other] circa { $hours } ore (a mezzanotte UTC).
}
settings-spend = Limite giornaliero sui modelli a pagamento: { $cap ->
    [none] nessuno
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Predefinito
   *[other] 💶 ${ $cap }/giorno
}

## Lingue in cui una chat raccoglie i prompt

language-not-accepted = 🌍 Questa chat raccoglie prompt in { $languages }, e il tuo sembra essere in { $language }. Scrivilo in { $languages } per avviare una sfida.
settings-languages = Prompt raccolti in: { $languages }
