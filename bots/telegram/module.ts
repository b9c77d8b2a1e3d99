// The Telegram adapter as `npm start` finds it (bots/registry.ts): TELEGRAM_BOT_TOKEN set → the bot runs, by long
// polling or, with TELEGRAM_WEBHOOK_URL, on a webhook.
import type { AdapterModule } from '../registry';
import { parseTelegramEnv, type TelegramEnv } from './env';

export const adapter: AdapterModule<TelegramEnv> = {
  name: 'telegram',
  env: parseTelegramEnv,
  wanted: (env) => Boolean(env.TELEGRAM_BOT_TOKEN),
  async start(app, env, hooks) {
    const { startTelegramBot } = await import('./bot');
    const bot = await startTelegramBot({
      app,
      token: env.TELEGRAM_BOT_TOKEN!,
      apiRoot: env.TELEGRAM_API_ROOT,
      webhook: env.TELEGRAM_WEBHOOK_URL
        ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, port: env.TELEGRAM_WEBHOOK_PORT, host: env.TELEGRAM_WEBHOOK_HOST }
        : undefined,
      onFatal: hooks.onFatal,
    });
    app.log.info({ mode: env.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling' }, 'Telegram bot running');
    return { stop: () => bot.stop(), ready: () => bot.ready() };
  },
};
