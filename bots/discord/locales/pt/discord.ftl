# Textos que só o adaptador do Discord diz (sobre o próprio Discord). As mensagens do núcleo (ajuda, privacidade,
# batalhas, votos) ficam nos catálogos do núcleo.

discord-missing-permissions = Não posso iniciar uma batalha neste canal: preciso da permissão { $permissions } aqui. Um administrador do servidor pode concedê-la nas configurações do canal → Permissões → { $bot }.
discord-thread-permissions = Não consegui abrir uma thread para esta batalha (preciso de { $permissions } aqui), então ela continua no canal. Um administrador do servidor pode conceder isso nas configurações do canal → Permissões → { $bot }, ou escolher “no canal” em /settings.
discord-error = Desculpe, algo deu errado do meu lado. Tente de novo em um instante.
discord-hint-text-only = Por enquanto só consigo ler texto. Escreva sua pergunta como mensagem e dois modelos anônimos vão respondê-la.
discord-unknown-command = Não conheço mais esse comando. Tente /help, ou /arena seguido da sua pergunta.
discord-form-retry = Demorei demais para abrir o formulário. Aperte o botão de novo, por favor.

# Nomes das permissões como as próprias configurações do Discord os mostram.
discord-permission-ViewChannel = Ver canal
discord-permission-SendMessages = Enviar mensagens
discord-permission-CreatePublicThreads = Criar threads públicas
discord-permission-SendMessagesInThreads = Enviar mensagens em threads
discord-permission-ReadMessageHistory = Ver histórico de mensagens
discord-permission-AttachFiles = Anexar arquivos
discord-file-caption = 📎 Seus dados, em JSON (só você pode ver esta mensagem).
