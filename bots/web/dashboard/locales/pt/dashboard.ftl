dashboard-title = { $title } · Campanha Pnyx
dashboard-list-title = Campanhas · Pnyx
dashboard-login-title = Acesso dos organizadores
dashboard-login-text = Esta página é para os organizadores da campanha. Digite o token de organizador.
dashboard-login-label = Token de organizador
dashboard-login-submit = Entrar
dashboard-login-wrong = Esse token não está certo.
dashboard-status = Status: { $status }
dashboard-boards = Classificação por idioma
dashboard-board-overall = Todos os idiomas
dashboard-col-rank = #
dashboard-col-model = Modelo
dashboard-col-score = Pontuação
dashboard-col-interval = Intervalo de 95 %
dashboard-col-votes = Votos
dashboard-no-board = Ainda não há votos suficientes.
dashboard-chats = Chats participantes
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 chat
   *[other] { $count } chats
  }
dashboard-chat-votes = { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
dashboard-no-chats = Nenhum chat entrou ainda.
dashboard-exports = Exportações
dashboard-export-report-json = Relatório (JSON)
dashboard-export-report-md = Relatório (Markdown)
dashboard-export-dataset = Conjunto de dados aberto (chega com o recurso de exportação)
dashboard-live = Atualiza a cada 15 segundos.
dashboard-no-campaigns = Ainda não há campanhas: aplique um arquivo de campanha com npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = Essa campanha não existe.
