// The web playground's environment variables.
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';

export const WebEnvSchema = z.object({
  WEB_ENABLED: z.enum(['true', 'false', '1', '0']).optional(),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Signs session cookies (at least 32 characters); unset: generated once and kept in the data folder. */
  PNYX_WEB_SECRET: z.string().min(32).optional(),
  /** Lets a script change any room's settings (header X-Pnyx-Operator); unset: only each room's creator can. */
  PNYX_WEB_OPERATOR_TOKEN: z.string().min(16).optional(),
  /** Behind a reverse proxy: take client addresses (for per-address limits) from X-Forwarded-For. */
  WEB_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
});
export type WebEnv = z.infer<typeof WebEnvSchema>;

export const parseWebEnv = (env: NodeJS.ProcessEnv): WebEnv => parseEnvWith(WebEnvSchema, env);
