// `npm start`: runs every platform whose token is set, and the web playground when none is (or WEB_ENABLED=true).
// The adapters are found in bots/registry.ts. Every process answers /healthz, /readyz and /metrics on
// WEB_HOST:WEB_PORT (bots/ops.ts): on the playground's server when it runs, else on a server of their own.
import { ConfigError, parseEnv } from '../core/config/load';
import { createPnyx, type PnyxApp } from '../core/app';
import { createLogger } from '../core/log';
import { metrics } from '../core/metrics';
import { startOfUtcDay } from '../core/engine/spend';
import { redisCheck } from '../core/readiness';
import { pendingDeliveries, pingDatabase } from '../core/store/probes';
import { createOps, parseOpsEnv, serveOps, type OpsServer } from './ops';
import { adapterEnvs, loadAdapters, plannedAdapters, startAdapters } from './registry';

/** SIGTERM must end the process within 10 s (Docker's default stop grace is 10 s); this leaves a margin. */
const STOP_DEADLINE_MS = 9_000;

function refuse(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`pnyx: cannot start — ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

async function main() {
  let envs: Awaited<ReturnType<typeof adapterEnvs>>;
  let address: ReturnType<typeof parseOpsEnv>;
  let level: ReturnType<typeof parseEnv>['LOG_LEVEL'];
  try {
    envs = adapterEnvs(await loadAdapters(), process.env);
    address = parseOpsEnv(process.env);
    level = parseEnv(process.env).LOG_LEVEL;
  } catch (error) {
    refuse(error);
  }
  const log = createLogger({ level });
  const ops = createOps({ metrics, log });
  const closers: Array<() => Promise<void>> = [];
  let app: PnyxApp | undefined;
  let running: Awaited<ReturnType<typeof startAdapters>> = [];

  // Signals are taken from the first moment (a SIGTERM while migrations run or Telegram is unreachable must stop the
  // process too), and the whole stop is bounded: whatever the network does, the process is gone within 10 s.
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.warn({ signal }, 'stop took too long; exiting now (unfinished deliveries are stored and handled at the next start)');
      process.exit(code);
    }, STOP_DEADLINE_MS).unref();
    // Not ready from now on, so a load balancer sends nothing new here; /healthz still answers while draining.
    ops.phase('stopping');
    // Stop taking events first, then let the arena finish or fail battles in flight cleanly.
    await Promise.allSettled(running.map((r) => r.stop()));
    await app?.close().catch((error: unknown) => log.error({ err: error }, 'closing the app failed'));
    await Promise.allSettled(closers.map((close) => close()));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Alive from the first moment, even while migrations wait for their lock; ready only once everything runs.
  let server: OpsServer | undefined;
  if (!plannedAdapters(envs).some((adapter) => adapter.hostsOps)) {
    try {
      server = await serveOps(ops.routes, { host: address.WEB_HOST, port: address.WEB_PORT }, log);
    } catch (error) {
      process.stderr.write(`pnyx: cannot start — ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    }
    closers.push(() => server!.close());
  }

  try {
    app = await createPnyx({ logger: log });
  } catch (error) {
    await server?.close();
    refuse(error);
  }
  if (stopping) return;
  ops.readiness.set('database', () => pingDatabase(app.db));
  metrics.setSource('inboxDepth', () => pendingDeliveries(app.db));
  metrics.setSource('jobQueueDepth', () => app!.jobs.depth());
  metrics.setSource('spendToday', async () => (await app!.store.spendSince(startOfUtcDay())).map((r) => ({ chat: r.chatId, model: r.modelId, usd: r.usd })));
  if (app.env.REDIS_URL) {
    const redis = await redisCheck(app.env.REDIS_URL);
    ops.readiness.set('redis', redis.check);
    closers.push(() => redis.close());
  }

  running = await startAdapters(app, envs, { onFatal: () => void shutdown('fatal', 1), ops: ops.routes });
  if (stopping) {
    // A signal came while the adapters started: stop what started.
    await Promise.allSettled(running.map((r) => r.stop()));
    return;
  }
  if (running.length === 0) {
    app.log.error('nothing to run: set a platform token or WEB_ENABLED=true');
    await app.close();
    await Promise.allSettled(closers.map((close) => close()));
    process.exit(2);
  }
  for (const adapter of running) if (adapter.ready) ops.readiness.set(`platform:${adapter.name}`, adapter.ready);
  await app.arena.start();
  await app.schedules.start();
  ops.phase('running');

}

main().catch((error) => {
  process.stderr.write(`pnyx: fatal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
