// The Discord adapter as `npm start` finds it (bots/registry.ts): DISCORD_BOT_TOKEN set → the bot runs over the
// gateway, beside any other platform whose token is set.
import type { AdapterModule } from '../registry';
import { parseDiscordEnv, type DiscordEnv } from './env';

export const adapter: AdapterModule<DiscordEnv> = {
  name: 'discord',
  env: parseDiscordEnv,
  wanted: (env) => Boolean(env.DISCORD_BOT_TOKEN),
  async start(app, env, hooks) {
    const { startDiscordBot } = await import('./bot');
    const bot = await startDiscordBot({
      app,
      token: env.DISCORD_BOT_TOKEN!,
      apiRoot: env.DISCORD_API_ROOT,
      messageContent: env.DISCORD_MESSAGE_CONTENT === 'true' || env.DISCORD_MESSAGE_CONTENT === '1',
      shards: { count: env.DISCORD_SHARD_COUNT ?? 'auto', ...(env.DISCORD_SHARD_IDS ? { ids: env.DISCORD_SHARD_IDS } : {}) },
      onFatal: hooks.onFatal,
    });
    app.log.info({ application: bot.applicationId, shards: bot.shards.ids, shardCount: bot.shards.count }, 'Discord bot running');
    return { stop: () => bot.stop(), ready: () => bot.ready() };
  },
};
