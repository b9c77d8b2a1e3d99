// The Telegram adapter's environment variables. The token is a secret: validation messages never echo it.
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';

export const TelegramEnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: 'Telegram allows 1-256 characters A-Z a-z 0-9 _ -' })
    .optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().positive().default(8443),
  /** Where the webhook server listens; 0.0.0.0 for a public host, 127.0.0.1 behind a local reverse proxy. */
  TELEGRAM_WEBHOOK_HOST: z.string().min(1).default('0.0.0.0'),
});
export type TelegramEnv = z.infer<typeof TelegramEnvSchema>;

export const parseTelegramEnv = (env: NodeJS.ProcessEnv): TelegramEnv => parseEnvWith(TelegramEnvSchema, env);
