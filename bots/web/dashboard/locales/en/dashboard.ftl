dashboard-title = { $title } · Pnyx campaign
dashboard-list-title = Campaigns · Pnyx
dashboard-login-title = Organizer sign-in
dashboard-login-text = This page is for the campaign's organizers. Enter the organizer token.
dashboard-login-label = Organizer token
dashboard-login-submit = Sign in
dashboard-login-wrong = That token is not right.
dashboard-status = Status: { $status }
dashboard-boards = Leaderboard per language
dashboard-board-overall = All languages
dashboard-col-rank = #
dashboard-col-model = Model
dashboard-col-score = Score
dashboard-col-interval = 95 % interval
dashboard-col-votes = Votes
dashboard-no-board = Not enough votes yet.
dashboard-chats = Chats taking part
dashboard-chats-platform = { $platform }: { $count ->
    [one] 1 chat
   *[other] { $count } chats
  }
dashboard-chat-votes = { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
dashboard-no-chats = No chat has joined yet.
dashboard-exports = Exports
dashboard-export-report-json = Report (JSON)
dashboard-export-report-md = Report (Markdown)
dashboard-export-dataset = Open dataset (coming with the export feature)
dashboard-live = Updates every 15 seconds.
dashboard-no-campaigns = No campaigns yet: apply a campaign file with npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = No such campaign.
