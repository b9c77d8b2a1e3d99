# Testi che dice solo l'adattatore Telegram. I messaggi del nucleo (aiuto, privacy, sfide, voti) sono nei
# cataloghi del nucleo.

telegram-hint-text-only = Per ora so leggere solo testo. Scrivi la tua domanda come messaggio e due modelli anonimi risponderanno.
telegram-hint-unknown-command = Non conosco { $command }. Prova /help, oppure scrivi /arena seguito dalla tua domanda.
telegram-hint-empty-mention = Scrivi la tua domanda dopo il mio nome, per esempio: { $example }
telegram-reasons-prompt = { $name }, cosa ha fatto la differenza? (facoltativo)
telegram-error = Scusa, qualcosa è andato storto da parte mia. Riprova tra un momento.
telegram-button-stale = Questo pulsante non funziona più. Avvia una nuova sfida con /arena.
