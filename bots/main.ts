// `npm start`: runs every platform whose token is set, and the web playground when none is (or WEB_ENABLED=true).
// The adapters are found in bots/registry.ts.
import { ConfigError } from '../core/config/load';
import { createPnyx, type PnyxApp } from '../core/app';
import { adapterEnvs, loadAdapters, startAdapters } from './registry';

async function main() {
  let app: PnyxApp;
  let envs: Awaited<ReturnType<typeof adapterEnvs>>;
  try {
    envs = adapterEnvs(await loadAdapters(), process.env);
    app = await createPnyx();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`pnyx: cannot start — ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let shutdown: (signal: string, code?: number) => Promise<void> = async () => undefined;
  const running = await startAdapters(app, envs, { onFatal: () => void shutdown('fatal', 1) });
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
