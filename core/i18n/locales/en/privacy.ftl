## Energy at the reveal (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ a 5 W LED bulb for { $led }, or { $streaming } of video streaming
reveal-energy-method = Energy estimated with { $method } (world electricity mix; hardware included)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 day
       *[other] { $amount } days
    }
    [hour] { $amount ->
        [one] 1 hour
       *[other] { $amount } hours
    }
    [minute] { $amount ->
        [one] 1 minute
       *[other] { $amount } minutes
    }
   *[second] { $amount ->
        [one] 1 second
       *[other] { $amount } seconds
    }
}

## Consent, shown once to each person the first time they act (core/engine/people.ts)

consent-notice = 🔒 **About your data in Pnyx** (shown once)
    Pnyx stores your prompts, the replies they got, your votes and reactions, under an internal id, not your name.
    If this chat's admins allow it, they may be published in an open research dataset, after screening out personal details and under a pseudonym.
    { $privacy }: your status and a button to opt out of publication · { $mydata }: get everything stored about you · { $forget }: erase it.
consent-short = 🔒 Pnyx stores your prompts and votes; they may be published pseudonymised. { $privacy }: opt out, see or erase them.

## /privacy: the person's own status

privacy-status = **Your data**
    • Publication in open datasets: { $optOut ->
        [yes] you opted out: nothing of yours is ever published.
       *[no] allowed where a chat's admins allow it (pseudonymised, personal details screened out).
    }
    • This chat: { $chatPublish ->
        [yes] its admins allow publishing its data.
       *[no] its data is not published.
    }
    • { $mydata } sends you everything stored about you; { $forget } erases it.
privacy-btn-opt-out = 🚫 Keep my data out of datasets
privacy-btn-opt-in = ✅ Allow publication again
privacy-opted-out = Done: nothing of yours will be published in an open dataset.
privacy-opted-in = Done: your data may be published where a chat's admins allow it (pseudonymised).

## /mydata

mydata-caption = Everything Pnyx stores about you, as JSON.
mydata-sent = Here is everything Pnyx stores about you: { $prompts } prompts, { $votes } votes, { $reactions } reactions.
mydata-sent-direct = I sent you everything Pnyx stores about you in a private message.
mydata-private-only = For your privacy, I only send your data privately: open a private chat with me and send { $command } there.
mydata-nothing = Pnyx has nothing stored about you yet.

## /forget

forget-confirm = **Erase your data?** This removes your prompts and the replies they got, your reactions, your profile and your votes from Pnyx, at once and for good. You may instead keep your votes, anonymously: they keep counting in the leaderboard with nothing that leads back to you.
forget-btn-all = 🗑 Erase everything
forget-btn-keep-votes = 🗑 Erase, keep my votes anonymously
forget-btn-cancel = Cancel
forget-done = Erased: { $prompts } prompts, { $replies } replies, { $votes } votes, { $reactions } reactions. { $kept ->
    [0] Nothing of you is left in Pnyx.
   *[other] { $kept } votes were kept, anonymously.
}
forget-cancelled = Nothing was erased.

## Chat settings: publishing (admins)

settings-publish = Publishing this chat's data in open datasets: { $on ->
    [yes] allowed (pseudonymised, personal details screened out; people can opt out with { $privacy })
   *[no] not allowed
}
settings-btn-publish = Publish data: { $on ->
    [yes] on
   *[no] off
}

## Optional profile (PRISM-style), offered once after the third vote

profile-offer = Would you tell us a little about yourself? It is optional and anonymous: the answers are used only as bands, to show how different groups rank the models. Skip any question.
profile-btn-start = Answer a few questions
profile-btn-skip = Skip
profile-btn-skip-question = Skip this question
profile-btn-done = Done
profile-question-age = How old are you?
profile-question-region = Where do you live?
profile-question-languages = Which languages do you speak? (choose all that apply, then Done)
profile-question-familiarity = How familiar are you with AI chat assistants?
profile-question-goal = What do you most want from a model?
profile-age-u18 = Under 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 or over
profile-region-eu = Europe
profile-region-na = North America
profile-region-la = Latin America
profile-region-af = Africa
profile-region-me = Middle East
profile-region-as = Asia
profile-region-oc = Oceania
profile-lang-en = English
profile-lang-fr = French
profile-lang-es = Spanish
profile-lang-de = German
profile-lang-ar = Arabic
profile-lang-zh = Chinese
profile-lang-other = Other
profile-familiarity-never = Never used one
profile-familiarity-sometimes = Sometimes
profile-familiarity-weekly = Every week
profile-familiarity-daily = Every day
profile-goal-factual = Accurate facts
profile-goal-creative = Creativity
profile-goal-concise = Short answers
profile-goal-detailed = Detailed answers
profile-goal-safe = Safety
profile-goal-personal = Personal touch
profile-saved = Saved. { profile-thanks }
profile-thanks = Thank you!
profile-skipped = No problem: you will not be asked again. { $privacy } lets you erase your answers any time.
profile-finished = Thank you! Your answers are stored with your data; { $forget } erases them.

command-mydata = Get everything Pnyx stores about you
command-forget = Erase your data from Pnyx
