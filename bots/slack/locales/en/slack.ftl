# Strings only the Slack app says. The core's own messages (help, privacy, battles, votes) live in the core's catalogs.

slack-invite = I'm not in this channel, so I can't post the battle here. Invite me with `/invite @{ $bot }` and try again.
slack-cannot-post = I can't post in this conversation. Use `/arena` in a channel I'm in, or write to me in my Messages tab.
slack-hint-empty-mention = Write your question after my name, for example: { $example }
slack-hint-unknown-command = I don't know { $command }. Try `/arena help`, or `/arena` followed by your question.
slack-error = Sorry, something went wrong on my side. Please try again in a moment.
