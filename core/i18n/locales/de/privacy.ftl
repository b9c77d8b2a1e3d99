## Energie bei der Auflösung (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ eine 5-W-LED-Lampe für { $led } oder { $streaming } Videostreaming
reveal-energy-method = Energie geschätzt mit { $method } (weltweiter Strommix; Hardware inbegriffen)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 Tag
       *[other] { $amount } Tage
    }
    [hour] { $amount ->
        [one] 1 Stunde
       *[other] { $amount } Stunden
    }
    [minute] { $amount ->
        [one] 1 Minute
       *[other] { $amount } Minuten
    }
   *[second] { $amount ->
        [one] 1 Sekunde
       *[other] { $amount } Sekunden
    }
}

## Einwilligung, jeder Person einmal gezeigt, wenn sie zum ersten Mal etwas tut (core/engine/people.ts)

consent-notice = 🔒 **Über deine Daten in Pnyx** (einmaliger Hinweis)
    Pnyx speichert deine Prompts, die Antworten darauf, deine Stimmen und Reaktionen unter einer internen ID, nicht unter deinem Namen.
    Wenn die Admins dieses Chats es erlauben, können sie in einem offenen Forschungsdatensatz veröffentlicht werden, nachdem persönliche Angaben herausgefiltert wurden, und unter einem Pseudonym.
    { $privacy }: dein Status und ein Knopf, um der Veröffentlichung zu widersprechen · { $mydata }: alles erhalten, was über dich gespeichert ist · { $forget }: es löschen.
consent-short = 🔒 Pnyx speichert deine Prompts und Stimmen; sie können pseudonymisiert veröffentlicht werden. { $privacy }: widersprechen, ansehen oder löschen.

## /privacy: der eigene Status der Person

privacy-status = **Deine Daten**
    • Veröffentlichung in offenen Datensätzen: { $optOut ->
        [yes] du hast widersprochen: Nichts von dir wird je veröffentlicht.
       *[no] erlaubt, wo die Admins eines Chats es erlauben (pseudonymisiert, persönliche Angaben herausgefiltert).
    }
    • Dieser Chat: { $chatPublish ->
        [yes] seine Admins erlauben die Veröffentlichung seiner Daten.
       *[no] seine Daten werden nicht veröffentlicht.
    }
    • { $mydata } schickt dir alles, was über dich gespeichert ist; { $forget } löscht es.
privacy-btn-opt-out = 🚫 Meine Daten aus Datensätzen heraushalten
privacy-btn-opt-in = ✅ Veröffentlichung wieder erlauben
privacy-opted-out = Erledigt: Nichts von dir wird in einem offenen Datensatz veröffentlicht.
privacy-opted-in = Erledigt: Deine Daten können veröffentlicht werden, wo die Admins eines Chats es erlauben (pseudonymisiert).

## /mydata

mydata-caption = Alles, was Pnyx über dich speichert, als JSON.
mydata-sent = Hier ist alles, was Pnyx über dich speichert: { $prompts } Prompts, { $votes } Stimmen, { $reactions } Reaktionen.
mydata-sent-direct = Ich habe dir alles, was Pnyx über dich speichert, in einer privaten Nachricht geschickt.
mydata-private-only = Zum Schutz deiner Privatsphäre schicke ich deine Daten nur privat: Öffne einen privaten Chat mit mir und schick dort { $command }.
mydata-nothing = Pnyx hat noch nichts über dich gespeichert.

## /forget

forget-confirm = **Deine Daten löschen?** Damit werden deine Prompts und die Antworten darauf, deine Reaktionen, dein Profil und deine Stimmen sofort und endgültig aus Pnyx entfernt. Du kannst deine Stimmen stattdessen auch anonym behalten: Sie zählen weiter für die Rangliste, ohne dass etwas auf dich zurückführt.
forget-btn-all = 🗑 Alles löschen
forget-btn-keep-votes = 🗑 Löschen, Stimmen anonym behalten
forget-btn-cancel = Abbrechen
forget-done = Gelöscht: { $prompts } Prompts, { $replies } Antworten, { $votes } Stimmen, { $reactions } Reaktionen. { $kept ->
    [0] Von dir ist nichts mehr in Pnyx.
    [one] 1 Stimme wurde anonym behalten.
   *[other] { $kept } Stimmen wurden anonym behalten.
}
forget-cancelled = Es wurde nichts gelöscht.

## Chat-Einstellungen: Veröffentlichung (Admins)

settings-publish = Veröffentlichung der Daten dieses Chats in offenen Datensätzen: { $on ->
    [yes] erlaubt (pseudonymisiert, persönliche Angaben herausgefiltert; jede Person kann mit { $privacy } widersprechen)
   *[no] nicht erlaubt
}
settings-btn-publish = Daten veröffentlichen: { $on ->
    [yes] an
   *[no] aus
}

## Freiwilliges Profil (nach dem Vorbild von PRISM), einmal nach der dritten Stimme angeboten

profile-offer = Magst du uns ein wenig über dich erzählen? Es ist freiwillig und anonym: Die Antworten werden nur grob zusammengefasst genutzt, um zu zeigen, wie verschiedene Gruppen die Modelle bewerten. Du kannst jede Frage überspringen.
profile-btn-start = Ein paar Fragen beantworten
profile-btn-skip = Überspringen
profile-btn-skip-question = Diese Frage überspringen
profile-btn-done = Fertig
profile-question-age = Wie alt bist du?
profile-question-region = Wo lebst du?
profile-question-languages = Welche Sprachen sprichst du? (Wähl alle zutreffenden aus, dann Fertig)
profile-question-familiarity = Wie vertraut bist du mit KI-Chatassistenten?
profile-question-goal = Was ist dir bei einem Modell am wichtigsten?
profile-age-u18 = Unter 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 oder älter
profile-region-eu = Europa
profile-region-na = Nordamerika
profile-region-la = Lateinamerika
profile-region-af = Afrika
profile-region-me = Naher Osten
profile-region-as = Asien
profile-region-oc = Ozeanien
profile-lang-en = Englisch
profile-lang-fr = Französisch
profile-lang-es = Spanisch
profile-lang-de = Deutsch
profile-lang-ar = Arabisch
profile-lang-zh = Chinesisch
profile-lang-other = Andere
profile-familiarity-never = Noch nie benutzt
profile-familiarity-sometimes = Manchmal
profile-familiarity-weekly = Jede Woche
profile-familiarity-daily = Jeden Tag
profile-goal-factual = Korrekte Fakten
profile-goal-creative = Kreativität
profile-goal-concise = Kurze Antworten
profile-goal-detailed = Ausführliche Antworten
profile-goal-safe = Sicherheit
profile-goal-personal = Persönliche Note
profile-saved = Gespeichert. { profile-thanks }
profile-thanks = Danke!
profile-skipped = Kein Problem: Wir fragen dich nicht noch einmal. Mit { $privacy } kannst du deine Antworten jederzeit löschen.
profile-finished = Danke! Deine Antworten werden mit deinen Daten gespeichert; { $forget } löscht sie.

command-mydata = Alles erhalten, was Pnyx über dich speichert
command-forget = Deine Daten aus Pnyx löschen
