// The web playground as `npm start` finds it (bots/registry.ts): it runs when no platform token is set, or beside the
// bots with WEB_ENABLED=true; WEB_ENABLED=false keeps it off.
import type { AdapterModule } from '../registry';
import { parseWebEnv, type WebEnv } from './env';

export const adapter: AdapterModule<WebEnv> = {
  name: 'web',
  env: parseWebEnv,
  wanted: () => false,
  fallback: {
    forced: (env) => env.WEB_ENABLED === 'true' || env.WEB_ENABLED === '1',
    forbidden: (env) => env.WEB_ENABLED === 'false' || env.WEB_ENABLED === '0',
  },
  hostsOps: true,
  async start(app, env, hooks) {
    const { startWebPlayground } = await import('./server');
    const { createDashboard } = await import('./dashboard/routes');
    const dashboard = createDashboard({ db: app.db.kysely, i18n: app.i18n, log: app.log.child({ adapter: 'web', part: 'dashboard' }), env: process.env });
    const web = await startWebPlayground({
      app,
      host: env.WEB_HOST,
      port: env.WEB_PORT,
      ...(env.PNYX_WEB_SECRET ? { secret: env.PNYX_WEB_SECRET } : {}),
      ...(env.PNYX_WEB_OPERATOR_TOKEN ? { operatorToken: env.PNYX_WEB_OPERATOR_TOKEN } : {}),
      trustProxy: env.WEB_TRUST_PROXY === 'true' || env.WEB_TRUST_PROXY === '1',
      ...(hooks.ops ? { ops: hooks.ops } : {}),
      dashboard,
    });
    process.stdout.write(`\n  Pnyx playground: ${web.url}\n\n`);
    return { stop: () => web.close(), ready: () => web.listening() };
  },
};
