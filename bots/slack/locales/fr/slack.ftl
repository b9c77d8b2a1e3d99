# Les textes propres à l'app Slack. Les messages du cœur (aide, confidentialité, batailles, votes) sont dans ses catalogues.

slack-invite = Je ne suis pas dans ce canal, je ne peux donc pas y publier la bataille. Invitez-moi avec `/invite @{ $bot }` puis réessayez.
slack-cannot-post = Je ne peux pas écrire dans cette conversation. Utilisez `/arena` dans un canal où je suis, ou écrivez-moi dans mon onglet Messages.
slack-hint-empty-mention = Écrivez votre question après mon nom, par exemple : { $example }
slack-hint-unknown-command = Je ne connais pas { $command }. Essayez `/arena help`, ou `/arena` suivi de votre question.
slack-error = Désolé, quelque chose s'est mal passé de mon côté. Réessayez dans un instant.
