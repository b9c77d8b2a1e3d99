# Textos que solo dice el adaptador de Discord (sobre Discord). Los mensajes del núcleo (ayuda, privacidad,
# batallas, votos) están en los catálogos del núcleo.

discord-missing-permissions = No puedo iniciar una batalla en este canal: necesito aquí el permiso { $permissions }. Un administrador del servidor puede concederlo en los ajustes del canal → Permisos → { $bot }.
discord-thread-permissions = No pude abrir un hilo para esta batalla (necesito { $permissions } aquí), así que continúa en el canal. Un administrador del servidor puede concederlo en los ajustes del canal → Permisos → { $bot }, o elegir «en el canal» en /settings.
discord-error = Lo siento, algo falló por mi parte. Vuelve a intentarlo en un momento.
discord-hint-text-only = Por ahora solo puedo leer texto. Escribe tu pregunta como mensaje y dos modelos anónimos la responderán.
discord-unknown-command = Ya no conozco ese comando. Prueba /help, o /arena seguido de tu pregunta.
discord-form-retry = Tardé demasiado en abrir el formulario. Pulsa el botón otra vez, por favor.

# Nombres de los permisos tal como los muestran los ajustes de Discord.
discord-permission-ViewChannel = Ver canal
discord-permission-SendMessages = Enviar mensajes
discord-permission-CreatePublicThreads = Crear hilos públicos
discord-permission-SendMessagesInThreads = Enviar mensajes en hilos
discord-permission-ReadMessageHistory = Leer el historial de mensajes
discord-permission-AttachFiles = Adjuntar archivos
discord-file-caption = 📎 Tus datos, en JSON (solo tú puedes ver este mensaje).
