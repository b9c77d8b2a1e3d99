# Testi che dice solo la sfida nel terminale (npm run battle). I messaggi della sfida (risposte, voto,
# rivelazione) sono nel catalogo del nucleo.

terminal-usage =
    Uso: npm run battle -- [opzioni] "il tuo prompt"

    Esegue in questo terminale una sfida alla cieca tra due dei modelli configurati, chiede il tuo voto e poi
    svela i modelli con la loro latenza e il numero di token. Serve a verificare una configurazione di modelli
    prima di installare un bot. La sfida e il voto vengono salvati come tutti gli altri (DATABASE_URL, predefinito
    file:./data/pnyx.db).

    Opzioni:
      --lang CODICE     lingua dei messaggi: en, fr, de, es, it, pt, nl o ar (predefinita: quella del sistema,
                        altrimenti quella della configurazione)
      --models a,b      fa sfidare solo questi id di modello (almeno due, separati da virgole)
      -h, --help        mostra questo aiuto

    Configurazione: pnyx.config.yaml, o il file indicato da PNYX_CONFIG.
    Voto: digita a (A è migliore), b (B è migliore), t (pareggio) o x (entrambe pessime). Quando l'input non è un
    terminale, la prima riga non vuota dell'input è il voto, per esempio:
    echo a | npm run battle -- "Ciao"

    Codici di uscita: 0 sfida completata e votata · 1 la sfida non è riuscita (i modelli non hanno risposto) ·
    2 errore d'uso o di configurazione · 3 nessun voto dato.
terminal-usage-hint = Esegui npm run battle -- --help per l'uso.
terminal-error-arguments = Impossibile leggere la riga di comando: { $detail }
terminal-error-no-prompt = Indica un prompt da inviare a entrambi i modelli, per esempio: npm run battle -- "Che cos'è un buco nero?"
terminal-error-lang = --lang deve essere uno tra en, fr, de, es, it, pt, nl, ar (ricevuto «{ $value }»).
terminal-error-models-count = --models richiede almeno due id di modello diversi separati da virgole (ricevuto «{ $value }»).
terminal-error-models-unknown = Id di modello sconosciuto o disattivato: { $ids }. Modelli attivi nella configurazione: { $known }.
terminal-config-error = La configurazione non è valida ({ $source }):
terminal-startup-error = Pnyx non è riuscito ad avviarsi: { $detail }

terminal-streaming = I modelli A e B stanno rispondendo… A: { $a } caratteri · B: { $b } caratteri
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Il tuo voto (a / b / t / x):{ " " }
terminal-vote-invalid = «{ $input }» non è un voto. Digita a (A è migliore), b (B è migliore), t (pareggio) o x (entrambe pessime), poi premi Invio.
terminal-vote-missing = Nessun voto dato: l'input è finito prima di una riga con a, b, t o x. La sfida resta senza voto.
terminal-interrupted = Interrotta: la sfida è stata fermata e non conta.
terminal-no-conclusion = La sfida non è finita: il motore non ha mai aperto il voto. Vedi le righe di log qui sopra.

terminal-problems = Cosa è andato storto con i modelli:
terminal-warnings = Problemi dei modelli durante questa sfida:
terminal-side-failed = • Il modello { $side } era { $model } (fornitore «{ $provider }»): { $error }
terminal-unhealthy = • { $model } (fornitore «{ $provider }») non ha superato il controllo di salute ed è stato escluso: { $error }
terminal-unhealthy-probe-ok = • { $model } (fornitore «{ $provider }») non ha superato il controllo di salute (il server non ha restituito in tempo l'elenco dei modelli) ed è stato escluso, anche se una richiesta di prova ha funzionato.
terminal-probe-timeout = nessuna risposta a una richiesta di prova entro { $seconds } s
terminal-replaced = • { $model } ha fallito prima di scrivere qualcosa ed è stato sostituito da un altro modello: { $error }
terminal-too-few-models = Una sfida richiede due modelli funzionanti; { $count ->
    [0] non ne funziona nessuno.
    [one] ne funziona solo uno.
   *[other] ne funzionano solo { $count }.
}
