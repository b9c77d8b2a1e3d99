// The process's own HTTP face for operators, on WEB_HOST:WEB_PORT in every process: /healthz (alive), /readyz (able
// to work: database, Redis, every platform connected) and /metrics (Prometheus). When the web playground runs, these
// routes are mounted on its server; otherwise a small server of their own serves only them.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { z } from 'zod';
import { parseEnvWith } from '../core/config/load';
import type { Metrics } from '../core/metrics';
import { createReadiness, NotReady, type Readiness } from '../core/readiness';
import { WebEnvSchema } from './web/env';

/** Where the process listens: the playground's address, which it shares when it runs. */
export const OpsEnvSchema = WebEnvSchema.pick({ WEB_HOST: true, WEB_PORT: true });
export type OpsEnv = z.infer<typeof OpsEnvSchema>;
export const parseOpsEnv = (env: NodeJS.ProcessEnv): OpsEnv => parseEnvWith(OpsEnvSchema, env);

export type Phase = 'starting' | 'running' | 'stopping';

export interface Ops {
  /** /healthz, /readyz and /metrics, to serve alone (serveOps) or inside another Hono app (`app.route('/', routes)`). */
  routes: Hono;
  readiness: Readiness;
  /** Not ready while starting (adapters not yet connected) and while stopping (take no new work here). */
  phase(phase: Phase): void;
}

export interface OpsOptions {
  metrics: Pick<Metrics, 'text' | 'contentType' | 'collectProcessMetrics'>;
  log?: Logger;
  /** Longest wait for one readiness check. */
  checkTimeoutMs?: number;
}

export function createOps(options: OpsOptions): Ops {
  const readiness = createReadiness({ ...(options.log ? { log: options.log } : {}), ...(options.checkTimeoutMs ? { timeoutMs: options.checkTimeoutMs } : {}) });
  let phase: Phase = 'starting';
  readiness.set('process', () => {
    if (phase !== 'running') throw new NotReady(phase);
  });
  options.metrics.collectProcessMetrics();

  const routes = new Hono();
  // Probes and scrapes are never cached by a proxy in between.
  routes.use('/healthz', noStore);
  routes.use('/readyz', noStore);
  routes.use('/metrics', noStore);
  // Alive: answering at all proves the event loop turns; nothing else is asked, so a slow database never gets a
  // healthy process restarted.
  routes.get('/healthz', (c) => c.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
  routes.get('/readyz', async (c) => {
    const report = await readiness.report();
    return c.json(report, report.ready ? 200 : 503);
  });
  routes.get('/metrics', async (c) => c.body(await options.metrics.text(), 200, { 'Content-Type': options.metrics.contentType }));

  return {
    routes,
    readiness,
    phase(next) {
      phase = next;
    },
  };
}

const noStore = async (c: { header(name: string, value: string): void }, next: () => Promise<void>) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves only the ops routes (the playground is off); anything else is a plain 404. */
export async function serveOps(routes: Hono, address: { host: string; port: number }, log?: Logger): Promise<OpsServer> {
  const app = new Hono();
  app.route('/', routes);
  app.notFound((c) => c.text('not found: this process serves /healthz, /readyz and /metrics\n', 404));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: address.host, port: address.port }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`WEB_PORT ${address.port} on ${address.host} is in use (health and metrics listen there): set WEB_PORT to a free port, or 0 for any`)
          : error,
      ),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host === '0.0.0.0' ? '127.0.0.1' : address.host;
  const url = `http://${host}:${port}/`;
  log?.info({ url }, 'health and metrics listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
