# Textos que solo dice la batalla en la terminal (npm run battle). Los mensajes de la batalla (respuestas,
# votación, revelación) están en el catálogo del núcleo.

terminal-usage =
    Uso: npm run battle -- [opciones] "tu prompt"

    Ejecuta en esta terminal una batalla a ciegas entre dos de los modelos configurados, pide tu voto y luego
    revela los modelos con su latencia y su número de tokens. Sirve para comprobar una configuración de modelos
    antes de instalar un bot. La batalla y el voto se guardan como cualquier otro (DATABASE_URL, por defecto
    file:./data/pnyx.db).

    Opciones:
      --lang CÓDIGO     idioma de los mensajes: en, fr, de, es, it, pt, nl o ar (por defecto: el del sistema,
                        si no el de la configuración)
      --models a,b      solo estos identificadores de modelo compiten (al menos dos, separados por comas)
      -h, --help        muestra esta ayuda

    Configuración: pnyx.config.yaml, o el archivo indicado por PNYX_CONFIG.
    Votar: escribe a (A es mejor), b (B es mejor), t (empate) o x (las dos son malas). Cuando la entrada no es una
    terminal, la primera línea no vacía de la entrada es el voto, por ejemplo:
    echo a | npm run battle -- "Hola"

    Códigos de salida: 0 batalla completada y votada · 1 la batalla falló (los modelos no respondieron) · 2 error
    de uso o de configuración · 3 no se dio ningún voto.
terminal-usage-hint = Ejecuta npm run battle -- --help para ver el uso.
terminal-error-arguments = No se puede leer la línea de comandos: { $detail }
terminal-error-no-prompt = Indica un prompt para enviar a ambos modelos, por ejemplo: npm run battle -- "¿Qué es un agujero negro?"
terminal-error-lang = --lang debe ser uno de en, fr, de, es, it, pt, nl, ar (se recibió «{ $value }»).
terminal-error-models-count = --models necesita al menos dos identificadores de modelo distintos separados por comas (se recibió «{ $value }»).
terminal-error-models-unknown = Identificador de modelo desconocido o desactivado: { $ids }. Modelos activos en la configuración: { $known }.
terminal-config-error = La configuración no es válida ({ $source }):
terminal-startup-error = Pnyx no pudo arrancar: { $detail }

terminal-streaming = Los modelos A y B están respondiendo… A: { $a } caracteres · B: { $b } caracteres
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Tu voto (a / b / t / x):{ " " }
terminal-vote-invalid = «{ $input }» no es un voto. Escribe a (A es mejor), b (B es mejor), t (empate) o x (las dos son malas) y pulsa Intro.
terminal-vote-missing = No se dio ningún voto: la entrada terminó antes de una línea con a, b, t o x. La batalla queda sin votar.
terminal-interrupted = Interrumpida: la batalla se detuvo y no cuenta.
terminal-no-conclusion = La batalla no terminó: el motor nunca abrió la votación. Consulta las líneas del registro de arriba.

terminal-problems = Qué falló con los modelos:
terminal-warnings = Problemas de los modelos durante esta batalla:
terminal-side-failed = • El modelo { $side } era { $model } (proveedor «{ $provider }»): { $error }
terminal-unhealthy = • { $model } (proveedor «{ $provider }») no superó su comprobación de estado y se dejó fuera: { $error }
terminal-unhealthy-probe-ok = • { $model } (proveedor «{ $provider }») no superó su comprobación de estado (el servidor no devolvió la lista de modelos a tiempo) y se dejó fuera, aunque una solicitud de prueba funcionó.
terminal-probe-timeout = sin respuesta a una solicitud de prueba en { $seconds } s
terminal-replaced = • { $model } falló antes de escribir nada y se sustituyó por otro modelo: { $error }
terminal-too-few-models = Una batalla necesita dos modelos que funcionen; { $count ->
    [0] no funciona ninguno.
    [one] solo funciona uno.
   *[other] solo funcionan { $count }.
}
