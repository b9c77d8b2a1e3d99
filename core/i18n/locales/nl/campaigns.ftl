# Campagnes: meedoen, voortgang, mijlpalen, onderwerpen, standpunten, eindverslag (core/engine/campaigns.ts).

command-campaign = Bekijk de voortgang van de campagne van deze chat

campaign-join-usage = Typ { $command } join CODE met de code die je van de organisatoren hebt gekregen om mee te doen aan een campagne.
campaign-joined = Deze chat doet nu mee aan ‘{ $title }’. Duels hier tellen mee voor de doelen ervan; { $command } laat zien hoe ver die is.
campaign-already = Deze chat doet al mee aan ‘{ $title }’.
campaign-busy = Deze chat doet al mee aan de campagne ‘{ $other }’. Verlaat die eerst (in { $command }).
campaign-unknown-code = Geen enkele campagne heeft de code ‘{ $code }’. Controleer hem bij de organisatoren.
campaign-closed = Die campagne is voorbij: er kunnen geen nieuwe chats meer bij.
campaign-left = Deze chat heeft ‘{ $title }’ verlaten. De duels ervan tellen niet meer mee voor de campagne.
campaign-none = Deze chat doet aan geen enkele campagne mee. Een beheerder kan met { $command } join CODE aan een campagne meedoen.
campaign-admins-only = Alleen de beheerders van de chat kunnen meedoen aan een campagne of die verlaten.

settings-campaign = Campagne: { $title ->
    [none] geen
   *[other] { $title }
  }
settings-btn-campaign-join = Meedoen aan een campagne
settings-btn-campaign-leave = Campagne verlaten
settings-mode = Duelmodus: { $mode }
settings-btn-mode = { $mode ->
    [random] Willekeurige paren
    [big-vs-small] Groot tegen klein
    [frugal] Zuinige modellen
   *[custom] Mijn twee modellen
  }
campaign-join-form-title = Meedoen aan een campagne
campaign-join-form-label = Campagnecode

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ Voorlopig gepauzeerd: duels hier tellen niet mee.
   *[closed] 🏁 Deze campagne is voorbij.
  }
campaign-progress-total = { $votes } van { $goal } stemmen ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] Tot nu toe 1 stem
   *[other] Tot nu toe { $votes } stemmen
  }
campaign-progress-language = { $language }: { $votes } van { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 stem
   *[other] { $votes } stemmen
  }
campaign-progress-days = { $days ->
    [0] Laatste dag!
    [one] Nog 1 dag
   *[other] Nog { $days } dagen
  }
campaign-progress-ended = De campagne is afgelopen.
campaign-progress-top = Meest actieve chats
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 stem
   *[other] { $votes } stemmen
  }
campaign-gauge-alt = Voortgang van { $title }: { $votes } van { $goal } stemmen
campaign-milestone = { $percent ->
    [100] 🎉 ‘{ $title }’ heeft het doel bereikt: { $votes } stemmen! Iedereen bedankt.
   *[other] 🎯 ‘{ $title }’ staat op { $percent } % van het doel ({ $votes } stemmen). Ga zo door!
  }

campaign-suggestions = Weet je niet wat je moet vragen? Kies een onderwerp van ‘{ $title }’, of typ je eigen vraag na { $command }.
campaign-topic-of-day = 💡 Prompt van de dag voor ‘{ $title }’:

    { $prompt }
campaign-topic-battle = ⚔️ Start dit duel
campaign-topic-unknown = Dat onderwerp wordt niet meer aangeboden.

stance-board-title = Welk standpunt hebben mensen liever? — { $title }
stance-board-row = { $rank }. { $stance } — wint { $wins } van { $battles }
stance-board-empty = Nog geen stemmen over standpunten.

campaign-report-title = Eindverslag — { $title }
campaign-report-posted = 🏁 ‘{ $title }’ is voorbij: { $votes ->
    [one] 1 stem
   *[other] { $votes } stemmen
  } in { $battles ->
    [one] 1 duel
   *[other] { $battles } duels
  } uit { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
  }. Bedankt! Hier is de definitieve ranglijst.
campaign-report-language = Ranglijst in het { $language }
campaign-report-no-votes = Niet genoeg stemmen in deze taal voor een ranglijst.
campaign-report-participation = Deelname
campaign-report-comparison = De ranglijst van elke community vergeleken met die van de campagne
