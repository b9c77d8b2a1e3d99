# Textos que só o adaptador do Telegram diz. As mensagens do núcleo (ajuda, privacidade, batalhas, votos) ficam
# nos catálogos do núcleo.

telegram-hint-text-only = Por enquanto só consigo ler texto. Escreva sua pergunta como mensagem e dois modelos anônimos vão respondê-la.
telegram-hint-unknown-command = Não conheço { $command }. Tente /help, ou escreva /arena seguido da sua pergunta.
telegram-hint-empty-mention = Escreva sua pergunta depois do meu nome, por exemplo: { $example }
telegram-reasons-prompt = { $name }, o que fez a diferença? (opcional)
telegram-error = Desculpe, algo deu errado do meu lado. Tente de novo em um instante.
telegram-button-stale = Este botão não funciona mais. Comece uma nova batalha com /arena.
