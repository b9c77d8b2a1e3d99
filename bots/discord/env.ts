// The Discord adapter's environment variables. The token is a secret: validation messages never echo it.
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';
import { formatShardIds, parseShardIds, type ShardCount } from './shards';

const snowflake = z.string().regex(/^\d{17,20}$/, { message: 'a Discord id is 17 to 20 digits (Developer Portal → General Information → Application ID)' });

export const DiscordEnvSchema = z
  .object({
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
    /** How many gateway shards the bot has across all processes, or `auto` (Discord's recommendation). Unset: auto. */
    DISCORD_SHARD_COUNT: z
      .string()
      .trim()
      .toLowerCase()
      .refine((text) => text === 'auto' || /^[1-9]\d*$/.test(text), { message: "a whole number of shards (1 or more), or auto for Discord's recommendation" })
      .transform((text): ShardCount => (text === 'auto' ? 'auto' : Number(text)))
      .optional(),
    /** The shards this process runs, e.g. `0,1` or `0-3`. Unset: all of them. */
    DISCORD_SHARD_IDS: z
      .string()
      .transform((text, ctx) => {
        const ids = parseShardIds(text);
        if (Array.isArray(ids)) return ids;
        ctx.addIssue({ code: 'custom', message: ids.problem });
        return z.NEVER;
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    const ids = env.DISCORD_SHARD_IDS;
    if (!ids) return;
    const count = env.DISCORD_SHARD_COUNT;
    if (count === undefined || count === 'auto') {
      // Processes that read Discord's recommendation at different times (it grows with the bot) would split the
      // servers differently: some would get no process, others two.
      ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARD_IDS'], message: 'needs a fixed DISCORD_SHARD_COUNT, the same number on every process (auto is only for a process that runs all shards)' });
      return;
    }
    const outside = ids.filter((id) => id >= count);
    if (outside.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_IDS'],
        message: `shard${outside.length > 1 ? 's' : ''} ${formatShardIds(outside)} outside DISCORD_SHARD_COUNT=${count} (shards are numbered 0 to ${count - 1})`,
      });
    }
  });
export type DiscordEnv = z.infer<typeof DiscordEnvSchema>;

export const parseDiscordEnv = (env: NodeJS.ProcessEnv): DiscordEnv => parseEnvWith(DiscordEnvSchema, env);
