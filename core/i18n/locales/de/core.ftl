## Nachrichten eines Duells — für alle im Chat sichtbar

model-demo-name = { $name } (Demo-Modell)
reply-header = **Modell { $side }**
reply-header-revealed = **Modell { $side }** · { $model }
reply-waiting = _Denkt nach…_
reply-empty = _(leere Antwort)_
reply-failed = ⚠️ Diese Antwort ist fehlgeschlagen: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A ist besser
vote-b = 👉 B ist besser
vote-tie = 🤝 Unentschieden
vote-both_bad = 👎 Beide sind schlecht

choice-a = A ist besser
choice-b = B ist besser
choice-tie = Unentschieden
choice-both_bad = Beide sind schlecht

ballot-question = **Welche Antwort ist besser?** Stimme unten ab; die Modelle werden nach deiner Stimme enthüllt.
ballot-votes = { $votes ->
    [0] 🗳️ Noch keine Stimmen.
    [one] 🗳️ Bisher 1 Stimme.
   *[other] 🗳️ Bisher { $votes } Stimmen.
}
ballot-closes-in = Die Abstimmung endet in { $minutes ->
    [one] 1 Minute.
   *[other] { $minutes } Minuten.
}
ballot-closes-after = Die Abstimmung endet nach { $votes } Stimmen.
ballot-moved = ⬇️ Das Gespräch ging weiter: Stimme unten über den neuesten Stimmzettel ab.
ballot-closed = **Abstimmung beendet** · { $votes ->
    [0] keine Stimmen
    [one] 1 Stimme
   *[other] { $votes } Stimmen
}
ballot-tally = A besser: { $a } · B besser: { $b } · Unentschieden: { $tie } · Beide schlecht: { $bothBad }
ballot-leak = ⚠️ Eine Antwort hat ein Modell oder ein Labor genannt, daher zählt dieses Duell nicht für die Rangliste.

reveal-line = **{ $side }** war **{ $model }**{ $details } — { $seconds } s, { $tokens } Tokens
reveal-short = A war { $a } · B war { $b }
reveal-params = { $billions } Mrd. Parameter

battle-failed = ⚠️ Dieses Duell konnte nicht abgeschlossen werden ({ $reason }). Es nimmt keine Stimmen an; bitte frag noch einmal.
followup-failed = ⚠️ Die Anschlussfrage konnte nicht beantwortet werden ({ $reason }). Das Duell bleibt offen: Du kannst weiterhin über das bisherige Gespräch abstimmen oder noch einmal fragen.
battle-interrupted = ⚠️ Ein Duell wurde unterbrochen, weil Pnyx neu gestartet ist. Es nimmt keine Stimmen an; bitte frag noch einmal.
failure-no-models = gerade sind nicht genug Modelle verfügbar
failure-restart = Pnyx wurde neu gestartet, während die Modelle antworteten
failure-stopped = Pnyx wird heruntergefahren

## Private Antworten — nur für die Person sichtbar, die gehandelt hat

prompt-empty = Schreib eine Frage oder eine Aufgabe, zum Beispiel: Was ist ein Schwarzes Loch?
prompt-too-long = Deine Nachricht ist { $length } Zeichen lang; erlaubt sind { $max }. Bitte kürze sie.
rate-limited = Du bist etwas schnell unterwegs. Bitte versuch es in { $seconds ->
    [one] 1 Sekunde
   *[other] { $seconds } Sekunden
} noch einmal.
chat-rate-limited = In diesem Chat wurden in der letzten Minute viele Duelle gestartet. Bitte versuch es in { $seconds ->
    [one] 1 Sekunde
   *[other] { $seconds } Sekunden
} noch einmal.
battle-queued = Dein Duell steht in der Warteschlange: { $ahead ->
    [one] ein Duell läuft
   *[other] { $ahead } Duelle laufen
} in diesem Chat davor, damit der Chat nicht überflutet wird. Die Antworten folgen, sobald es an der Reihe ist.
arena-paused = Die Arena ist in diesem Chat pausiert. Ein Admin kann sie mit { $command } wieder einschalten.
no-models = Gerade sind nicht genug Modelle für ein Duell verfügbar. Bitte versuch es später noch einmal.
battle-max-turns = Dieses Duell hat { $max } Runden erreicht. Starte ein neues, um weiterzumachen.
battle-not-open = Dieses Duell ist vorbei. Schick eine neue Nachricht, um ein weiteres zu starten.
vote-counted = Deine Stimme: { $choice }.
vote-duplicate = Du hast in diesem Duell schon abgestimmt: { $choice }. Jede Person stimmt einmal ab.
vote-changed = Du hast deine Stimme geändert: { $choice } (vorher { $from }). Du hattest die Namen schon gesehen, deshalb zählt für die Ranglisten deine erste, blinde Wahl.
followup-after-reveal = Du hast über dieses Duell abgestimmt und die Namen der Modelle gesehen, deshalb kannst du keine weiteren Prompts hinzufügen: Der Rest des Gesprächs muss blind bleiben. Schick eine neue Nachricht, um ein neues Duell zu starten.
vote-reasons-ask = Warum? Wenn du magst, nenn Gründe:
vote-reason-no-vote = Stimm zuerst ab und nenn dann deine Gründe.
vote-closed = Die Abstimmung über dieses Duell ist beendet.
vote-too-early = Bitte warte, bis beide Antworten fertig sind, bevor du abstimmst.
vote-failed = Dieses Duell konnte nicht abgeschlossen werden und nimmt daher keine Stimmen an.
vote-reveal = { $reveal }
action-stale = Diese Schaltfläche gilt nicht mehr. Starte ein neues Duell, um abzustimmen.
reaction-saved = Danke! Dir hat Antwort { $side } { $kind ->
    [like] gefallen
   *[dislike] nicht gefallen
}. Wenn du magst, nenn Gründe:
reason-saved = Grund gespeichert: { $reason }.

reason-useful = Nützlich
reason-complete = Vollständig
reason-creative = Kreativ
reason-clear_formatting = Klare Formatierung
reason-incorrect = Falsch
reason-superficial = Oberflächlich
reason-instructions_not_followed = Anweisungen nicht befolgt

## Befehle

help-text = **Pnyx — eine Blind-Arena für Sprachmodelle** 🏛️

    Frag, was du willst: Zwei anonyme Modelle antworten nebeneinander als **A** und **B**. Stimme mit den Schaltflächen für die bessere Antwort — 👈 A, 👉 B, 🤝 Unentschieden oder 👎 beide schlecht. Die Modelle werden dir direkt nach deiner Stimme enthüllt, allen anderen, wenn die Abstimmung endet.

    • In einem privaten Chat schreibst du einfach deine Nachricht.
    • In einer Gruppe schreib { $arena } und danach deine Nachricht, erwähne mich oder antworte auf ein Duell, um es fortzusetzen.
    • 👍/👎 unter einer Antwort sagen uns, was dir gefallen hat und was nicht.
    • { $leaderboard } zeigt die Rangliste, die aus allen Stimmen entsteht.
    • { $privacy } erklärt, was gespeichert wird und warum. { $settings } (Gruppen-Admins) richtet die Arena hier ein.
start-text = Willkommen bei Pnyx! { help-text }
privacy-text = **Was Pnyx speichert und warum**

    • Deine Nachrichten an die Arena und die Antworten beider Modelle, um das Duell anzuzeigen und offene Datensätze von Gesprächen aufzubauen.
    • Deine Stimmen und Reaktionen, um die Rangliste zu berechnen.
    • Eine pseudonyme Kennung für dich. Deine Kennung auf der Plattform dient nur dazu, dir Nachrichten zuzustellen, und wird nie veröffentlicht.

    Veröffentlichte Datensätze enthalten keine Gespräche, die als personenbezogen markiert wurden. Schreib keine persönlichen Angaben (Namen, Adressen, Gesundheits- oder Finanzdaten) in deine Nachrichten.
unknown-command = Diesen Befehl kenne ich nicht. Versuch es mit { $command }.

settings-title = **Arena-Einstellungen für diesen Chat**
settings-admins-only = Nur die Admins des Chats können die Arena-Einstellungen ändern.
settings-saved = Einstellungen gespeichert.
settings-enabled = Arena: { $on ->
    [yes] ✅ an
   *[no] ⏸ pausiert
}
settings-trigger = Duelle starten bei: { $trigger ->
    [all] jeder Nachricht
   *[addressed] Befehlen, Erwähnungen und Antworten
}
settings-reveal = Die Abstimmung endet: { $policy }
settings-language = Sprache: { $language }
settings-models = Erlaubte Modelle: { $count } von { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Arena pausieren
   *[no] ▶️ Arena einschalten
}
settings-btn-trigger-addressed = Befehle & Erwähnungen
settings-btn-trigger-all = Jede Nachricht
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Rangliste posten: { $preset ->
    [daily] täglich um 18:00 Uhr ({ $timezone })
    [weekly] montags um 18:00 Uhr ({ $timezone })
    [custom] nach Zeitplan { $cron } ({ $timezone })
   *[off] aus
}
settings-timezone-hint = _Zeitzone: { $command } timezone Europe/Berlin_
settings-btn-schedule = 📊 { $preset ->
    [daily] Täglich
    [weekly] Wöchentlich
   *[off] Keine Posts
}
settings-usage = Nutze { $command } allein für das Menü oder { $command } timezone Region/Stadt (zum Beispiel Europe/Berlin).
settings-bad-timezone = „{ $zone }“ ist keine Zeitzone, die ich kenne. Nutze einen Namen wie Europe/Berlin oder America/New_York.
settings-models-minimum = Mindestens zwei Modelle müssen erlaubt bleiben, damit Duelle stattfinden können.
policy-votes = { $votes ->
    [one] nach der ersten Stimme
   *[other] nach { $votes } Stimmen
}
policy-minutes = { $minutes ->
    [one] nach 1 Minute
   *[other] nach { $minutes } Minuten
}
policy-default = Standard ({ $policy })
language-auto = automatisch
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Noch keine Stimmen — die Rangliste erscheint, sobald über die ersten Duelle abgestimmt wurde.
leaderboard-title = **Rangliste** ({ $votes } Stimmen)

## Welle 2: Bestätigungen, Formulare, Threads, Menüs mit Seiten

event-failed = Entschuldigung, bei Pnyx ist etwas schiefgelaufen. Nichts ist verloren; bitte versuch es gleich noch einmal.
failure-internal = ein interner Fehler
prompt-echo = 💬 **{ $name }** fragt:
vote-why-button = ✍️ Begründen
vote-why-title = Warum diese Stimme?
vote-why-label = Was hat den Unterschied gemacht? (optional, wird mit deiner Stimme gespeichert)
vote-why-placeholder = z. B. B hat die Frage beantwortet; A hat sie nur wiederholt.
vote-why-saved = Danke — deine Begründung ist mit deiner Stimme gespeichert.
vote-why-empty = Die Begründung war leer, daher wurde nichts gespeichert.
vote-why-too-long = Bitte bleib unter { $max } Zeichen.
form-submit = Speichern
settings-layout = Duelle erscheinen: { $layout ->
    [inline] im Kanal
   *[thread] in einem eigenen Thread
}
settings-btn-layout-thread = 🧵 In einem Thread
settings-btn-layout-inline = 💬 Im Kanal
settings-btn-timezone = 🕒 Zeitzone: { $timezone }
settings-timezone-title = Zeitzone
settings-timezone-label = Zeitzone dieses Chats (Region/Stadt)
settings-timezone-saved = Zeitzone auf { $zone } gesetzt.
settings-btn-page-previous = ◀ Zurück
settings-btn-page-next = Weiter ▶
settings-page = Seite { $page }/{ $pages }

## Befehlskatalog (Beschreibungen, die Plattformen in ihren Befehlsmenüs zeigen)

command-arena = Duell starten: zwei anonyme Modelle antworten
command-arena-prompt = Deine Frage oder Aufgabe für beide Modelle
command-leaderboard = Aktuelle Rangliste der Modelle
command-help = Wie man ein Duell startet und abstimmt
command-privacy = Was gespeichert wird und warum
command-settings = Arena-Einstellungen für diesen Chat (Admins)
command-settings-timezone = Zeitzone dieses Chats, z. B. Europe/Berlin
command-start = Was Pnyx ist und wie man abstimmt

## Was man liest, wenn ein Modell scheitert (die Worte des Anbieters bleiben im Log)

failure-side = Modell { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] hat zu lange für die Antwort gebraucht
    [rate_limited] wird von seinem Anbieter gerade gedrosselt
    [service_error] hatte einen Fehler beim Anbieter
    [unreachable] war nicht erreichbar
    [refused] wurde von seinem Anbieter abgelehnt — ein Admin sollte seine Einstellungen prüfen
    [rejected] konnte diese Anfrage nicht annehmen
    [malformed] hat eine unlesbare Antwort geschickt
   *[internal] ist fehlgeschlagen
}
failure-kind = { $kind ->
    [timeout] es hat zu lange gedauert
    [rate_limited] sein Anbieter drosselt es gerade
    [service_error] sein Anbieter hatte einen Fehler
    [unreachable] es war nicht erreichbar
    [refused] sein Anbieter hat die Anfrage abgelehnt
    [rejected] es konnte diese Anfrage nicht annehmen
    [malformed] seine Antwort war unlesbar
   *[internal] es ist fehlgeschlagen
}

## Ausgabenlimits für kostenpflichtige Modelle

spend-cap-chat = Dieser Chat hat das heutige Ausgabenlimit für kostenpflichtige Modelle (${ $cap }) erreicht. Duelle starten wieder in { $hours ->
    [one] etwa einer Stunde (um Mitternacht UTC).
   *[other] etwa { $hours } Stunden (um Mitternacht UTC).
}
spend-cap-all = Pnyx hat das heutige Ausgabenlimit für kostenpflichtige Modelle (${ $cap }) über alle Chats hinweg erreicht. Duelle starten wieder in { $hours ->
    [one] etwa einer Stunde (um Mitternacht UTC).
   *[other] etwa { $hours } Stunden (um Mitternacht UTC).
}
settings-spend = Tageslimit für kostenpflichtige Modelle: { $cap ->
    [none] keins
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Standard
   *[other] 💶 ${ $cap }/Tag
}

## Sprachen, in denen ein Chat Prompts sammelt

language-not-accepted = 🌍 Dieser Chat sammelt Prompts auf { $languages }, und deiner scheint auf { $language } zu sein. Schreib ihn bitte auf { $languages }, um ein Duell zu starten.
settings-languages = Prompts werden gesammelt auf: { $languages }
