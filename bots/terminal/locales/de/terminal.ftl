# Texte, die nur das Duell im Terminal (npm run battle) sagt. Die Nachrichten des Duells selbst (Antworten,
# Abstimmung, Enthüllung) stehen im Katalog des Kerns.

terminal-usage =
    Aufruf: npm run battle -- [Optionen] "dein Prompt"

    Führt in diesem Terminal ein Blind-Duell zwischen zwei der konfigurierten Modelle aus, fragt nach deiner
    Stimme und enthüllt dann die Modelle mit ihrer Antwortzeit und ihrer Token-Anzahl. Damit prüfst du eine
    Modellkonfiguration, bevor du einen Bot einrichtest. Duell und Stimme werden wie alle anderen gespeichert
    (DATABASE_URL, Standard file:./data/pnyx.db).

    Optionen:
      --lang CODE       Sprache der Meldungen: en, fr, de, es, it, pt, nl oder ar (Standard: die des Systems,
                        sonst die der Konfiguration)
      --models a,b      nur diese Modell-IDs gegeneinander antreten lassen (mindestens zwei, durch Kommas getrennt)
      -h, --help        diese Hilfe anzeigen

    Konfiguration: pnyx.config.yaml oder die Datei, die PNYX_CONFIG nennt.
    Abstimmen: tippe a (A ist besser), b (B ist besser), t (Unentschieden) oder x (beide sind schlecht). Ist die
    Eingabe kein Terminal, ist die erste nicht leere Zeile der Eingabe die Stimme, zum Beispiel:
    echo a | npm run battle -- "Hallo"

    Exit-Codes: 0 Duell abgeschlossen und abgestimmt · 1 das Duell ist gescheitert (die Modelle haben nicht
    geantwortet) · 2 Aufruf- oder Konfigurationsfehler · 3 keine Stimme abgegeben.
terminal-usage-hint = Mit npm run battle -- --help siehst du, wie der Aufruf geht.
terminal-error-arguments = Die Kommandozeile kann nicht gelesen werden: { $detail }
terminal-error-no-prompt = Gib einen Prompt an, der an beide Modelle geht, zum Beispiel: npm run battle -- "Was ist ein Schwarzes Loch?"
terminal-error-lang = --lang muss einer von en, fr, de, es, it, pt, nl, ar sein (erhalten: „{ $value }“).
terminal-error-models-count = --models braucht mindestens zwei verschiedene Modell-IDs, durch Kommas getrennt (erhalten: „{ $value }“).
terminal-error-models-unknown = Unbekannte oder deaktivierte Modell-ID: { $ids }. Aktive Modelle in der Konfiguration: { $known }.
terminal-config-error = Die Konfiguration ist ungültig ({ $source }):
terminal-startup-error = Pnyx konnte nicht starten: { $detail }

terminal-streaming = Die Modelle A und B antworten… A: { $a } Zeichen · B: { $b } Zeichen
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Deine Stimme (a / b / t / x):{ " " }
terminal-vote-invalid = „{ $input }“ ist keine Stimme. Tippe a (A ist besser), b (B ist besser), t (Unentschieden) oder x (beide sind schlecht) und drück Enter.
terminal-vote-missing = Es wurde keine Stimme abgegeben: Die Eingabe endete vor einer Zeile mit a, b, t oder x. Das Duell bleibt ohne Stimme.
terminal-interrupted = Abgebrochen: Das Duell wurde gestoppt und zählt nicht.
terminal-no-conclusion = Das Duell wurde nicht beendet: Die Engine hat die Abstimmung nie geöffnet. Siehe die Log-Zeilen oben.

terminal-problems = Was bei den Modellen schiefging:
terminal-warnings = Probleme mit Modellen während dieses Duells:
terminal-side-failed = • Modell { $side } war { $model } (Anbieter „{ $provider }“): { $error }
terminal-unhealthy = • { $model } (Anbieter „{ $provider }“) hat seinen Gesundheitscheck nicht bestanden und wurde ausgelassen: { $error }
terminal-unhealthy-probe-ok = • { $model } (Anbieter „{ $provider }“) hat seinen Gesundheitscheck nicht bestanden (der Server hat die Modellliste nicht rechtzeitig geliefert) und wurde ausgelassen, obwohl eine Testanfrage funktioniert hat.
terminal-probe-timeout = keine Antwort auf eine Testanfrage innerhalb von { $seconds } s
terminal-replaced = • { $model } ist gescheitert, bevor es etwas geschrieben hat, und wurde durch ein anderes Modell ersetzt: { $error }
terminal-too-few-models = Ein Duell braucht zwei funktionierende Modelle; { $count ->
    [0] keins funktioniert.
    [one] nur eins funktioniert.
   *[other] nur { $count } funktionieren.
}
