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
ranking-style-legend = Style-controlled: length and Markdown taken out (compar:IA's method)
ranking-style-legend-lmarena = Style-controlled: length and Markdown taken out (LMArena's method)
ranking-not-enough-title = Not enough votes yet (fewer than { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …and { $count } more
ranking-empty = No votes yet for this leaderboard. Vote on a few battles and it will appear here.
ranking-axis = Score: 100 points more = wins about 64% of the time
ranking-axis-hint = 200 points more: about 76%; 400 points more: about 91%
ranking-legend-rank1 = Could be #1: its range of ranks includes 1
ranking-legend-others = Other models: dot = score, bar = { $level }% interval
ranking-legend-bound = Arrow: open-ended, the score is only a bound
ranking-style-label = Style-controlled: length and Markdown taken out ({ $variant ->
    [lmarena] LMArena's method
   *[comparia] compar:IA's method
})
ranking-chart-alt = Leaderboard chart: { $count ->
    [one] 1 model
   *[other] { $count } models
} with scores and { $level }% intervals
ranking-flag-bound-lower = never lost: its score is only a lower bound
ranking-flag-bound-upper = never won: its score is only an upper bound
ranking-warning-groups = { $count } groups of models never both won and lost against each other: scores compare only within a group
ranking-warning-not-comparable = { $count ->
    [one] No score for { $models }: it never both won and lost against a group of models
   *[other] No score for { $models }: they never both won and lost against a group of models
}
ranking-warning-voters = { $count ->
    [one] 1 voter votes like chance or against everyone else
   *[other] { $count } voters vote like chance or against everyone else
}
ranking-warning-daily-cap = { $count ->
    [one] 1 vote over the daily cap per person left out
   *[other] { $count } votes over the daily cap per person left out
}
ranking-warning-style-unknown = Style control: { $count } model(s) in the battles have no votes here
ranking-group-title = Group { $index } · { $relation ->
    [above] only won against group 1
    [below] only lost against group 1
    [unordered] not compared with group 1
   *[disconnected] never compared with group 1
}
ranking-not-comparable-title = No score yet
ranking-segment-category = { $value }
ranking-category-coding = coding
ranking-category-math = math
ranking-category-creative-writing = creative writing
ranking-category-instruction-following = instruction following
ranking-category-hard-prompts = hard prompts
ranking-category-long-query = long prompts
ranking-category-multi-turn = multi-turn
ranking-heatmap-title = How often the row beats the column
ranking-heatmap-note = Observed share of wins in % (ties count half); blank = never met
ranking-counts-title = Votes between each pair of models
ranking-counts-note = Number of counted votes; darker = more
ranking-heatmap-alt = Win-rate table of { $count } models: how often each beats each other
ranking-counts-alt = Vote counts between each pair of { $count } models
ranking-segment-language = language { $value }
ranking-segment-campaign = campaign { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = this chat
ranking-segment-since = since { $value }
ranking-segment-until = until { $value }
ranking-compare-tau = Agreement with the global ranking: Kendall's τ = { $tau }
ranking-compare-shift-up = ▲ { $model }: #{ $local } here, #{ $global } overall
ranking-compare-shift-down = ▼ { $model }: #{ $local } here, #{ $global } overall
ranking-report-title = Organizer report
ranking-report-read = { $votes } votes in { $battles } battles counted
ranking-report-left-out = Left out: { $anony } not anonymous (LMArena anony = false), { $dedup } repeated prompts (de-duplication), { $cap } over the daily cap, { $noprompt } without prompt text for the category
ranking-report-voters = Voter quality ({ $policy ->
    [flag] flagged only
    [downweight] flagged voters down-weighted
   *[exclude] flagged voters excluded
}, test level { $alpha }): { $checked } voters with at least { $min } votes for A or B judged; { $flagged } flagged ({ $share }), { $random } voting like chance and { $adversarial } against everyone else; their votes are { $voteShare } of all votes.
ranking-report-voters-off = Voter quality: not checked (use --voters flag, downweight or exclude).
ranking-report-voter-head = Flagged voters, strongest evidence first (voter · votes · agreement with the consensus · kind):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] like chance
   *[adversarial] against everyone else
}
ranking-report-herding-head = Herding per chat: do later voters follow the visible count more than chance? (chat · battles · followed · expected · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = Following the count in proportion to it cannot be told apart from shared taste by any test on the order of votes; a small p means following beyond that.
ranking-report-herding-off = Herding: not checked (use --herding, database only).
ranking-category-all = all prompts
ranking-category-unknown = There is no category "{ $value }". Categories: { $list }.
ranking-category-unavailable = Categories are not recorded in this arena's database yet.
ranking-campaign-unknown = There is no campaign "{ $value }".
