# Textos que só a batalha no terminal (npm run battle) diz. As mensagens da batalha (respostas, votação,
# revelação) ficam no catálogo do núcleo.

terminal-usage =
    Uso: npm run battle -- [opções] "seu prompt"

    Executa neste terminal uma batalha às cegas entre dois dos modelos configurados, pede o seu voto e depois
    revela os modelos com a latência e o número de tokens de cada um. Serve para verificar uma configuração de
    modelos antes de instalar um bot. A batalha e o voto são guardados como qualquer outro (DATABASE_URL, padrão
    file:./data/pnyx.db).

    Opções:
      --lang CÓDIGO     idioma das mensagens: en, fr, de, es, it, pt, nl ou ar (padrão: o do sistema, senão o
                        da configuração)
      --models a,b      só deixa estes ids de modelo competirem (pelo menos dois, separados por vírgulas)
      -h, --help        mostra esta ajuda

    Configuração: pnyx.config.yaml, ou o arquivo indicado por PNYX_CONFIG.
    Votar: digite a (A é melhor), b (B é melhor), t (empate) ou x (as duas são ruins). Quando a entrada não é um
    terminal, a primeira linha não vazia da entrada é o voto, por exemplo:
    echo a | npm run battle -- "Olá"

    Códigos de saída: 0 batalha concluída e votada · 1 a batalha falhou (os modelos não responderam) · 2 erro de
    uso ou de configuração · 3 nenhum voto foi dado.
terminal-usage-hint = Execute npm run battle -- --help para ver o uso.
terminal-error-arguments = Não foi possível ler a linha de comando: { $detail }
terminal-error-no-prompt = Informe um prompt para enviar aos dois modelos, por exemplo: npm run battle -- "O que é um buraco negro?"
terminal-error-lang = --lang deve ser um de en, fr, de, es, it, pt, nl, ar (recebido “{ $value }”).
terminal-error-models-count = --models precisa de pelo menos dois ids de modelo diferentes separados por vírgulas (recebido “{ $value }”).
terminal-error-models-unknown = Id de modelo desconhecido ou desativado: { $ids }. Modelos ativos na configuração: { $known }.
terminal-config-error = A configuração não é válida ({ $source }):
terminal-startup-error = O Pnyx não conseguiu iniciar: { $detail }

terminal-streaming = Os modelos A e B estão respondendo… A: { $a } caracteres · B: { $b } caracteres
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Seu voto (a / b / t / x):{ " " }
terminal-vote-invalid = “{ $input }” não é um voto. Digite a (A é melhor), b (B é melhor), t (empate) ou x (as duas são ruins) e aperte Enter.
terminal-vote-missing = Nenhum voto foi dado: a entrada terminou antes de uma linha com a, b, t ou x. A batalha fica sem voto.
terminal-interrupted = Interrompida: a batalha foi parada e não conta.
terminal-no-conclusion = A batalha não terminou: o motor nunca abriu a votação. Veja as linhas de log acima.

terminal-problems = O que deu errado com os modelos:
terminal-warnings = Problemas dos modelos durante esta batalha:
terminal-side-failed = • O modelo { $side } era { $model } (provedor “{ $provider }”): { $error }
terminal-unhealthy = • { $model } (provedor “{ $provider }”) falhou na verificação de saúde e ficou de fora: { $error }
terminal-unhealthy-probe-ok = • { $model } (provedor “{ $provider }”) falhou na verificação de saúde (o servidor não devolveu a lista de modelos a tempo) e ficou de fora, embora um pedido de teste tenha funcionado.
terminal-probe-timeout = nenhuma resposta a um pedido de teste em { $seconds } s
terminal-replaced = • { $model } falhou antes de escrever algo e foi substituído por outro modelo: { $error }
terminal-too-few-models = Uma batalha precisa de dois modelos funcionando; { $count ->
    [0] nenhum está funcionando.
    [one] só um está funcionando.
   *[other] só { $count } estão funcionando.
}
