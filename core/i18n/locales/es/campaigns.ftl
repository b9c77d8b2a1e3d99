# Campañas: unirse, progreso, hitos, temas, perspectivas, informe final (core/engine/campaigns.ts).

command-campaign = Ver el progreso de la campaña de este chat

campaign-join-usage = Para unirte a una campaña, escribe { $command } join CÓDIGO con el código que te dieron los organizadores.
campaign-joined = Este chat participa ahora en «{ $title }». Las batallas de aquí cuentan para sus objetivos; { $command } muestra cómo va.
campaign-already = Este chat ya participa en «{ $title }».
campaign-busy = Este chat ya participa en la campaña «{ $other }». Sal de ella primero (en { $command }).
campaign-unknown-code = Ninguna campaña tiene el código «{ $code }». Compruébalo con los organizadores.
campaign-closed = Esa campaña ha terminado: ya no admite chats nuevos.
campaign-left = Este chat ha salido de «{ $title }». Sus batallas ya no cuentan para la campaña.
campaign-none = Este chat no participa en ninguna campaña. Un administrador puede unirse a una con { $command } join CÓDIGO.
campaign-admins-only = Solo los administradores del chat pueden unirse a una campaña o salir de ella.

settings-campaign = Campaña: { $title ->
    [none] ninguna
   *[other] { $title }
  }
settings-btn-campaign-join = Unirse a una campaña
settings-btn-campaign-leave = Salir de la campaña
settings-mode = Modo de batalla: { $mode }
settings-btn-mode = { $mode ->
    [random] Parejas al azar
    [big-vs-small] Grande contra pequeño
    [frugal] Modelos frugales
   *[custom] Mis dos modelos
  }
campaign-join-form-title = Unirse a una campaña
campaign-join-form-label = Código de la campaña

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ En pausa por ahora: las batallas de aquí no cuentan para ella.
   *[closed] 🏁 Esta campaña ha terminado.
  }
campaign-progress-total = { $votes } de { $goal } votos ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] 1 voto hasta ahora
   *[other] { $votes } votos hasta ahora
  }
campaign-progress-language = { $language }: { $votes } de { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
campaign-progress-days = { $days ->
    [0] ¡Último día!
    [one] Queda 1 día
   *[other] Quedan { $days } días
  }
campaign-progress-ended = La campaña ha terminado.
campaign-progress-top = Chats más activos
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
campaign-gauge-alt = Progreso de { $title }: { $votes } de { $goal } votos
campaign-milestone = { $percent ->
    [100] 🎉 «{ $title }» ha alcanzado su objetivo: ¡{ $votes } votos! Gracias a todos.
   *[other] 🎯 «{ $title }» está al { $percent } % de su objetivo ({ $votes } votos). ¡Sigamos así!
  }

campaign-suggestions = ¿No sabes qué preguntar? Elige un tema de «{ $title }» o escribe tu propia pregunta después de { $command }.
campaign-topic-of-day = 💡 Prompt del día para «{ $title }»:

    { $prompt }
campaign-topic-battle = ⚔️ Lanzar esta batalla
campaign-topic-unknown = Ese tema ya no está disponible.

stance-board-title = ¿Qué perspectiva prefiere la gente? — { $title }
stance-board-row = { $rank }. { $stance } — gana { $wins } de { $battles }
stance-board-empty = Todavía no hay votos sobre perspectivas.

campaign-report-title = Informe final — { $title }
campaign-report-posted = 🏁 «{ $title }» ha terminado: { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  } en { $battles ->
    [one] 1 batalla
   *[other] { $battles } batallas
  } de { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
  }. ¡Gracias! Aquí está la clasificación final.
campaign-report-language = Clasificación en { $language }
campaign-report-no-votes = No hay suficientes votos en este idioma para una clasificación.
campaign-report-participation = Participación
campaign-report-comparison = La clasificación de cada comunidad frente a la de la campaña
