## Berichten van een duel — zichtbaar voor iedereen in de chat

model-demo-name = { $name } (demomodel)
reply-header = **Model { $side }**
reply-header-revealed = **Model { $side }** · { $model }
reply-waiting = _Aan het nadenken…_
reply-empty = _(leeg antwoord)_
reply-failed = ⚠️ Dit antwoord is mislukt: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A is beter
vote-b = 👉 B is beter
vote-tie = 🤝 Gelijkspel
vote-both_bad = 👎 Allebei slecht

choice-a = A is beter
choice-b = B is beter
choice-tie = Gelijkspel
choice-both_bad = Allebei slecht

ballot-question = **Welk antwoord is beter?** Stem hieronder; de modellen worden na je stem onthuld.
ballot-votes = { $votes ->
    [0] 🗳️ Nog geen stemmen.
    [one] 🗳️ Tot nu toe 1 stem.
   *[other] 🗳️ Tot nu toe { $votes } stemmen.
}
ballot-closes-in = De stemming sluit over { $minutes ->
    [one] 1 minuut.
   *[other] { $minutes } minuten.
}
ballot-closes-after = De stemming sluit na { $votes } stemmen.
ballot-moved = ⬇️ Het gesprek ging verder: stem hieronder op het nieuwste stembiljet.
ballot-closed = **Stemming gesloten** · { $votes ->
    [0] geen stemmen
    [one] 1 stem
   *[other] { $votes } stemmen
}
ballot-tally = A beter: { $a } · B beter: { $b } · Gelijkspel: { $tie } · Allebei slecht: { $bothBad }
ballot-leak = ⚠️ Een antwoord noemde een model of een lab, dus dit duel telt niet mee voor de ranglijst.

reveal-line = **{ $side }** was **{ $model }**{ $details } — { $seconds } s, { $tokens } tokens
reveal-short = A was { $a } · B was { $b }
reveal-params = { $billions } mld. parameters

battle-failed = ⚠️ Dit duel kon niet worden afgerond ({ $reason }). Er kan niet op gestemd worden; stel je vraag opnieuw.
followup-failed = ⚠️ De vervolgvraag kon niet worden beantwoord ({ $reason }). Het duel blijft open: je kunt nog steeds stemmen over het gesprek tot nu toe, of het opnieuw vragen.
battle-interrupted = ⚠️ Een duel werd onderbroken omdat Pnyx opnieuw is opgestart. Er kan niet op gestemd worden; stel je vraag opnieuw.
failure-no-models = er zijn nu niet genoeg modellen beschikbaar
failure-restart = Pnyx is opnieuw opgestart terwijl de modellen antwoordden
failure-stopped = Pnyx wordt afgesloten

## Privé-antwoorden — alleen zichtbaar voor wie de actie deed

prompt-empty = Schrijf een vraag of een taak, bijvoorbeeld: Wat is een zwart gat?
prompt-too-long = Je bericht is { $length } tekens lang; de limiet is { $max }. Maak het korter.
rate-limited = Je gaat een beetje snel. Probeer het over { $seconds ->
    [one] 1 seconde
   *[other] { $seconds } seconden
} opnieuw.
chat-rate-limited = In deze chat zijn de afgelopen minuut veel duels gestart. Probeer het over { $seconds ->
    [one] 1 seconde
   *[other] { $seconds } seconden
} opnieuw.
battle-queued = Je duel staat in de rij: { $ahead ->
    [one] er loopt eerst één duel
   *[other] er lopen eerst { $ahead } duels
} in deze chat, zodat de chat niet overspoeld wordt. De antwoorden volgen zodra het aan de beurt is.
arena-paused = De arena is gepauzeerd in deze chat. Een beheerder kan hem weer aanzetten met { $command }.
no-models = Er zijn nu niet genoeg modellen beschikbaar voor een duel. Probeer het later opnieuw.
battle-max-turns = Dit duel heeft { $max } beurten bereikt. Begin een nieuw duel om verder te gaan.
battle-not-open = Dit duel is voorbij. Stuur een nieuw bericht om een ander te beginnen.
vote-counted = Je stemde: { $choice }.
vote-duplicate = Je hebt al gestemd in dit duel: { $choice }. Iedereen stemt één keer.
vote-changed = Je hebt je stem gewijzigd: { $choice } (was { $from }). Je had de namen al gezien, dus de ranglijsten houden je eerste, blinde keuze aan.
followup-after-reveal = Je hebt over dit duel gestemd en de namen van de modellen gezien, dus je kunt er geen prompts meer aan toevoegen: de rest van het gesprek moet blind blijven. Stuur een nieuw bericht om een ander duel te beginnen.
vote-reasons-ask = Waarom? Voeg gerust redenen toe:
vote-reason-no-vote = Stem eerst en voeg daarna je redenen toe.
vote-closed = De stemming over dit duel is gesloten.
vote-too-early = Wacht tot beide antwoorden klaar zijn voordat je stemt.
vote-failed = Dit duel kon niet worden afgerond, dus er kan niet op gestemd worden.
vote-reveal = { $reveal }
action-stale = Deze knop werkt niet meer. Begin een nieuw duel om te stemmen.
reaction-saved = Bedankt! Je vond antwoord { $side } { $kind ->
    [like] goed
   *[dislike] niet goed
}. Voeg gerust redenen toe:
reason-saved = Reden opgeslagen: { $reason }.

reason-useful = Nuttig
reason-complete = Volledig
reason-creative = Creatief
reason-clear_formatting = Duidelijke opmaak
reason-incorrect = Onjuist
reason-superficial = Oppervlakkig
reason-instructions_not_followed = Instructies niet gevolgd

## Commando's

help-text = **Pnyx — een blinde arena voor taalmodellen** 🏛️

    Vraag wat je wilt: twee anonieme modellen antwoorden naast elkaar als **A** en **B**. Stem met de knoppen op het betere antwoord — 👈 A, 👉 B, 🤝 gelijkspel of 👎 allebei slecht. De modellen worden meteen na je stem aan jou onthuld, en aan iedereen zodra de stemming sluit.

    • In een privéchat schrijf je gewoon je bericht.
    • In een groep gebruik je { $arena } gevolgd door je bericht, noem je mij, of antwoord je op een duel om het voort te zetten.
    • 👍/👎 onder een antwoord vertellen ons wat je goed vond en wat niet.
    • { $leaderboard } toont de ranglijst die uit ieders stemmen ontstaat.
    • { $privacy } legt uit wat er bewaard wordt en waarom. { $settings } (groepsbeheerders) stelt de arena hier in.
start-text = Welkom bij Pnyx! { help-text }
privacy-text = **Wat Pnyx bewaart, en waarom**

    • Je berichten aan de arena en de antwoorden van beide modellen, om het duel te tonen en open datasets van gesprekken op te bouwen.
    • Je stemmen en reacties, om de ranglijst te berekenen.
    • Een pseudonieme id voor jou. Je id op het platform dient alleen om berichten te bezorgen en wordt nooit gepubliceerd.

    Gepubliceerde datasets laten gesprekken weg die gemarkeerd zijn als persoonsgegevens bevattend. Schrijf geen persoonlijke informatie (namen, adressen, gezondheids- of financiële gegevens) in je berichten.
unknown-command = Dat commando ken ik niet. Probeer { $command }.

settings-title = **Arena-instellingen voor deze chat**
settings-admins-only = Alleen de beheerders van de chat kunnen de arena-instellingen wijzigen.
settings-saved = Instellingen opgeslagen.
settings-enabled = Arena: { $on ->
    [yes] ✅ aan
   *[no] ⏸ gepauzeerd
}
settings-trigger = Duels starten bij: { $trigger ->
    [all] elk bericht
   *[addressed] commando's, vermeldingen en antwoorden
}
settings-reveal = De stemming sluit: { $policy }
settings-language = Taal: { $language }
settings-models = Toegestane modellen: { $count } van { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Arena pauzeren
   *[no] ▶️ Arena aanzetten
}
settings-btn-trigger-addressed = Commando's & vermeldingen
settings-btn-trigger-all = Elk bericht
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Ranglijst plaatsen: { $preset ->
    [daily] elke dag om 18:00 ({ $timezone })
    [weekly] elke maandag om 18:00 ({ $timezone })
    [custom] volgens schema { $cron } ({ $timezone })
   *[off] uit
}
settings-timezone-hint = _Tijdzone: { $command } timezone Europe/Amsterdam_
settings-btn-schedule = 📊 { $preset ->
    [daily] Dagelijks
    [weekly] Wekelijks
   *[off] Niet plaatsen
}
settings-usage = Gebruik { $command } alleen voor het menu, of { $command } timezone Gebied/Stad (bijvoorbeeld Europe/Amsterdam).
settings-bad-timezone = “{ $zone }” is geen tijdzone die ik ken. Gebruik een naam zoals Europe/Amsterdam of America/New_York.
settings-models-minimum = Er moeten minstens twee modellen toegestaan blijven om duels te kunnen houden.
policy-votes = { $votes ->
    [one] na de eerste stem
   *[other] na { $votes } stemmen
}
policy-minutes = { $minutes ->
    [one] na 1 minuut
   *[other] na { $minutes } minuten
}
policy-default = standaard ({ $policy })
language-auto = automatisch
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Nog geen stemmen — de ranglijst verschijnt zodra er op de eerste duels gestemd is.
leaderboard-title = **Ranglijst** ({ $votes } stemmen)

## Golf 2: bevestigingen, formulieren, threads, menu's met pagina's

event-failed = Sorry, er ging iets mis aan de kant van Pnyx. Er is niets verloren; probeer het zo opnieuw.
failure-internal = een interne fout
prompt-echo = 💬 **{ $name }** vraagt:
vote-why-button = ✍️ Zeg waarom
vote-why-title = Waarom deze stem?
vote-why-label = Wat maakte het verschil? (optioneel, bewaard bij je stem)
vote-why-placeholder = bijv. B beantwoordde de vraag; A herhaalde hem alleen.
vote-why-saved = Bedankt — je uitleg is bij je stem bewaard.
vote-why-empty = De uitleg was leeg, dus er is niets opgeslagen.
vote-why-too-long = Blijf onder de { $max } tekens.
form-submit = Opslaan
settings-layout = Duels verschijnen: { $layout ->
    [inline] in het kanaal
   *[thread] in een eigen thread
}
settings-btn-layout-thread = 🧵 In een thread
settings-btn-layout-inline = 💬 In het kanaal
settings-btn-timezone = 🕒 Tijdzone: { $timezone }
settings-timezone-title = Tijdzone
settings-timezone-label = Tijdzone van deze chat (Gebied/Stad)
settings-timezone-saved = Tijdzone ingesteld op { $zone }.
settings-btn-page-previous = ◀ Vorige
settings-btn-page-next = Volgende ▶
settings-page = Pagina { $page }/{ $pages }

## Commandocatalogus (beschrijvingen die platforms in hun commandomenu's tonen)

command-arena = Start een duel: twee anonieme modellen antwoorden
command-arena-prompt = Je vraag of taak voor beide modellen
command-leaderboard = Huidige ranglijst van de modellen
command-help = Hoe je een duel start en stemt
command-privacy = Wat er bewaard wordt en waarom
command-settings = Arena-instellingen voor deze chat (beheerders)
command-settings-timezone = Tijdzone van deze chat, bijv. Europe/Amsterdam
command-start = Wat Pnyx is en hoe je stemt

## Wat je leest als een model faalt (de woorden van de aanbieder blijven in het logboek)

failure-side = model { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] deed er te lang over om te antwoorden
    [rate_limited] wordt op dit moment door zijn aanbieder afgeremd
    [service_error] kreeg een fout bij zijn aanbieder
    [unreachable] was niet bereikbaar
    [refused] werd door zijn aanbieder geweigerd — een beheerder moet de instellingen controleren
    [rejected] kon dit verzoek niet aannemen
    [malformed] stuurde een onleesbaar antwoord
   *[internal] is mislukt
}
failure-kind = { $kind ->
    [timeout] het duurde te lang
    [rate_limited] de aanbieder remt het op dit moment af
    [service_error] de aanbieder had een fout
    [unreachable] het was niet bereikbaar
    [refused] de aanbieder weigerde het verzoek
    [rejected] het kon dit verzoek niet aannemen
    [malformed] het antwoord was onleesbaar
   *[internal] het is mislukt
}

## Bestedingslimieten voor betaalde modellen

spend-cap-chat = Deze chat heeft de bestedingslimiet van vandaag voor betaalde modellen (${ $cap }) bereikt. Duels starten weer over { $hours ->
    [one] ongeveer een uur (om middernacht UTC).
   *[other] ongeveer { $hours } uur (om middernacht UTC).
}
spend-cap-all = Pnyx heeft de bestedingslimiet van vandaag voor betaalde modellen (${ $cap }) over alle chats bereikt. Duels starten weer over { $hours ->
    [one] ongeveer een uur (om middernacht UTC).
   *[other] ongeveer { $hours } uur (om middernacht UTC).
}
settings-spend = Daglimiet voor betaalde modellen: { $cap ->
    [none] geen
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Standaard
   *[other] 💶 ${ $cap }/dag
}

## Talen waarin een chat prompts verzamelt

language-not-accepted = 🌍 Deze chat verzamelt prompts in het { $languages }, en de jouwe lijkt in het { $language } te zijn. Schrijf hem in het { $languages } om een duel te starten.
settings-languages = Prompts verzameld in: { $languages }
