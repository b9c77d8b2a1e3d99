# Textos que solo dice la app de Slack. Los mensajes del núcleo (ayuda, privacidad, batallas, votos) están en los catálogos del núcleo.

slack-invite = No estoy en este canal, así que no puedo publicar la batalla aquí. Invítame con `/invite @{ $bot }` y vuelve a intentarlo.
slack-cannot-post = No puedo publicar en esta conversación. Usa `/arena` en un canal en el que esté, o escríbeme en mi pestaña Mensajes.
slack-hint-empty-mention = Escribe tu pregunta después de mi nombre, por ejemplo: { $example }
slack-hint-unknown-command = No conozco { $command }. Prueba `/arena help`, o `/arena` seguido de tu pregunta.
slack-error = Lo siento, algo falló por mi parte. Vuelve a intentarlo en un momento.
