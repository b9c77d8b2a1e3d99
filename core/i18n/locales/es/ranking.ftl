# Textos de la clasificación (core/ranking): la tabla del ancho de un móvil, el gráfico y las notas de la línea de comandos.

ranking-title = Clasificación
ranking-title-segment = Clasificación · { $segment }
ranking-votes = { $n ->
    [one] { $shown } voto
   *[other] { $shown } votos
}
ranking-battles = { $n ->
    [one] { $shown } batalla
   *[other] { $shown } batallas
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Actualizado el { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Modelo
ranking-col-score = Puntuación
ranking-col-votes = Votos
ranking-legend = Intervalo de ± { $level } %, # = rango de posiciones
ranking-style-legend = Estilo controlado: longitud y Markdown descontados (método de compar:IA)
ranking-style-legend-lmarena = Estilo controlado: longitud y Markdown descontados (método de LMArena)
ranking-not-enough-title = Todavía sin votos suficientes (menos de { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …y { $count } más
ranking-empty = Todavía no hay votos para esta clasificación. Vota en algunas batallas y aparecerá aquí.
ranking-axis = Puntuación: 100 puntos más = gana alrededor del 64 % de las veces
ranking-axis-hint = 200 puntos más: alrededor del 76 %; 400 puntos más: alrededor del 91 %
ranking-legend-rank1 = Podría ser el n.º 1: su rango de posiciones incluye la 1
ranking-legend-others = Otros modelos: punto = puntuación, barra = intervalo del { $level } %
ranking-legend-bound = Flecha: sin límite, la puntuación es solo una cota
ranking-style-label = Estilo controlado: longitud y Markdown descontados ({ $variant ->
    [lmarena] método de LMArena
   *[comparia] método de compar:IA
})
ranking-chart-alt = Gráfico de la clasificación: { $count ->
    [one] 1 modelo
   *[other] { $count } modelos
} con puntuaciones e intervalos del { $level } %
ranking-flag-bound-lower = nunca perdió: su puntuación es solo una cota inferior
ranking-flag-bound-upper = nunca ganó: su puntuación es solo una cota superior
ranking-warning-groups = { $count } grupos de modelos nunca se ganaron y perdieron mutuamente: las puntuaciones solo se comparan dentro de un grupo
ranking-warning-not-comparable = { $count ->
    [one] Sin puntuación para { $models }: nunca ganó y perdió a la vez contra un grupo de modelos
   *[other] Sin puntuación para { $models }: nunca ganaron y perdieron a la vez contra un grupo de modelos
}
ranking-warning-voters = { $count ->
    [one] 1 votante vota al azar o en contra de todos los demás
   *[other] { $count } votantes votan al azar o en contra de todos los demás
}
ranking-warning-daily-cap = { $count ->
    [one] 1 voto por encima del límite diario por persona no contado
   *[other] { $count } votos por encima del límite diario por persona no contados
}
ranking-warning-style-unknown = Control de estilo: { $count } modelo(s) de las batallas no tienen votos aquí
ranking-group-title = Grupo { $index } · { $relation ->
    [above] solo ganó contra el grupo 1
    [below] solo perdió contra el grupo 1
    [unordered] no comparado con el grupo 1
   *[disconnected] nunca comparado con el grupo 1
}
ranking-not-comparable-title = Todavía sin puntuación
ranking-segment-category = { $value }
ranking-category-coding = programación
ranking-category-math = matemáticas
ranking-category-creative-writing = escritura creativa
ranking-category-instruction-following = seguir instrucciones
ranking-category-hard-prompts = prompts difíciles
ranking-category-long-query = prompts largos
ranking-category-multi-turn = varios turnos
ranking-heatmap-title = Con qué frecuencia la fila vence a la columna
ranking-heatmap-note = Porcentaje observado de victorias (los empates cuentan la mitad); vacío = nunca se enfrentaron
ranking-counts-title = Votos entre cada par de modelos
ranking-counts-note = Número de votos contados; más oscuro = más
ranking-heatmap-alt = Tabla de victorias de { $count } modelos: con qué frecuencia cada uno vence a cada otro
ranking-counts-alt = Número de votos entre cada par de { $count } modelos
ranking-segment-language = idioma { $value }
ranking-segment-campaign = campaña { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = este chat
ranking-segment-since = desde { $value }
ranking-segment-until = hasta { $value }
ranking-compare-tau = Concordancia con la clasificación global: τ de Kendall = { $tau }
ranking-compare-shift-up = ▲ { $model }: n.º { $local } aquí, n.º { $global } en general
ranking-compare-shift-down = ▼ { $model }: n.º { $local } aquí, n.º { $global } en general
ranking-report-title = Informe para organizadores
ranking-report-read = { $votes } votos contados en { $battles } batallas
ranking-report-left-out = Excluidos: { $anony } no anónimos (LMArena anony = false), { $dedup } prompts repetidos (deduplicación), { $cap } por encima del límite diario, { $noprompt } sin texto del prompt para la categoría
ranking-report-voters = Calidad de los votantes ({ $policy ->
    [flag] solo marcados
    [downweight] votantes marcados con menos peso
   *[exclude] votantes marcados excluidos
}, nivel de la prueba { $alpha }): { $checked } votantes con al menos { $min } votos por A o B evaluados; { $flagged } marcados ({ $share }), { $random } votan al azar y { $adversarial } en contra de todos los demás; sus votos son el { $voteShare } del total.
ranking-report-voters-off = Calidad de los votantes: no comprobada (usa --voters flag, downweight o exclude).
ranking-report-voter-head = Votantes marcados, de mayor a menor evidencia (votante · votos · acuerdo con el consenso · tipo):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] al azar
   *[adversarial] en contra de todos los demás
}
ranking-report-herding-head = Efecto rebaño por chat: ¿los votantes posteriores siguen el recuento visible más de lo que daría el azar? (chat · batallas · siguieron · esperado · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Seguir el recuento en proporción a él no se puede distinguir de un gusto compartido con ninguna prueba sobre el orden de los votos; una p pequeña indica un seguimiento más allá de eso.
ranking-report-herding-off = Efecto rebaño: no comprobado (usa --herding, solo con base de datos).
ranking-category-all = todos los prompts
ranking-category-unknown = No existe la categoría «{ $value }». Categorías: { $list }.
ranking-category-unavailable = Las categorías todavía no se registran en la base de datos de esta arena.
ranking-campaign-unknown = No existe la campaña «{ $value }».
