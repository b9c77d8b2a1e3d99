# Textos que solo dice el adaptador de Telegram. Los mensajes del núcleo (ayuda, privacidad, batallas, votos) están
# en los catálogos del núcleo.

telegram-hint-text-only = Por ahora solo puedo leer texto. Escribe tu pregunta como mensaje y dos modelos anónimos la responderán.
telegram-hint-unknown-command = No conozco { $command }. Prueba /help, o escribe /arena seguido de tu pregunta.
telegram-hint-empty-mention = Escribe tu pregunta después de mi nombre, por ejemplo: { $example }
telegram-reasons-prompt = { $name }, ¿qué marcó la diferencia? (opcional)
telegram-error = Lo siento, algo falló por mi parte. Vuelve a intentarlo en un momento.
telegram-button-stale = Este botón ya no funciona. Empieza una batalla nueva con /arena.
