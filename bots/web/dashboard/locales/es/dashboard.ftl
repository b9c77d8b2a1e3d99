dashboard-title = { $title } · Campaña de Pnyx
dashboard-list-title = Campañas · Pnyx
dashboard-login-title = Acceso para organizadores
dashboard-login-text = Esta página es para los organizadores de la campaña. Introduce el token de organizador.
dashboard-login-label = Token de organizador
dashboard-login-submit = Iniciar sesión
dashboard-login-wrong = Ese token no es correcto.
dashboard-status = Estado: { $status }
dashboard-boards = Clasificación por idioma
dashboard-board-overall = Todos los idiomas
dashboard-col-rank = #
dashboard-col-model = Modelo
dashboard-col-score = Puntuación
dashboard-col-interval = Intervalo del 95 %
dashboard-col-votes = Votos
dashboard-no-board = Todavía no hay suficientes votos.
dashboard-chats = Chats participantes
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 chat
   *[other] { $count } chats
  }
dashboard-chat-votes = { $votes ->
    [one] 1 voto
   *[other] { $votes } votos
  }
dashboard-no-chats = Todavía no se ha unido ningún chat.
dashboard-exports = Exportaciones
dashboard-export-report-json = Informe (JSON)
dashboard-export-report-md = Informe (Markdown)
dashboard-export-dataset = Conjunto de datos abierto (llegará con la función de exportación)
dashboard-live = Se actualiza cada 15 segundos.
dashboard-no-campaigns = Todavía no hay campañas: aplica un archivo de campaña con npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = No existe esa campaña.
