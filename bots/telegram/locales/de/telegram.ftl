# Texte, die nur der Telegram-Adapter sagt. Die Nachrichten des Kerns (Hilfe, Datenschutz, Duelle, Stimmen) stehen
# in den Katalogen des Kerns.

telegram-hint-text-only = Ich kann vorerst nur Text lesen. Schreib deine Frage als Nachricht, dann beantworten sie zwei anonyme Modelle.
telegram-hint-unknown-command = { $command } kenne ich nicht. Versuch es mit /help oder schreib /arena und danach deine Frage.
telegram-hint-empty-mention = Schreib deine Frage nach meinem Namen, zum Beispiel: { $example }
telegram-reasons-prompt = { $name }, was hat den Unterschied gemacht? (optional)
telegram-error = Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.
telegram-button-stale = Diese Schaltfläche funktioniert nicht mehr. Starte ein neues Duell mit /arena.
