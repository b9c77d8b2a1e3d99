// Telegram adapter: see README.md in this folder for setting up a bot with BotFather.
export { createTelegramBot, COMMANDS, type TelegramAppParts, type TelegramBot } from './adapter';
export { createTelegramPort, TELEGRAM_LIMITS, ChatUnreachableError, type TelegramPort } from './port';
export { markdownToTelegram, splitFormatted, type Formatted, type Entity } from './markdown';
export {
  startTelegramBot,
  commandMenus,
  ALLOWED_UPDATES,
  type RunningTelegramBot,
  type StartTelegramBotOptions,
  type TelegramWebhookOptions,
} from './bot';
