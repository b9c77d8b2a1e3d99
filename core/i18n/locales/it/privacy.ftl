## Energia alla rivelazione (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ una lampadina LED da 5 W accesa per { $led }, oppure { $streaming } di streaming video
reveal-energy-method = Energia stimata con { $method } (mix elettrico mondiale; hardware incluso)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 giorno
       *[other] { $amount } giorni
    }
    [hour] { $amount ->
        [one] 1 ora
       *[other] { $amount } ore
    }
    [minute] { $amount ->
        [one] 1 minuto
       *[other] { $amount } minuti
    }
   *[second] { $amount ->
        [one] 1 secondo
       *[other] { $amount } secondi
    }
}

## Consenso, mostrato una volta a ogni persona la prima volta che interagisce (core/engine/people.ts)

consent-notice = 🔒 **I tuoi dati in Pnyx** (avviso mostrato una sola volta)
    Pnyx conserva i tuoi prompt, le risposte ricevute, i tuoi voti e le tue reazioni con un identificativo interno, non con il tuo nome.
    Se gli amministratori di questa chat lo consentono, possono essere pubblicati in un dataset aperto per la ricerca, dopo aver filtrato i dati personali e sotto pseudonimo.
    { $privacy }: il tuo stato e un pulsante per escluderti dalla pubblicazione · { $mydata }: ricevi tutto ciò che è conservato su di te · { $forget }: cancellalo.
consent-short = 🔒 Pnyx conserva i tuoi prompt e i tuoi voti; possono essere pubblicati sotto pseudonimo. { $privacy }: escluditi, consultali o cancellali.

## /privacy: lo stato della persona

privacy-status = **I tuoi dati**
    • Pubblicazione in dataset aperti: { $optOut ->
        [yes] hai scelto di escluderti: nulla di tuo verrà mai pubblicato.
       *[no] consentita dove gli amministratori di una chat lo consentono (sotto pseudonimo, dati personali filtrati).
    }
    • Questa chat: { $chatPublish ->
        [yes] i suoi amministratori consentono di pubblicarne i dati.
       *[no] i suoi dati non vengono pubblicati.
    }
    • { $mydata } ti invia tutto ciò che è conservato su di te; { $forget } lo cancella.
privacy-btn-opt-out = 🚫 Escludi i miei dati dai dataset
privacy-btn-opt-in = ✅ Consenti di nuovo la pubblicazione
privacy-opted-out = Fatto: nulla di tuo verrà pubblicato in un dataset aperto.
privacy-opted-in = Fatto: i tuoi dati possono essere pubblicati dove gli amministratori di una chat lo consentono (sotto pseudonimo).

## /mydata

mydata-caption = Tutto ciò che Pnyx conserva su di te, in formato JSON.
mydata-sent = Ecco tutto ciò che Pnyx conserva su di te: { $prompts } prompt, { $votes } voti, { $reactions } reazioni.
mydata-sent-direct = Ti ho inviato in un messaggio privato tutto ciò che Pnyx conserva su di te.
mydata-private-only = Per la tua privacy, invio i tuoi dati solo in privato: apri una chat privata con me e invia lì { $command }.
mydata-nothing = Pnyx non ha ancora nulla di conservato su di te.

## /forget

forget-confirm = **Cancellare i tuoi dati?** Questo rimuove da Pnyx i tuoi prompt e le risposte ricevute, le tue reazioni, il tuo profilo e i tuoi voti, subito e per sempre. In alternativa puoi conservare i tuoi voti in forma anonima: continueranno a contare in classifica senza nulla che riconduca a te.
forget-btn-all = 🗑 Cancella tutto
forget-btn-keep-votes = 🗑 Cancella, ma conserva i miei voti in forma anonima
forget-btn-cancel = Annulla
forget-done = Cancellati: { $prompts } prompt, { $replies } risposte, { $votes } voti, { $reactions } reazioni. { $kept ->
    [0] Di te non resta nulla in Pnyx.
    [one] 1 voto è stato conservato in forma anonima.
   *[other] { $kept } voti sono stati conservati in forma anonima.
}
forget-cancelled = Non è stato cancellato nulla.

## Impostazioni della chat: pubblicazione (amministratori)

settings-publish = Pubblicazione dei dati di questa chat in dataset aperti: { $on ->
    [yes] consentita (sotto pseudonimo, dati personali filtrati; ognuno può escludersi con { $privacy })
   *[no] non consentita
}
settings-btn-publish = Pubblica i dati: { $on ->
    [yes] sì
   *[no] no
}

## Profilo facoltativo (sul modello di PRISM), proposto una volta dopo il terzo voto

profile-offer = Ci racconti qualcosa di te? È facoltativo e anonimo: le risposte vengono usate solo per fasce, per mostrare come gruppi diversi classificano i modelli. Puoi saltare qualsiasi domanda.
profile-btn-start = Rispondi a qualche domanda
profile-btn-skip = Salta
profile-btn-skip-question = Salta questa domanda
profile-btn-done = Fatto
profile-question-age = Quanti anni hai?
profile-question-region = Dove vivi?
profile-question-languages = Quali lingue parli? (scegli tutte quelle che valgono, poi Fatto)
profile-question-familiarity = Quanto conosci gli assistenti di chat basati sull'IA?
profile-question-goal = Cosa vuoi soprattutto da un modello?
profile-age-u18 = Meno di 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 o più
profile-region-eu = Europa
profile-region-na = America del Nord
profile-region-la = America Latina
profile-region-af = Africa
profile-region-me = Medio Oriente
profile-region-as = Asia
profile-region-oc = Oceania
profile-lang-en = Inglese
profile-lang-fr = Francese
profile-lang-es = Spagnolo
profile-lang-de = Tedesco
profile-lang-ar = Arabo
profile-lang-zh = Cinese
profile-lang-other = Altro
profile-familiarity-never = Non ne ho mai usato uno
profile-familiarity-sometimes = A volte
profile-familiarity-weekly = Ogni settimana
profile-familiarity-daily = Ogni giorno
profile-goal-factual = Fatti accurati
profile-goal-creative = Creatività
profile-goal-concise = Risposte brevi
profile-goal-detailed = Risposte dettagliate
profile-goal-safe = Sicurezza
profile-goal-personal = Un tocco personale
profile-saved = Salvato. { profile-thanks }
profile-thanks = Grazie!
profile-skipped = Nessun problema: non te lo chiederemo più. Con { $privacy } puoi cancellare le tue risposte in qualsiasi momento.
profile-finished = Grazie! Le tue risposte sono conservate con i tuoi dati; { $forget } le cancella.

command-mydata = Ricevi tutto ciò che Pnyx conserva su di te
command-forget = Cancella i tuoi dati da Pnyx
