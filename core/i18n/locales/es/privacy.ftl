## Energía al revelar los modelos (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ una bombilla LED de 5 W durante { $led }, o { $streaming } de vídeo en streaming
reveal-energy-method = Energía estimada con { $method } (mix eléctrico mundial; hardware incluido)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 día
       *[other] { $amount } días
    }
    [hour] { $amount ->
        [one] 1 hora
       *[other] { $amount } horas
    }
    [minute] { $amount ->
        [one] 1 minuto
       *[other] { $amount } minutos
    }
   *[second] { $amount ->
        [one] 1 segundo
       *[other] { $amount } segundos
    }
}

## Consentimiento, mostrado una vez a cada persona la primera vez que actúa (core/engine/people.ts)

consent-notice = 🔒 **Sobre tus datos en Pnyx** (aviso único)
    Pnyx guarda tus prompts, las respuestas que recibieron, tus votos y tus reacciones con un identificador interno, no con tu nombre.
    Si los administradores de este chat lo permiten, pueden publicarse en un conjunto de datos abierto para la investigación, tras filtrar los datos personales y con un seudónimo.
    { $privacy }: tu estado y un botón para excluirte de la publicación · { $mydata }: recibe todo lo que se guarda sobre ti · { $forget }: bórralo.
consent-short = 🔒 Pnyx guarda tus prompts y votos; pueden publicarse con seudónimo. { $privacy }: exclúyete, consúltalos o bórralos.

## /privacy: el estado de la propia persona

privacy-status = **Tus datos**
    • Publicación en conjuntos de datos abiertos: { $optOut ->
        [yes] te has excluido: nunca se publicará nada tuyo.
       *[no] permitida donde lo permitan los administradores de un chat (con seudónimo, sin datos personales).
    }
    • Este chat: { $chatPublish ->
        [yes] sus administradores permiten publicar sus datos.
       *[no] sus datos no se publican.
    }
    • { $mydata } te envía todo lo que se guarda sobre ti; { $forget } lo borra.
privacy-btn-opt-out = 🚫 Excluir mis datos de los conjuntos de datos
privacy-btn-opt-in = ✅ Volver a permitir la publicación
privacy-opted-out = Hecho: nada tuyo se publicará en un conjunto de datos abierto.
privacy-opted-in = Hecho: tus datos pueden publicarse donde lo permitan los administradores de un chat (con seudónimo).

## /mydata

mydata-caption = Todo lo que Pnyx guarda sobre ti, en JSON.
mydata-sent = Aquí tienes todo lo que Pnyx guarda sobre ti: { $prompts } prompts, { $votes } votos, { $reactions } reacciones.
mydata-sent-direct = Te he enviado por mensaje privado todo lo que Pnyx guarda sobre ti.
mydata-private-only = Por tu privacidad, solo envío tus datos en privado: abre un chat privado conmigo y envía { $command } allí.
mydata-nothing = Pnyx todavía no tiene nada guardado sobre ti.

## /forget

forget-confirm = **¿Borrar tus datos?** Esto elimina de Pnyx tus prompts y las respuestas que recibieron, tus reacciones, tu perfil y tus votos, al instante y para siempre. También puedes conservar tus votos de forma anónima: seguirán contando en la clasificación sin nada que lleve hasta ti.
forget-btn-all = 🗑 Borrarlo todo
forget-btn-keep-votes = 🗑 Borrar, pero conservar mis votos de forma anónima
forget-btn-cancel = Cancelar
forget-done = Borrado: { $prompts } prompts, { $replies } respuestas, { $votes } votos, { $reactions } reacciones. { $kept ->
    [0] No queda nada tuyo en Pnyx.
    [one] Se ha conservado 1 voto de forma anónima.
   *[other] Se han conservado { $kept } votos de forma anónima.
}
forget-cancelled = No se ha borrado nada.

## Ajustes del chat: publicación (administradores)

settings-publish = Publicación de los datos de este chat en conjuntos de datos abiertos: { $on ->
    [yes] permitida (con seudónimo, sin datos personales; cada persona puede excluirse con { $privacy })
   *[no] no permitida
}
settings-btn-publish = Publicar datos: { $on ->
    [yes] sí
   *[no] no
}

## Perfil opcional (al estilo de PRISM), ofrecido una vez tras el tercer voto

profile-offer = ¿Nos cuentas un poco sobre ti? Es opcional y anónimo: las respuestas solo se usan por franjas, para mostrar cómo clasifican los modelos los distintos grupos. Puedes saltarte cualquier pregunta.
profile-btn-start = Responder unas preguntas
profile-btn-skip = Omitir
profile-btn-skip-question = Omitir esta pregunta
profile-btn-done = Listo
profile-question-age = ¿Cuántos años tienes?
profile-question-region = ¿Dónde vives?
profile-question-languages = ¿Qué idiomas hablas? (elige todos los que correspondan y luego Listo)
profile-question-familiarity = ¿Cuánto conoces los asistentes de chat con IA?
profile-question-goal = ¿Qué es lo que más esperas de un modelo?
profile-age-u18 = Menos de 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 o más
profile-region-eu = Europa
profile-region-na = Norteamérica
profile-region-la = Latinoamérica
profile-region-af = África
profile-region-me = Oriente Medio
profile-region-as = Asia
profile-region-oc = Oceanía
profile-lang-en = Inglés
profile-lang-fr = Francés
profile-lang-es = Español
profile-lang-de = Alemán
profile-lang-ar = Árabe
profile-lang-zh = Chino
profile-lang-other = Otro
profile-familiarity-never = Nunca he usado uno
profile-familiarity-sometimes = A veces
profile-familiarity-weekly = Cada semana
profile-familiarity-daily = Cada día
profile-goal-factual = Datos exactos
profile-goal-creative = Creatividad
profile-goal-concise = Respuestas breves
profile-goal-detailed = Respuestas detalladas
profile-goal-safe = Seguridad
profile-goal-personal = Un toque personal
profile-saved = Guardado. { profile-thanks }
profile-thanks = ¡Gracias!
profile-skipped = No pasa nada: no volveremos a preguntarte. Con { $privacy } puedes borrar tus respuestas cuando quieras.
profile-finished = ¡Gracias! Tus respuestas se guardan con tus datos; { $forget } las borra.

command-mydata = Recibir todo lo que Pnyx guarda sobre ti
command-forget = Borrar tus datos de Pnyx
