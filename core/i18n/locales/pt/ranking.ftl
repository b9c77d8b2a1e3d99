# Textos da classificação (core/ranking): a tabela na largura de um celular, o gráfico e as notas da linha de comando.

ranking-title = Classificação
ranking-title-segment = Classificação · { $segment }
ranking-votes = { $n ->
    [one] { $shown } voto
   *[other] { $shown } votos
}
ranking-battles = { $n ->
    [one] { $shown } batalha
   *[other] { $shown } batalhas
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Atualizada em { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Modelo
ranking-col-score = Pontuação
ranking-col-votes = Votos
ranking-legend = Intervalo de ± { $level }%, # = faixa de posições
ranking-style-legend = Estilo controlado: tamanho e Markdown descontados (método do compar:IA)
ranking-style-legend-lmarena = Estilo controlado: tamanho e Markdown descontados (método do LMArena)
ranking-not-enough-title = Ainda sem votos suficientes (menos de { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …e mais { $count }
ranking-empty = Ainda não há votos para esta classificação. Vote em algumas batalhas e ela aparecerá aqui.
ranking-axis = Pontuação: 100 pontos a mais = vence cerca de 64% das vezes
ranking-axis-hint = 200 pontos a mais: cerca de 76%; 400 pontos a mais: cerca de 91%
ranking-legend-rank1 = Pode ser o nº 1: sua faixa de posições inclui a 1
ranking-legend-others = Outros modelos: ponto = pontuação, barra = intervalo de { $level }%
ranking-legend-bound = Seta: sem limite, a pontuação é apenas uma cota
ranking-style-label = Estilo controlado: tamanho e Markdown descontados ({ $variant ->
    [lmarena] método do LMArena
   *[comparia] método do compar:IA
})
ranking-chart-alt = Gráfico da classificação: { $count ->
    [one] 1 modelo
   *[other] { $count } modelos
} com pontuações e intervalos de { $level }%
ranking-flag-bound-lower = nunca perdeu: sua pontuação é apenas uma cota inferior
ranking-flag-bound-upper = nunca venceu: sua pontuação é apenas uma cota superior
ranking-warning-groups = { $count } grupos de modelos nunca venceram e perderam uns contra os outros: as pontuações só se comparam dentro de um grupo
ranking-warning-not-comparable = { $count ->
    [one] Sem pontuação para { $models }: nunca venceu e perdeu ao mesmo tempo contra um grupo de modelos
   *[other] Sem pontuação para { $models }: nunca venceram e perderam ao mesmo tempo contra um grupo de modelos
}
ranking-warning-voters = { $count ->
    [one] 1 eleitor vota ao acaso ou contra todos os outros
   *[other] { $count } eleitores votam ao acaso ou contra todos os outros
}
ranking-warning-daily-cap = { $count ->
    [one] 1 voto acima do limite diário por pessoa deixado de fora
   *[other] { $count } votos acima do limite diário por pessoa deixados de fora
}
ranking-warning-style-unknown = Controle de estilo: { $count } modelo(s) das batalhas não têm votos aqui
ranking-group-title = Grupo { $index } · { $relation ->
    [above] só venceu contra o grupo 1
    [below] só perdeu contra o grupo 1
    [unordered] não comparado com o grupo 1
   *[disconnected] nunca comparado com o grupo 1
}
ranking-not-comparable-title = Ainda sem pontuação
ranking-segment-category = { $value }
ranking-category-coding = programação
ranking-category-math = matemática
ranking-category-creative-writing = escrita criativa
ranking-category-instruction-following = seguir instruções
ranking-category-hard-prompts = prompts difíceis
ranking-category-long-query = prompts longos
ranking-category-multi-turn = vários turnos
ranking-heatmap-title = Com que frequência a linha vence a coluna
ranking-heatmap-note = Proporção observada de vitórias em % (empates valem metade); vazio = nunca se enfrentaram
ranking-counts-title = Votos entre cada par de modelos
ranking-counts-note = Número de votos contados; mais escuro = mais
ranking-heatmap-alt = Tabela de vitórias de { $count } modelos: com que frequência cada um vence cada outro
ranking-counts-alt = Número de votos entre cada par de { $count } modelos
ranking-segment-language = idioma { $value }
ranking-segment-campaign = campanha { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = este chat
ranking-segment-since = desde { $value }
ranking-segment-until = até { $value }
ranking-compare-tau = Concordância com a classificação geral: τ de Kendall = { $tau }
ranking-compare-shift-up = ▲ { $model }: nº { $local } aqui, nº { $global } no geral
ranking-compare-shift-down = ▼ { $model }: nº { $local } aqui, nº { $global } no geral
ranking-report-title = Relatório para organizadores
ranking-report-read = { $votes } votos contados em { $battles } batalhas
ranking-report-left-out = Deixados de fora: { $anony } não anônimos (LMArena anony = false), { $dedup } prompts repetidos (deduplicação), { $cap } acima do limite diário, { $noprompt } sem texto do prompt para a categoria
ranking-report-voters = Qualidade dos eleitores ({ $policy ->
    [flag] apenas marcados
    [downweight] eleitores marcados com peso reduzido
   *[exclude] eleitores marcados excluídos
}, nível do teste { $alpha }): { $checked } eleitores com pelo menos { $min } votos em A ou B avaliados; { $flagged } marcados ({ $share }), { $random } votando ao acaso e { $adversarial } contra todos os outros; seus votos são { $voteShare } do total.
ranking-report-voters-off = Qualidade dos eleitores: não verificada (use --voters flag, downweight ou exclude).
ranking-report-voter-head = Eleitores marcados, das evidências mais fortes às mais fracas (eleitor · votos · concordância com o consenso · tipo):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] ao acaso
   *[adversarial] contra todos os outros
}
ranking-report-herding-head = Efeito manada por chat: quem vota depois segue a contagem visível mais do que o acaso? (chat · batalhas · seguiram · esperado · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Seguir a contagem na proporção dela não pode ser distinguido de um gosto em comum por nenhum teste sobre a ordem dos votos; um p pequeno indica uma influência além disso.
ranking-report-herding-off = Efeito manada: não verificado (use --herding, só com banco de dados).
ranking-category-all = todos os prompts
ranking-category-unknown = Não existe a categoria “{ $value }”. Categorias: { $list }.
ranking-category-unavailable = As categorias ainda não são registradas no banco de dados desta arena.
ranking-campaign-unknown = Não existe a campanha “{ $value }”.
