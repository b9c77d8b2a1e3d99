# Textos que só o app do Slack diz. As mensagens do núcleo (ajuda, privacidade, batalhas, votos) ficam nos catálogos do núcleo.

slack-invite = Não estou neste canal, então não posso publicar a batalha aqui. Convide-me com `/invite @{ $bot }` e tente de novo.
slack-cannot-post = Não consigo publicar nesta conversa. Use `/arena` em um canal em que eu esteja, ou escreva para mim na minha aba Mensagens.
slack-hint-empty-mention = Escreva sua pergunta depois do meu nome, por exemplo: { $example }
slack-hint-unknown-command = Não conheço { $command }. Tente `/arena help`, ou `/arena` seguido da sua pergunta.
slack-error = Desculpe, algo deu errado do meu lado. Tente de novo em um instante.
