# Texte, die nur der Discord-Adapter sagt (über Discord selbst). Die Nachrichten des Kerns (Hilfe, Datenschutz,
# Duelle, Stimmen) stehen in den Katalogen des Kerns.

discord-missing-permissions = Ich kann in diesem Kanal kein Duell starten: Ich brauche hier die Berechtigung { $permissions }. Ein Server-Admin kann sie in den Kanaleinstellungen → Berechtigungen → { $bot } erteilen.
discord-thread-permissions = Ich konnte für dieses Duell keinen Thread öffnen (ich brauche hier { $permissions }), daher geht es im Kanal weiter. Ein Server-Admin kann die Berechtigung in den Kanaleinstellungen → Berechtigungen → { $bot } erteilen oder in /settings „im Kanal“ wählen.
discord-error = Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.
discord-hint-text-only = Ich kann vorerst nur Text lesen. Schreib deine Frage als Nachricht, dann beantworten sie zwei anonyme Modelle.
discord-unknown-command = Diesen Befehl kenne ich nicht mehr. Versuch es mit /help oder mit /arena und deiner Frage.
discord-form-retry = Das Öffnen des Formulars hat zu lange gedauert. Bitte drück die Schaltfläche noch einmal.

# Namen der Berechtigungen, wie Discords eigene Einstellungen sie zeigen.
discord-permission-ViewChannel = Kanal ansehen
discord-permission-SendMessages = Nachrichten senden
discord-permission-CreatePublicThreads = Öffentliche Threads erstellen
discord-permission-SendMessagesInThreads = Nachrichten in Threads senden
discord-permission-ReadMessageHistory = Nachrichtenverlauf anzeigen
discord-permission-AttachFiles = Dateien anhängen
discord-file-caption = 📎 Deine Daten als JSON (nur du siehst diese Nachricht).
