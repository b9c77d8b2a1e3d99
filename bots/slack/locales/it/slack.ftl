# Testi che dice solo l'app Slack. I messaggi del nucleo (aiuto, privacy, sfide, voti) sono nei cataloghi del nucleo.

slack-invite = Non sono in questo canale, quindi non posso pubblicare qui la sfida. Invitami con `/invite @{ $bot }` e riprova.
slack-cannot-post = Non posso scrivere in questa conversazione. Usa `/arena` in un canale in cui sono presente, oppure scrivimi nella mia scheda Messaggi.
slack-hint-empty-mention = Scrivi la tua domanda dopo il mio nome, per esempio: { $example }
slack-hint-unknown-command = Non conosco { $command }. Prova `/arena help`, oppure `/arena` seguito dalla tua domanda.
slack-error = Scusa, qualcosa è andato storto da parte mia. Riprova tra un momento.
