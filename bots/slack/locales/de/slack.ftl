# Texte, die nur die Slack-App sagt. Die Nachrichten des Kerns (Hilfe, Datenschutz, Duelle, Stimmen) stehen in den Katalogen des Kerns.

slack-invite = Ich bin nicht in diesem Kanal und kann das Duell hier nicht posten. Lade mich mit `/invite @{ $bot }` ein und versuch es noch einmal.
slack-cannot-post = Ich kann in dieser Unterhaltung nicht posten. Nutze `/arena` in einem Kanal, in dem ich bin, oder schreib mir in meinem Tab „Nachrichten“.
slack-hint-empty-mention = Schreib deine Frage nach meinem Namen, zum Beispiel: { $example }
slack-hint-unknown-command = { $command } kenne ich nicht. Versuch es mit `/arena help` oder mit `/arena` und deiner Frage.
slack-error = Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.
