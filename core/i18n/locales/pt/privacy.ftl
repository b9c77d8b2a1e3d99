## Energia na revelação (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ uma lâmpada LED de 5 W acesa por { $led }, ou { $streaming } de streaming de vídeo
reveal-energy-method = Energia estimada com { $method } (matriz elétrica mundial; hardware incluído)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 dia
       *[other] { $amount } dias
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

## Consentimento, mostrado uma vez a cada pessoa na primeira vez que ela interage (core/engine/people.ts)

consent-notice = 🔒 **Sobre seus dados no Pnyx** (aviso único)
    O Pnyx guarda seus prompts, as respostas que eles receberam, seus votos e suas reações com um identificador interno, não com o seu nome.
    Se os administradores deste chat permitirem, eles podem ser publicados em um conjunto de dados aberto para pesquisa, depois de filtrados os dados pessoais e sob um pseudônimo.
    { $privacy }: seu status e um botão para ficar fora da publicação · { $mydata }: receba tudo o que está guardado sobre você · { $forget }: apague tudo.
consent-short = 🔒 O Pnyx guarda seus prompts e votos; eles podem ser publicados sob pseudônimo. { $privacy }: fique de fora, veja ou apague seus dados.

## /privacy: o status da própria pessoa

privacy-status = **Seus dados**
    • Publicação em conjuntos de dados abertos: { $optOut ->
        [yes] você optou por ficar de fora: nada seu será publicado.
       *[no] permitida onde os administradores de um chat permitirem (sob pseudônimo, sem dados pessoais).
    }
    • Este chat: { $chatPublish ->
        [yes] os administradores permitem publicar os dados dele.
       *[no] os dados dele não são publicados.
    }
    • { $mydata } envia para você tudo o que está guardado sobre você; { $forget } apaga tudo.
privacy-btn-opt-out = 🚫 Deixar meus dados fora dos conjuntos de dados
privacy-btn-opt-in = ✅ Permitir a publicação novamente
privacy-opted-out = Pronto: nada seu será publicado em um conjunto de dados aberto.
privacy-opted-in = Pronto: seus dados podem ser publicados onde os administradores de um chat permitirem (sob pseudônimo).

## /mydata

mydata-caption = Tudo o que o Pnyx guarda sobre você, em JSON.
mydata-sent = Aqui está tudo o que o Pnyx guarda sobre você: { $prompts } prompts, { $votes } votos, { $reactions } reações.
mydata-sent-direct = Enviei para você, em uma mensagem privada, tudo o que o Pnyx guarda sobre você.
mydata-private-only = Para proteger sua privacidade, só envio seus dados no privado: abra um chat privado comigo e envie { $command } lá.
mydata-nothing = O Pnyx ainda não tem nada guardado sobre você.

## /forget

forget-confirm = **Apagar seus dados?** Isso remove do Pnyx seus prompts e as respostas que eles receberam, suas reações, seu perfil e seus votos, na hora e para sempre. Em vez disso, você pode manter seus votos de forma anônima: eles continuam contando na classificação sem nada que leve até você.
forget-btn-all = 🗑 Apagar tudo
forget-btn-keep-votes = 🗑 Apagar, mas manter meus votos anônimos
forget-btn-cancel = Cancelar
forget-done = Apagados: { $prompts } prompts, { $replies } respostas, { $votes } votos, { $reactions } reações. { $kept ->
    [0] Não resta nada seu no Pnyx.
    [one] 1 voto foi mantido de forma anônima.
   *[other] { $kept } votos foram mantidos de forma anônima.
}
forget-cancelled = Nada foi apagado.

## Configurações do chat: publicação (administradores)

settings-publish = Publicação dos dados deste chat em conjuntos de dados abertos: { $on ->
    [yes] permitida (sob pseudônimo, sem dados pessoais; cada pessoa pode ficar de fora com { $privacy })
   *[no] não permitida
}
settings-btn-publish = Publicar dados: { $on ->
    [yes] ativado
   *[no] desativado
}

## Perfil opcional (no estilo do PRISM), oferecido uma vez após o terceiro voto

profile-offer = Quer nos contar um pouco sobre você? É opcional e anônimo: as respostas são usadas apenas por faixas, para mostrar como grupos diferentes classificam os modelos. Pule qualquer pergunta que quiser.
profile-btn-start = Responder algumas perguntas
profile-btn-skip = Pular
profile-btn-skip-question = Pular esta pergunta
profile-btn-done = Concluir
profile-question-age = Quantos anos você tem?
profile-question-region = Onde você mora?
profile-question-languages = Quais idiomas você fala? (escolha todos os que se aplicam e depois Concluir)
profile-question-familiarity = Quanto você conhece assistentes de chat com IA?
profile-question-goal = O que você mais quer de um modelo?
profile-age-u18 = Menos de 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 ou mais
profile-region-eu = Europa
profile-region-na = América do Norte
profile-region-la = América Latina
profile-region-af = África
profile-region-me = Oriente Médio
profile-region-as = Ásia
profile-region-oc = Oceania
profile-lang-en = Inglês
profile-lang-fr = Francês
profile-lang-es = Espanhol
profile-lang-de = Alemão
profile-lang-ar = Árabe
profile-lang-zh = Chinês
profile-lang-other = Outro
profile-familiarity-never = Nunca usei
profile-familiarity-sometimes = Às vezes
profile-familiarity-weekly = Toda semana
profile-familiarity-daily = Todo dia
profile-goal-factual = Fatos precisos
profile-goal-creative = Criatividade
profile-goal-concise = Respostas curtas
profile-goal-detailed = Respostas detalhadas
profile-goal-safe = Segurança
profile-goal-personal = Toque pessoal
profile-saved = Salvo. { profile-thanks }
profile-thanks = Obrigado!
profile-skipped = Sem problema: não vamos perguntar de novo. Com { $privacy } você pode apagar suas respostas a qualquer momento.
profile-finished = Obrigado! Suas respostas ficam guardadas com seus dados; { $forget } as apaga.

command-mydata = Receber tudo o que o Pnyx guarda sobre você
command-forget = Apagar seus dados do Pnyx
