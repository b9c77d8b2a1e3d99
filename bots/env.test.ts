// Each adapter validates its own variables; mistakes are reported like the core's, without echoing secrets.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../core/config/load';
import { parseDiscordEnv } from './discord/env';
import { parseSlackEnv } from './slack/env';
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

  it('takes an empty variable (NAME= in .env) as unset, so a copied .env.example starts', () => {
    expect(parseTelegramEnv({ TELEGRAM_BOT_TOKEN: '', TELEGRAM_WEBHOOK_URL: '', TELEGRAM_WEBHOOK_SECRET: '' })).toEqual({
      TELEGRAM_WEBHOOK_PORT: 8443,
      TELEGRAM_WEBHOOK_HOST: '0.0.0.0',
    });
    expect(parseWebEnv({ WEB_PORT: '' })).toEqual({ WEB_HOST: '127.0.0.1', WEB_PORT: 3000 });
    expect(parseEnv({ REDIS_URL: '', DATABASE_URL: '' })).toMatchObject({ DATABASE_URL: 'file:./data/pnyx.db' });
    expect(parseEnv({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    expect(() => parseEnv({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
  });

  it('defaults the playground to 127.0.0.1:3000 and refuses a bad port', () => {
    expect(parseWebEnv({})).toEqual({ WEB_HOST: '127.0.0.1', WEB_PORT: 3000 });
    expect(() => parseWebEnv({ WEB_PORT: 'abc' })).toThrow(/WEB_PORT/);
  });

  it('runs Slack in HTTP mode on 3001 with a signing secret, or in Socket Mode with an app token', () => {
    expect(parseSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_PORT: 3001 });
    expect(parseSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api' })).toMatchObject({ SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(parseSlackEnv({})).toEqual({ SLACK_PORT: 3001 });
  });

  it('explains a Slack token of the wrong kind and a missing signing secret without printing them', () => {
    try {
      parseSlackEnv({ SLACK_BOT_TOKEN: ['xoxp', 'user', 'hunter3'].join('-'), SLACK_APP_TOKEN: ['xoxb', 'swapped', 'hunter4'].join('-') });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
      expect(text).toMatch(/SLACK_APP_TOKEN: must be an app-level token starting with xapp-/);
      expect(text).not.toMatch(/hunter/);
    }
    expect(() => parseSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
  });

  it('defaults Discord\'s REST base and refuses a token pasted with "Bot " without printing it', () => {
    expect(parseDiscordEnv({ DISCORD_BOT_TOKEN: 'MTA.abc.def' })).toMatchObject({ DISCORD_BOT_TOKEN: 'MTA.abc.def', DISCORD_API_ROOT: 'https://discord.com/api' });
    // Left empty in a .env file: not set (the bot does not run), rather than an error.
    expect(parseDiscordEnv({ DISCORD_BOT_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_API_ROOT: '' })).toEqual({ DISCORD_API_ROOT: 'https://discord.com/api' });
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
