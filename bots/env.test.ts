// Each adapter validates its own variables; mistakes are reported like the core's, without echoing secrets.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/config/load';
import { parseDiscordEnv } from './discord/env';
import { parseTelegramEnv } from './telegram/env';
import { parseWebEnv } from './web/env';

describe('adapter environment', () => {
  it('explains a bad webhook secret without printing it', () => {
    try {
      parseTelegramEnv({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_SECRET: 'has spaces and hunter3' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/TELEGRAM_WEBHOOK_SECRET: Telegram allows 1-256 characters/);
      expect(text).not.toMatch(/hunter3/);
    }
  });

  it('defaults the playground to 127.0.0.1:3000 and refuses a bad port', () => {
    expect(parseWebEnv({})).toEqual({ WEB_HOST: '127.0.0.1', WEB_PORT: 3000 });
    expect(() => parseWebEnv({ WEB_PORT: 'abc' })).toThrow(/WEB_PORT/);
  });

  it('defaults Discord\'s REST base and refuses a token pasted with "Bot " without printing it', () => {
    expect(parseDiscordEnv({ DISCORD_BOT_TOKEN: 'MTA.abc.def' })).toMatchObject({ DISCORD_BOT_TOKEN: 'MTA.abc.def', DISCORD_API_ROOT: 'https://discord.com/api' });
    // Left empty in a .env file: not set (the bot does not run), rather than an error.
    expect(parseDiscordEnv({ DISCORD_BOT_TOKEN: '', DISCORD_APPLICATION_ID: '' }).DISCORD_BOT_TOKEN).toBeUndefined();
    try {
      parseDiscordEnv({ DISCORD_BOT_TOKEN: 'Bot MTA.hunter3.def', DISCORD_APPLICATION_ID: 'my-app' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/DISCORD_BOT_TOKEN: paste the token alone/);
      expect(text).toMatch(/DISCORD_APPLICATION_ID: a Discord id is 17 to 20 digits/);
      expect(text).not.toMatch(/hunter3/);
    }
  });
});
