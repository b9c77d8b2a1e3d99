# Leaderboard strings (core/ranking): the phone-width table, the chart and the command line's notes.

ranking-title = Leaderboard
ranking-title-segment = Leaderboard · { $segment }
ranking-votes = { $n ->
    [one] { $shown } vote
   *[other] { $shown } votes
}
ranking-battles = { $n ->
    [one] { $shown } battle
   *[other] { $shown } battles
}
ranking-summary = { $votes } · { $battles }
ranking-computed = Updated { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = Model
ranking-col-score = Score
ranking-col-votes = Votes
ranking-legend = ± { $level }% interval, # = rank range
ranking-style-legend = Style-controlled: length and Markdown taken out
ranking-not-enough-title = Not enough votes yet (fewer than { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …and { $count } more
ranking-empty = No votes yet for this leaderboard. Vote on a few battles and it will appear here.
ranking-axis = Score (400 × log10 odds)
ranking-chart-alt = Leaderboard chart: { $count ->
    [one] 1 model
   *[other] { $count } models
} with scores and { $level }% intervals
ranking-flag-undefeated = never lost: score is a lower bound
ranking-flag-winless = never won: score is an upper bound
ranking-flag-disconnected = not compared with the main group: scores cannot be compared across groups
ranking-warning-components = { $count } separate groups of models were never compared with each other
ranking-segment-language = language { $value }
ranking-segment-campaign = campaign { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = this chat
ranking-segment-since = since { $value }
ranking-segment-until = until { $value }
ranking-compare-tau = Agreement with the global ranking: Kendall's τ = { $tau }
ranking-compare-shift-up = ▲ { $model }: #{ $local } here, #{ $global } overall
ranking-compare-shift-down = ▼ { $model }: #{ $local } here, #{ $global } overall
