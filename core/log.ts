// Structured logs. Secrets (tokens, API keys, authorisation headers) are redacted wherever they appear in a
// logged object, so a careless `log.info({ config })` cannot leak them.
import pino, { type Logger } from 'pino';

// Every value of a logged `env`: which variables hold secrets depends on the adapters and on pnyx.config.yaml's
// apiKeyEnv names, so the core names none of them.
export const REDACT_PATHS = [
  'token', '*.token', '*.*.token', 'apiKey', '*.apiKey', '*.*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'secret', '*.secret', 'env.*', 'password', '*.password',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'pnyx' },
    },
    options.destination,
  );
}

export type { Logger };
