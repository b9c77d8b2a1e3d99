# Strings only the Discord adapter says (about Discord itself). The core's own messages (help, privacy, battles,
# votes) live in the core's catalogs.

discord-missing-permissions = I can't run a battle in this channel: I need the { $permissions } permission here. A server admin can grant it in the channel's settings → Permissions → { $bot }.
discord-thread-permissions = I couldn't open a thread for this battle (I need { $permissions } here), so it continues in the channel. A server admin can grant it in the channel's settings → Permissions → { $bot }, or choose “in the channel” in /settings.
discord-error = Sorry, something went wrong on my side. Please try again in a moment.
discord-hint-text-only = I can only read text for now. Write your question as a message and two anonymous models will answer it.
discord-unknown-command = I don't know that command any more. Try /help, or /arena followed by your question.
discord-form-retry = That took me too long to open the form. Please press the button again.

# Permission names as Discord's own settings show them.
discord-permission-ViewChannel = View Channel
discord-permission-SendMessages = Send Messages
discord-permission-CreatePublicThreads = Create Public Threads
discord-permission-SendMessagesInThreads = Send Messages in Threads
discord-permission-ReadMessageHistory = Read Message History
discord-permission-AttachFiles = Attach Files
discord-file-caption = 📎 Your data, as JSON (only you can see this message).
