# Textes propres à l'adaptateur Telegram.


telegram-hint-text-only = Je ne lis que du texte pour l'instant. Écrivez votre question dans un message et deux modèles anonymes y répondront.
telegram-hint-unknown-command = Je ne connais pas { $command }. Essayez /help, ou écrivez /arena suivi de votre question.
telegram-hint-empty-mention = Écrivez votre question après mon nom, par exemple : { $example }
telegram-reasons-prompt = { $name }, qu'est-ce qui a fait la différence ? (facultatif)
telegram-error = Désolé, un problème est survenu de mon côté. Réessayez dans un instant.
telegram-button-stale = Ce bouton ne fonctionne plus. Lancez un nouveau duel avec /arena.
