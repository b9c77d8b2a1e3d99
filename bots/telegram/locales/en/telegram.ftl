# Strings only the Telegram adapter says. The core's own messages (help, privacy, battles, votes) live in the
# core's catalogs.


telegram-hint-text-only = I can only read text for now. Write your question as a message and two anonymous models will answer it.
telegram-hint-unknown-command = I don't know { $command }. Try /help, or write /arena followed by your question.
telegram-hint-empty-mention = Write your question after my name, for example: { $example }
telegram-reasons-prompt = { $name }, what made the difference? (optional)
telegram-error = Sorry, something went wrong on my side. Please try again in a moment.
telegram-button-stale = This button no longer works. Start a new battle with /arena.
