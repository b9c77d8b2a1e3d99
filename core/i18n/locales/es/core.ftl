## Mensajes de la batalla — visibles para todo el chat

model-demo-name = { $name } (modelo de demostración)
reply-header = **Modelo { $side }**
reply-header-revealed = **Modelo { $side }** · { $model }
reply-waiting = _Pensando…_
reply-empty = _(respuesta vacía)_
reply-failed = ⚠️ Esta respuesta falló: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A es mejor
vote-b = 👉 B es mejor
vote-tie = 🤝 Empate
vote-both_bad = 👎 Las dos son malas

choice-a = A es mejor
choice-b = B es mejor
choice-tie = Empate
choice-both_bad = Las dos son malas

ballot-question = **¿Qué respuesta es mejor?** Vota abajo; los modelos se revelan después de tu voto.
ballot-votes = { $votes ->
    [0] 🗳️ Todavía no hay votos.
    [one] 🗳️ 1 voto por ahora.
   *[other] 🗳️ { $votes } votos por ahora.
}
ballot-closes-in = La votación se cierra en { $minutes ->
    [one] 1 minuto.
   *[other] { $minutes } minutos.
}
ballot-closes-after = La votación se cierra después de { $votes } votos.
ballot-moved = ⬇️ La conversación continuó: vota en la papeleta más reciente, más abajo.
ballot-closed = **Votación cerrada** · { $votes ->
    [0] sin votos
    [one] 1 voto
   *[other] { $votes } votos
}
ballot-tally = A mejor: { $a } · B mejor: { $b } · Empate: { $tie } · Las dos malas: { $bothBad }
ballot-leak = ⚠️ Una respuesta nombró un modelo o un laboratorio, así que esta batalla no cuenta para la clasificación.

reveal-line = **{ $side }** era **{ $model }**{ $details } — { $seconds } s, { $tokens } tokens
reveal-short = A era { $a } · B era { $b }
reveal-params = { $billions } mil millones de parámetros

battle-failed = ⚠️ Esta batalla no pudo completarse ({ $reason }). No admite votos; vuelve a preguntar, por favor.
followup-failed = ⚠️ No se pudo responder a la pregunta de seguimiento ({ $reason }). La batalla sigue abierta: aún puedes votar sobre la conversación hasta ahora o volver a preguntar.
battle-interrupted = ⚠️ Una batalla se interrumpió porque Pnyx se reinició. No admite votos; vuelve a preguntar, por favor.
failure-no-models = ahora mismo no hay suficientes modelos disponibles
failure-restart = Pnyx se reinició mientras los modelos respondían
failure-stopped = Pnyx se está apagando

## Respuestas privadas — solo las ve la persona que actuó

prompt-empty = Escribe una pregunta o una tarea, por ejemplo: ¿Qué es un agujero negro?
prompt-too-long = Tu mensaje tiene { $length } caracteres; el límite es { $max }. Acórtalo, por favor.
rate-limited = Vas un poco rápido. Vuelve a intentarlo en { $seconds ->
    [one] 1 segundo.
   *[other] { $seconds } segundos.
}
chat-rate-limited = Este chat ha iniciado muchas batallas en el último minuto. Vuelve a intentarlo en { $seconds ->
    [one] 1 segundo.
   *[other] { $seconds } segundos.
}
battle-queued = Tu batalla está en la cola: { $ahead ->
    [one] se juega una batalla antes
   *[other] se juegan { $ahead } batallas antes
} en este chat, para no saturarlo. Las respuestas llegarán en cuanto sea su turno.
arena-paused = La arena está en pausa en este chat. Un administrador puede reactivarla con { $command }.
no-models = Ahora mismo no hay suficientes modelos disponibles para una batalla. Vuelve a intentarlo más tarde.
battle-max-turns = Esta batalla ha llegado a { $max } turnos. Empieza una nueva para continuar.
battle-not-open = Esta batalla ha terminado. Envía un mensaje nuevo para empezar otra.
vote-counted = Has votado: { $choice }.
vote-duplicate = Ya votaste en esta batalla: { $choice }. Cada persona vota una vez.
vote-changed = Has cambiado tu voto: { $choice } (antes { $from }). Ya habías visto los nombres, así que las clasificaciones conservan tu primera elección a ciegas.
followup-after-reveal = Ya votaste en esta batalla y viste los nombres de los modelos, así que no puedes añadirle más prompts: el resto de la conversación tiene que seguir a ciegas. Envía un mensaje nuevo para empezar otra batalla.
vote-reasons-ask = ¿Por qué? Añade tus motivos si quieres:
vote-reason-no-vote = Vota primero y después añade tus motivos.
vote-closed = La votación de esta batalla está cerrada.
vote-too-early = Espera a que las dos respuestas terminen antes de votar.
vote-failed = Esta batalla no pudo completarse, así que no admite votos.
vote-reveal = { $reveal }
action-stale = Este botón ya no es válido. Empieza una batalla nueva para votar.
reaction-saved = ¡Gracias! { $kind ->
    [like] Te gustó
   *[dislike] No te gustó
} la respuesta { $side }. Añade tus motivos si quieres:
reason-saved = Motivo guardado: { $reason }.

reason-useful = Útil
reason-complete = Completa
reason-creative = Creativa
reason-clear_formatting = Formato claro
reason-incorrect = Incorrecta
reason-superficial = Superficial
reason-instructions_not_followed = No siguió las instrucciones

## Comandos

help-text = **Pnyx — una arena a ciegas para modelos de lenguaje** 🏛️

    Pregunta lo que quieras: dos modelos anónimos responden lado a lado como **A** y **B**. Vota por la mejor respuesta con los botones — 👈 A, 👉 B, 🤝 empate o 👎 las dos malas. Los modelos se te revelan justo después de tu voto, y a todos cuando se cierra la votación.

    • En un chat privado, simplemente escribe tu mensaje.
    • En un grupo, usa { $arena } seguido de tu mensaje, mencióname o responde a una batalla para continuarla.
    • 👍/👎 bajo una respuesta nos dicen qué te gustó y qué no.
    • { $leaderboard } muestra la clasificación construida con los votos de todos.
    • { $privacy } explica qué se guarda y por qué. { $settings } (administradores del grupo) configura la arena aquí.
start-text = ¡Bienvenido a Pnyx! { help-text }
privacy-text = **Qué guarda Pnyx y por qué**

    • Tus mensajes a la arena y las respuestas de ambos modelos, para mostrar la batalla y crear conjuntos de datos abiertos de conversaciones.
    • Tus votos y reacciones, para calcular la clasificación.
    • Un identificador seudónimo para ti. Tu identificador en la plataforma solo se usa para entregarte mensajes y nunca se publica.

    Los conjuntos de datos publicados excluyen las conversaciones marcadas por contener datos personales. No escribas información personal (nombres, direcciones, datos de salud o financieros) en tus mensajes.
unknown-command = No conozco ese comando. Prueba { $command }.

settings-title = **Ajustes de la arena para este chat**
settings-admins-only = Solo los administradores del chat pueden cambiar los ajustes de la arena.
settings-saved = Ajustes guardados.
settings-enabled = Arena: { $on ->
    [yes] ✅ activada
   *[no] ⏸ en pausa
}
settings-trigger = Las batallas empiezan con: { $trigger ->
    [all] cada mensaje
   *[addressed] comandos, menciones y respuestas
}
settings-reveal = La votación se cierra: { $policy }
settings-language = Idioma: { $language }
settings-models = Modelos permitidos: { $count } de { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Pausar la arena
   *[no] ▶️ Activar la arena
}
settings-btn-trigger-addressed = Comandos y menciones
settings-btn-trigger-all = Cada mensaje
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Publicación de la clasificación: { $preset ->
    [daily] cada día a las 18:00 ({ $timezone })
    [weekly] cada lunes a las 18:00 ({ $timezone })
    [custom] según el calendario { $cron } ({ $timezone })
   *[off] desactivada
}
settings-timezone-hint = _Zona horaria: { $command } timezone Europe/Madrid_
settings-btn-schedule = 📊 { $preset ->
    [daily] Diaria
    [weekly] Semanal
   *[off] Sin publicaciones
}
settings-usage = Usa { $command } solo para el menú, o { $command } timezone Zona/Ciudad (por ejemplo Europe/Madrid).
settings-bad-timezone = «{ $zone }» no es una zona horaria que conozca. Usa un nombre como Europe/Madrid o America/Mexico_City.
settings-models-minimum = Al menos dos modelos deben seguir permitidos para que haya batallas.
policy-votes = { $votes ->
    [one] después del primer voto
   *[other] después de { $votes } votos
}
policy-minutes = { $minutes ->
    [one] después de 1 minuto
   *[other] después de { $minutes } minutos
}
policy-default = predeterminado ({ $policy })
language-auto = automático
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = Todavía no hay votos: la clasificación aparecerá cuando se voten las primeras batallas.
leaderboard-title = **Clasificación** ({ $votes } votos)

## Ola 2: acuses de recibo, formularios, hilos, menús paginados

event-failed = Lo sentimos, algo falló en Pnyx. No se ha perdido nada; vuelve a intentarlo en un momento.
failure-internal = un error interno
prompt-echo = 💬 **{ $name }** pregunta:
vote-why-button = ✍️ Decir por qué
vote-why-title = ¿Por qué este voto?
vote-why-label = ¿Qué marcó la diferencia? (opcional, se guarda con tu voto)
vote-why-placeholder = p. ej.: B respondió a la pregunta; A solo la repitió.
vote-why-saved = Gracias: tu explicación se guardó con tu voto.
vote-why-empty = La explicación estaba vacía, así que no se guardó nada.
vote-why-too-long = Por favor, no pases de { $max } caracteres.
form-submit = Guardar
settings-layout = Las batallas aparecen: { $layout ->
    [inline] en el canal
   *[thread] en un hilo propio
}
settings-btn-layout-thread = 🧵 En un hilo
settings-btn-layout-inline = 💬 En el canal
settings-btn-timezone = 🕒 Zona horaria: { $timezone }
settings-timezone-title = Zona horaria
settings-timezone-label = Zona horaria de este chat (Zona/Ciudad)
settings-timezone-saved = Zona horaria establecida: { $zone }.
settings-btn-page-previous = ◀ Anterior
settings-btn-page-next = Siguiente ▶
settings-page = Página { $page }/{ $pages }

## Catálogo de comandos (descripciones que las plataformas muestran en sus menús de comandos)

command-arena = Empezar una batalla: dos modelos anónimos responden
command-arena-prompt = Tu pregunta o tarea para ambos modelos
command-leaderboard = Clasificación actual de los modelos
command-help = Cómo empezar una batalla y votar
command-privacy = Qué se guarda y por qué
command-settings = Ajustes de la arena para este chat (administradores)
command-settings-timezone = Zona horaria de este chat, p. ej. Europe/Madrid
command-start = Qué es Pnyx y cómo votar

## Lo que se lee cuando un modelo falla (las palabras del proveedor quedan en el registro)

failure-side = el modelo { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] tardó demasiado en responder
    [rate_limited] está limitado por su proveedor en este momento
    [service_error] tuvo un error del lado de su proveedor
    [unreachable] no se pudo contactar
    [refused] fue rechazado por su proveedor: un administrador debería revisar su configuración
    [rejected] no pudo aceptar esta solicitud
    [malformed] envió una respuesta ilegible
   *[internal] falló
}
failure-kind = { $kind ->
    [timeout] tardó demasiado
    [rate_limited] su proveedor lo está limitando ahora mismo
    [service_error] su proveedor tuvo un error
    [unreachable] no se pudo contactar
    [refused] su proveedor rechazó la solicitud
    [rejected] no pudo aceptar esta solicitud
    [malformed] su respuesta era ilegible
   *[internal] falló
}

## Límites de gasto en modelos de pago

spend-cap-chat = Este chat ha alcanzado el límite de gasto de hoy en modelos de pago (${ $cap }). Las batallas vuelven en { $hours ->
    [one] aproximadamente una hora (a medianoche UTC).
   *[other] aproximadamente { $hours } horas (a medianoche UTC).
}
spend-cap-all = Pnyx ha alcanzado el límite de gasto de hoy en modelos de pago (${ $cap }) en todos los chats. Las batallas vuelven en { $hours ->
    [one] aproximadamente una hora (a medianoche UTC).
   *[other] aproximadamente { $hours } horas (a medianoche UTC).
}
settings-spend = Límite diario en modelos de pago: { $cap ->
    [none] ninguno
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Predeterminado
   *[other] 💶 ${ $cap }/día
}

## Idiomas en los que un chat recoge prompts

language-not-accepted = 🌍 Este chat recoge prompts en { $languages }, y el tuyo parece estar en { $language }. Escríbelo en { $languages } para empezar una batalla.
settings-languages = Prompts recogidos en: { $languages }
