// The web playground's environment variables.
import { z } from 'zod';
import { parseEnvWith } from '../../core/config/load';

export const WebEnvSchema = z.object({
  WEB_ENABLED: z.enum(['true', 'false', '1', '0']).optional(),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});
export type WebEnv = z.infer<typeof WebEnvSchema>;

export const parseWebEnv = (env: NodeJS.ProcessEnv): WebEnv => parseEnvWith(WebEnvSchema, env);
