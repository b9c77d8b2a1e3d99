## Battle messages — shown to everyone in the chat

model-demo-name = { $name } (demo model)
reply-header = **Model { $side }**
reply-header-revealed = **Model { $side }** · { $model }
reply-waiting = _Thinking…_
reply-empty = _(empty reply)_
reply-failed = ⚠️ This reply failed: { $reason }
react-like = 👍 Like { $side }
react-dislike = 👎 Dislike { $side }

vote-a = 👈 A is better
vote-b = 👉 B is better
vote-tie = 🤝 Tie
vote-both_bad = 👎 Both are bad

choice-a = A is better
choice-b = B is better
choice-tie = Tie
choice-both_bad = Both are bad

ballot-question = **Which reply is better?** Vote below; the models are revealed after you vote.
ballot-votes = { $votes ->
    [0] 🗳️ No votes yet.
    [one] 🗳️ 1 vote so far.
   *[other] 🗳️ { $votes } votes so far.
}
ballot-closes-in = Voting closes in { $minutes ->
    [one] 1 minute.
   *[other] { $minutes } minutes.
}
ballot-closes-after = Voting closes after { $votes } votes.
ballot-moved = ⬇️ The conversation continued: vote on the newest ballot below.
ballot-closed = **Voting closed** · { $votes ->
    [0] no votes
    [one] 1 vote
   *[other] { $votes } votes
}
ballot-tally = A better: { $a } · B better: { $b } · Tie: { $tie } · Both bad: { $bothBad }
ballot-leak = ⚠️ A reply named a model or a lab, so this battle does not count in the leaderboard.

reveal-line = **{ $side }** was **{ $model }**{ $details } — { $seconds } s, { $tokens } tokens
reveal-short = A was { $a } · B was { $b }
reveal-params = { $billions }B parameters

battle-failed = ⚠️ This battle could not complete ({ $reason }). No votes are taken on it; please ask again.
followup-failed = ⚠️ The follow-up could not be answered ({ $reason }). The battle stays open: you can still vote on the conversation so far, or ask again.
battle-interrupted = ⚠️ A battle was interrupted because Pnyx restarted. No votes are taken on it; please ask again.
failure-no-models = not enough models are available right now
failure-restart = Pnyx restarted while the models were answering
failure-stopped = Pnyx is shutting down

## Private answers — shown only to the person who acted

prompt-empty = Write a question or a task, for example: What is a black hole?
prompt-too-long = Your message is { $length } characters long; the limit is { $max }. Please shorten it.
rate-limited = You are going a bit fast. Please try again in { $seconds ->
    [one] 1 second.
   *[other] { $seconds } seconds.
}
chat-rate-limited = This chat has started many battles in the last minute. Please try again in { $seconds ->
    [one] 1 second.
   *[other] { $seconds } seconds.
}
battle-queued = Your battle is in line: { $ahead ->
    [one] one battle runs before it
   *[other] { $ahead } battles run before it
} in this chat, so the chat is not flooded. The answers follow as soon as it is its turn.
arena-paused = The arena is paused in this chat. An admin can turn it back on with { $command }.
no-models = Not enough models are available right now to run a battle. Please try again later.
battle-max-turns = This battle has reached { $max } turns. Start a new one to keep going.
battle-not-open = This battle is over. Send a new message to start another one.
vote-counted = You voted: { $choice }.
vote-duplicate = You already voted on this battle: { $choice }. Each person votes once.
vote-changed = You changed your vote: { $choice } (was { $from }). You had seen the names, so the rankings keep your first, blind choice.
followup-after-reveal = You voted on this battle and saw the models' names, so you can no longer add prompts to it: the rest of the conversation has to stay blind. Send a new message to start another battle.
vote-reasons-ask = Why? Add reasons if you like:
vote-reason-no-vote = Vote first, then add your reasons.
vote-closed = Voting on this battle is closed.
vote-too-early = Please wait until both replies are finished before voting.
vote-failed = This battle could not complete, so it takes no votes.
vote-reveal = { $reveal }
action-stale = This button is no longer valid. Start a new battle to vote.
reaction-saved = Thanks! You { $kind ->
    [like] liked
   *[dislike] disliked
} reply { $side }. Add reasons if you like:
reason-saved = Reason saved: { $reason }.

reason-useful = Useful
reason-complete = Complete
reason-creative = Creative
reason-clear_formatting = Clear formatting
reason-incorrect = Incorrect
reason-superficial = Superficial
reason-instructions_not_followed = Instructions not followed

## Commands

help-text = **Pnyx — a blind arena for language models** 🏛️

    Ask anything: two anonymous models answer side by side as **A** and **B**. Vote for the better reply with the buttons — 👈 A, 👉 B, 🤝 tie or 👎 both bad. The models are revealed to you right after your vote, and to everyone when voting closes.

    • In a private chat, just write your message.
    • In a group, use { $arena } followed by your message, mention me, or reply to a battle to continue it.
    • 👍/👎 under a reply tell us what you liked or not.
    • { $leaderboard } shows the ranking built from everyone's votes.
    • { $privacy } says what is stored and why. { $settings } (group admins) configures the arena here.
start-text = Welcome to Pnyx! { help-text }
privacy-text = **What Pnyx stores, and why**

    • Your messages to the arena and both models' replies, to show the battle and to build open datasets of conversations.
    • Your votes and reactions, to compute the leaderboard.
    • A pseudonymous id for you. Your platform id is kept only to deliver messages and is never published.

    Published datasets exclude conversations flagged as containing personal data. Do not write personal information (names, addresses, health or financial details) in your prompts.
unknown-command = I don't know that command. Try { $command }.

settings-title = **Arena settings for this chat**
settings-admins-only = Only the chat's admins can change the arena settings.
settings-saved = Settings saved.
settings-enabled = Arena: { $on ->
    [yes] ✅ on
   *[no] ⏸ paused
}
settings-trigger = Battles start on: { $trigger ->
    [all] every message
   *[addressed] commands, mentions and replies
}
settings-reveal = Voting closes: { $policy }
settings-language = Language: { $language }
settings-models = Models allowed: { $count } of { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ Pause the arena
   *[no] ▶️ Turn the arena on
}
settings-btn-trigger-addressed = Commands & mentions
settings-btn-trigger-all = Every message
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = Leaderboard posts: { $preset ->
    [daily] every day at 18:00 ({ $timezone })
    [weekly] every Monday at 18:00 ({ $timezone })
    [custom] on schedule { $cron } ({ $timezone })
   *[off] off
}
settings-timezone-hint = _Time zone: { $command } timezone Europe/Paris_
settings-btn-schedule = 📊 { $preset ->
    [daily] Daily
    [weekly] Weekly
   *[off] No posts
}
settings-usage = Use { $command } alone for the menu, or { $command } timezone Area/City (for example Europe/Paris).
settings-bad-timezone = “{ $zone }” is not a time zone I know. Use a name such as Europe/Paris or America/New_York.
settings-models-minimum = At least two models must stay allowed for battles to run.
policy-votes = { $votes ->
    [one] after the first vote
   *[other] after { $votes } votes
}
policy-minutes = { $minutes ->
    [one] after 1 minute
   *[other] after { $minutes } minutes
}
policy-default = default ({ $policy })
language-auto = automatic
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = No votes yet — the leaderboard appears after the first battles are voted on.
leaderboard-title = **Leaderboard** ({ $votes } votes)

## Wave 2: acknowledgements, forms, threads, paginated menus

event-failed = Sorry, something went wrong on Pnyx's side. Nothing was lost; please try again in a moment.
failure-internal = an internal error
prompt-echo = 💬 **{ $name }** asks:
vote-why-button = ✍️ Say why
vote-why-title = Why this vote?
vote-why-label = What made the difference? (optional, stored with your vote)
vote-why-placeholder = e.g. B answered the question; A only repeated it.
vote-why-saved = Thanks — your explanation is saved with your vote.
vote-why-empty = The explanation was empty, so nothing was saved.
vote-why-too-long = Please keep it under { $max } characters.
form-submit = Save
settings-layout = Battles appear: { $layout ->
    [inline] in the channel
   *[thread] in a thread of their own
}
settings-btn-layout-thread = 🧵 In a thread
settings-btn-layout-inline = 💬 In the channel
settings-btn-timezone = 🕒 Time zone: { $timezone }
settings-timezone-title = Time zone
settings-timezone-label = Time zone of this chat (Area/City)
settings-timezone-saved = Time zone set to { $zone }.
settings-btn-page-previous = ◀ Previous
settings-btn-page-next = Next ▶
settings-page = Page { $page }/{ $pages }

## Command catalogue (descriptions platforms show in their command menus)

command-arena = Start a battle: two anonymous models answer
command-arena-prompt = Your question or task for both models
command-leaderboard = Current model rankings
command-help = How to start a battle and vote
command-privacy = What is stored and why
command-settings = Arena settings for this chat (admins)
command-settings-timezone = Time zone of this chat, e.g. Europe/Paris
command-start = What Pnyx is and how to vote

## What people read when a model fails (the provider's own words stay in the log)

failure-side = model { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] took too long to answer
    [rate_limited] is rate-limited by its provider right now
    [service_error] hit an error on its provider's side
    [unreachable] could not be reached
    [refused] was refused by its provider — an admin should check its settings
    [rejected] could not take this request
    [malformed] sent a reply that could not be read
   *[internal] failed
}
failure-kind = { $kind ->
    [timeout] it took too long
    [rate_limited] its provider is rate-limiting it right now
    [service_error] its provider had an error
    [unreachable] it could not be reached
    [refused] its provider refused the request
    [rejected] it could not take this request
    [malformed] its reply could not be read
   *[internal] it failed
}

## Spending limits on paid models

spend-cap-chat = This chat has used today's spending limit on paid models (${ $cap }). Battles start again in { $hours ->
    [one] about an hour (at midnight UTC).
   *[other] about { $hours } hours (at midnight UTC).
}
spend-cap-all = Pnyx has used today's spending limit on paid models (${ $cap }) across all chats. Battles start again in { $hours ->
    [one] about an hour (at midnight UTC).
   *[other] about { $hours } hours (at midnight UTC).
}
settings-spend = Daily limit on paid models: { $cap ->
    [none] none
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 Default
   *[other] 💶 ${ $cap }/day
}

## Languages a chat collects prompts in

language-not-accepted = 🌍 This chat collects prompts in { $languages }, and yours seems to be in { $language }. Please write it in { $languages } to start a battle.
settings-languages = Prompts collected in: { $languages }
