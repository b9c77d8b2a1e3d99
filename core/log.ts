// Structured logs. Secrets (tokens, API keys, authorisation headers) are redacted wherever they appear in a
// logged object, so a careless `log.info({ config })` cannot leak them.
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'token', '*.token', '*.*.token', 'apiKey', '*.apiKey', '*.*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'headers["x-telegram-bot-api-secret-token"]', 'secret', '*.secret',
  'env.TELEGRAM_BOT_TOKEN', 'env.TELEGRAM_WEBHOOK_SECRET', 'env.DATABASE_URL', 'password', '*.password',
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
