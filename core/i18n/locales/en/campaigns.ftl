# Campaigns: joining, progress, milestones, topics, stances, final report (core/engine/campaigns.ts).

command-campaign = See the progress of this chat's campaign

campaign-join-usage = To join a campaign, type { $command } join CODE with the code the organizers gave you.
campaign-joined = This chat now takes part in “{ $title }”. Battles here count toward its goals; { $command } shows how far it is.
campaign-already = This chat already takes part in “{ $title }”.
campaign-busy = This chat already takes part in the campaign “{ $other }”. Leave it first (in { $command }).
campaign-unknown-code = No campaign has the code “{ $code }”. Check it with the organizers.
campaign-closed = That campaign is over: it takes no new chats.
campaign-left = This chat left “{ $title }”. Its battles no longer count toward the campaign.
campaign-none = This chat takes part in no campaign. An admin can join one with { $command } join CODE.
campaign-admins-only = Only the chat's admins can join or leave a campaign.

settings-campaign = Campaign: { $title ->
    [none] none
   *[other] { $title }
  }
settings-btn-campaign-join = Join a campaign
settings-btn-campaign-leave = Leave the campaign
settings-mode = Battle mode: { $mode }
settings-btn-mode = { $mode ->
    [random] Random pairs
    [big-vs-small] Big vs small
    [frugal] Frugal models
   *[custom] My two models
  }
campaign-join-form-title = Join a campaign
campaign-join-form-label = Campaign code

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ Paused for now: battles here do not count toward it.
   *[closed] 🏁 This campaign is over.
  }
campaign-progress-total = { $votes } of { $goal } votes ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [one] 1 vote so far
   *[other] { $votes } votes so far
  }
campaign-progress-language = { $language }: { $votes } of { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
campaign-progress-days = { $days ->
    [0] Last day!
    [one] 1 day left
   *[other] { $days } days left
  }
campaign-progress-ended = The campaign has ended.
campaign-progress-top = Most active chats
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
campaign-gauge-alt = Progress of { $title }: { $votes } of { $goal } votes
campaign-milestone = { $percent ->
    [100] 🎉 “{ $title }” reached its goal: { $votes } votes! Thank you all.
   *[other] 🎯 “{ $title }” is at { $percent } % of its goal ({ $votes } votes). Keep going!
  }

campaign-suggestions = Not sure what to ask? Pick a topic of “{ $title }”, or type your own question after { $command }.
campaign-topic-of-day = 💡 Prompt of the day for “{ $title }”:

    { $prompt }
campaign-topic-battle = ⚔️ Battle this
campaign-topic-unknown = That topic is no longer offered.

stance-board-title = Which perspective do people prefer? — { $title }
stance-board-row = { $rank }. { $stance } — wins { $wins } of { $battles }
stance-board-empty = No votes on perspectives yet.

campaign-report-title = Final report — { $title }
campaign-report-posted = 🏁 “{ $title }” is over: { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  } in { $battles ->
    [one] 1 battle
   *[other] { $battles } battles
  } from { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
  }. Thank you! Here is the final leaderboard.
campaign-report-language = Leaderboard in { $language }
campaign-report-no-votes = Not enough votes in this language for a leaderboard.
campaign-report-participation = Participation
campaign-report-comparison = Each community's ranking against the campaign's
