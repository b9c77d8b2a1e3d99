# Kampagnen: Beitreten, Fortschritt, Meilensteine, Themen, Perspektiven, Abschlussbericht (core/engine/campaigns.ts).

command-campaign = Fortschritt der Kampagne dieses Chats ansehen

campaign-join-usage = Um einer Kampagne beizutreten, schreib { $command } join CODE mit dem Code, den du von den Organisatoren bekommen hast.
campaign-joined = Dieser Chat nimmt jetzt an „{ $title }“ teil. Duelle hier zählen für ihre Ziele; { $command } zeigt, wie weit sie ist.
campaign-already = Dieser Chat nimmt bereits an „{ $title }“ teil.
campaign-busy = Dieser Chat nimmt bereits an der Kampagne „{ $other }“ teil. Verlass sie zuerst (in { $command }).
campaign-unknown-code = Keine Kampagne hat den Code „{ $code }“. Prüf ihn mit den Organisatoren.
campaign-closed = Diese Kampagne ist vorbei: Sie nimmt keine neuen Chats mehr auf.
campaign-left = Dieser Chat hat „{ $title }“ verlassen. Seine Duelle zählen nicht mehr für die Kampagne.
campaign-none = Dieser Chat nimmt an keiner Kampagne teil. Ein Admin kann mit { $command } join CODE einer beitreten.
campaign-admins-only = Nur die Admins des Chats können einer Kampagne beitreten oder sie verlassen.

settings-campaign = Kampagne: { $title ->
    [none] keine
   *[other] { $title }
  }
settings-btn-campaign-join = Einer Kampagne beitreten
settings-btn-campaign-leave = Kampagne verlassen
settings-mode = Duell-Modus: { $mode }
settings-btn-mode = { $mode ->
    [random] Zufällige Paare
    [big-vs-small] Groß gegen klein
    [frugal] Sparsame Modelle
   *[custom] Meine zwei Modelle
  }
campaign-join-form-title = Einer Kampagne beitreten
campaign-join-form-label = Kampagnencode

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ Vorerst pausiert: Duelle hier zählen nicht dafür.
   *[closed] 🏁 Diese Kampagne ist vorbei.
  }
campaign-progress-total = { $votes } von { $goal } Stimmen ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] Bisher 1 Stimme
   *[other] Bisher { $votes } Stimmen
  }
campaign-progress-language = { $language }: { $votes } von { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 Stimme
   *[other] { $votes } Stimmen
  }
campaign-progress-days = { $days ->
    [0] Letzter Tag!
    [one] Noch 1 Tag
   *[other] Noch { $days } Tage
  }
campaign-progress-ended = Die Kampagne ist beendet.
campaign-progress-top = Aktivste Chats
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 Stimme
   *[other] { $votes } Stimmen
  }
campaign-gauge-alt = Fortschritt von { $title }: { $votes } von { $goal } Stimmen
campaign-milestone = { $percent ->
    [100] 🎉 „{ $title }“ hat das Ziel erreicht: { $votes } Stimmen! Danke an alle.
   *[other] 🎯 „{ $title }“ steht bei { $percent } % des Ziels ({ $votes } Stimmen). Weiter so!
  }

campaign-suggestions = Keine Idee, was du fragen sollst? Wähl ein Thema von „{ $title }“ oder schreib deine eigene Frage nach { $command }.
campaign-topic-of-day = 💡 Prompt des Tages für „{ $title }“:

    { $prompt }
campaign-topic-battle = ⚔️ Als Duell starten
campaign-topic-unknown = Dieses Thema wird nicht mehr angeboten.

stance-board-title = Welche Perspektive bevorzugen die Leute? — { $title }
stance-board-row = { $rank }. { $stance } — gewinnt { $wins } von { $battles }
stance-board-empty = Noch keine Stimmen zu Perspektiven.

campaign-report-title = Abschlussbericht — { $title }
campaign-report-posted = 🏁 „{ $title }“ ist vorbei: { $votes ->
    [one] 1 Stimme
   *[other] { $votes } Stimmen
  } in { $battles ->
    [one] 1 Duell
   *[other] { $battles } Duellen
  } aus { $chats ->
    [one] 1 Chat
   *[other] { $chats } Chats
  }. Danke! Hier ist die endgültige Rangliste.
campaign-report-language = Rangliste auf { $language }
campaign-report-no-votes = Nicht genug Stimmen in dieser Sprache für eine Rangliste.
campaign-report-participation = Beteiligung
campaign-report-comparison = Die Rangliste jeder Community im Vergleich zu der der Kampagne
