// `npm start`: runs every platform whose token is set, and the web playground when none is (or WEB_ENABLED=true).
import { ConfigError } from '../core/config/load';
import { createPnyx, type PnyxApp } from '../core/app';
import { parseTelegramEnv, type TelegramEnv } from './telegram/env';
import { parseWebEnv, type WebEnv } from './web/env';

interface AdapterEnv {
  telegram: TelegramEnv;
  web: WebEnv;
}

/** Every adapter's variables, with all their problems reported together. */
function adapterEnv(env: NodeJS.ProcessEnv): AdapterEnv {
  const problems: string[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const telegram = attempt(() => parseTelegramEnv(env));
  const web = attempt(() => parseWebEnv(env));
  if (!telegram || !web) throw new ConfigError('environment', problems);
  return { telegram, web };
}

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function startPlatforms(app: PnyxApp, adapters: AdapterEnv, onFatal: (error: unknown) => void): Promise<Running[]> {
  const running: Running[] = [];
  const env = { ...adapters.telegram, ...adapters.web };
  if (env.TELEGRAM_BOT_TOKEN) {
    const { startTelegramBot } = await import('./telegram/bot');
    const bot = await startTelegramBot({
      app,
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: env.TELEGRAM_API_ROOT,
      webhook: env.TELEGRAM_WEBHOOK_URL
        ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, port: env.TELEGRAM_WEBHOOK_PORT, host: '0.0.0.0' }
        : undefined,
      onFatal,
    });
    running.push({ name: 'telegram', stop: () => bot.stop() });
    app.log.info({ mode: env.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling' }, 'Telegram bot running');
  }
  const webWanted = env.WEB_ENABLED === 'true' || env.WEB_ENABLED === '1';
  const webForbidden = env.WEB_ENABLED === 'false' || env.WEB_ENABLED === '0';
  if (webWanted || (running.length === 0 && !webForbidden)) {
    const { startWebPlayground } = await import('./web/server');
    const web = await startWebPlayground({ app, host: env.WEB_HOST, port: env.WEB_PORT });
    running.push({ name: 'web', stop: () => web.close() });
    process.stdout.write(`\n  Pnyx playground: ${web.url}\n\n`);
  }
  return running;
}

async function main() {
  let app: PnyxApp;
  let adapters: AdapterEnv;
  try {
    adapters = adapterEnv(process.env);
    app = await createPnyx();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`pnyx: cannot start — ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let shutdown: (signal: string, code?: number) => Promise<void> = async () => undefined;
  const running = await startPlatforms(app, adapters, () => void shutdown('fatal', 1));
  if (running.length === 0) {
    app.log.error('nothing to run: set a platform token or WEB_ENABLED=true');
    await app.close();
    process.exit(2);
  }
  await app.arena.start();
  await app.schedules.start();

  let stopping = false;
  shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Stop taking events first, then let the arena finish or fail battles in flight cleanly.
    await Promise.allSettled(running.map((r) => r.stop()));
    await app.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`pnyx: fatal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
