# Strings only the Telegram adapter says. The core's own messages (help, privacy, battles, votes) live in the
# core's catalogs.

telegram-command-start = What Pnyx is and how to vote
telegram-command-help = How to start a battle and vote
telegram-command-arena = Start a battle: /arena your question
telegram-command-leaderboard = Current model rankings
telegram-command-privacy = What is stored and why
telegram-command-settings = Group settings (admins only)

telegram-hint-text-only = I can only read text for now. Write your question as a message and two anonymous models will answer it.
telegram-hint-unknown-command = I don't know { $command }. Try /help, or write /arena followed by your question.
telegram-hint-empty-mention = Write your question after my name, for example: { $example }
telegram-reasons-prompt = { $name }, what made the difference? (optional)
telegram-error = Sorry, something went wrong on my side. Please try again in a moment.
telegram-button-stale = This button no longer works. Start a new battle with /arena.
