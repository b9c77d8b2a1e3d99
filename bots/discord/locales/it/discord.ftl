# Testi che dice solo l'adattatore Discord (su Discord stesso). I messaggi del nucleo (aiuto, privacy, sfide, voti)
# sono nei cataloghi del nucleo.

discord-missing-permissions = Non posso avviare una sfida in questo canale: qui mi serve il permesso { $permissions }. Un amministratore del server può concederlo nelle impostazioni del canale → Permessi → { $bot }.
discord-thread-permissions = Non sono riuscito ad aprire un thread per questa sfida (qui mi serve { $permissions }), quindi continua nel canale. Un amministratore del server può concederlo nelle impostazioni del canale → Permessi → { $bot }, oppure scegliere «nel canale» in /settings.
discord-error = Scusa, qualcosa è andato storto da parte mia. Riprova tra un momento.
discord-hint-text-only = Per ora so leggere solo testo. Scrivi la tua domanda come messaggio e due modelli anonimi risponderanno.
discord-unknown-command = Non conosco più questo comando. Prova /help, oppure /arena seguito dalla tua domanda.
discord-form-retry = Ci ho messo troppo ad aprire il modulo. Premi di nuovo il pulsante, per favore.

# Nomi dei permessi come li mostrano le impostazioni di Discord.
discord-permission-ViewChannel = Visualizza canale
discord-permission-SendMessages = Invia messaggi
discord-permission-CreatePublicThreads = Crea thread pubblici
discord-permission-SendMessagesInThreads = Invia messaggi nei thread
discord-permission-ReadMessageHistory = Leggi la cronologia dei messaggi
discord-permission-AttachFiles = Allega file
discord-file-caption = 📎 I tuoi dati, in formato JSON (solo tu puoi vedere questo messaggio).
