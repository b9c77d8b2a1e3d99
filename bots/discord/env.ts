// The Discord adapter's environment variables. The token is a secret: validation messages never echo it.
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';

const snowflake = z.string().regex(/^\d{17,20}$/, { message: 'a Discord id is 17 to 20 digits (Developer Portal → General Information → Application ID)' });

export const DiscordEnvSchema = z.object({
  // Empty (NAME= in .env) counts as unset (core/config/load.ts).
  DISCORD_BOT_TOKEN: z
    .string()
    // A token pasted with "Bot " in front, or with quotes, is the most common setup mistake; say so without echoing it.
    .refine((token) => !/^(Bot\s|["'])/i.test(token) && !/\s/.test(token), { message: 'paste the token alone (no "Bot " prefix, quotes or spaces)' })
    .optional(),
  /** REST base without the version (discord.js appends /v10): self-hosted proxies and tests. */
  DISCORD_API_ROOT: z.string().url().default('https://discord.com/api'),
  /**
   * The privileged Message Content intent, once switched on in the Developer Portal: any message in a battle's thread
   * continues it, and the "every message" trigger works. Off by default (mentions, replies and DMs need no intent).
   */
  DISCORD_MESSAGE_CONTENT: z.enum(['true', 'false', '1', '0']).optional(),
  /** Only needed by `npm run discord:commands` when the token cannot ask Discord (it normally can). */
  DISCORD_APPLICATION_ID: snowflake.optional(),
});
export type DiscordEnv = z.infer<typeof DiscordEnvSchema>;

export const parseDiscordEnv = (env: NodeJS.ProcessEnv): DiscordEnv => parseEnvWith(DiscordEnvSchema, env);
