// The local playground: `npm start` runs it when no platform token is configured. It is a platform adapter like
// the others — it attaches its ChatPort to the arena and hands it events — served over HTTP with Hono.
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Arena } from '../../core/engine/types';
import type { I18n } from '../../core/i18n/index';
import type { ModelCard } from '../../core/providers/types';
import type { BattleStore } from '../../core/store/types';
import type { BoardRenderer } from '../../core/leaderboard/types';
import { boardSource, type LeaderboardSource } from './leaderboard';
import { createWebPort } from './port';
import { createRoomHub, type RoomHubOptions } from './rooms';
import { parseChatSettings } from '../../core/config/chat-settings';
import type { PnyxConfig } from '../../core/config/schema';
import { createWebLimiter, type WebLimits } from './limits';
import { createWebApp } from './routes';
import { createSessions, dataDirOf, loadWebSecret } from './session';

/** The parts of the bootstrapped application (core/app.ts `PnyxApp`) the playground uses. */
export interface PlaygroundApp {
  arena: Pick<Arena, 'attach' | 'handle'>;
  i18n: I18n;
  log: Logger;
  store: BattleStore;
  models: { cards: ModelCard[] };
  /** The app's one leaderboard service (core/app.ts): the page shows what chats are shown. */
  leaderboard: Pick<BoardRenderer, 'board'>;
  config: Pick<PnyxConfig, 'locale' | 'battle' | 'web'>;
  env?: { DATABASE_URL?: string };
}

export interface WebPlaygroundOptions {
  app: PlaygroundApp;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Where the leaderboard page's numbers come from; defaults to the ranking over the store. */
  leaderboard?: LeaderboardSource;
  rooms?: RoomHubOptions;
  /** The process's /healthz, /readyz and /metrics (bots/ops.ts), served beside the pages. */
  ops?: Hono;
  /** Signs session cookies; default PNYX_WEB_SECRET's value, else generated once and kept in `dataDir`. */
  secret?: string;
  /** Where a generated secret is kept; default beside the SQLite database (or ./data). */
  dataDir?: string;
  /** Requests per session and per address (limits.ts); defaults suit one person trying it. */
  limits?: Partial<WebLimits>;
  /** Lets scripts change any room's settings (X-Pnyx-Operator header). */
  operatorToken?: string;
  /** Client addresses come from X-Forwarded-For (set WEB_TRUST_PROXY=true behind a reverse proxy). */
  trustProxy?: boolean;
  /** The organizer dashboard (bots/web/dashboard/routes.ts), when PNYX_ORGANIZER_TOKEN turns it on. */
  dashboard?: Hono | null;
}

export interface WebPlayground {
  url: string;
  /** The server is listening (readiness). */
  listening(): boolean;
  close(): Promise<void>;
}

export async function startWebPlayground(options: WebPlaygroundOptions): Promise<WebPlayground> {
  const { app } = options;
  const log = app.log.child({ adapter: 'web' });
  const hub = createRoomHub(options.rooms);
  app.arena.attach(createWebPort({ hub, log, countsInRankings: app.config.web.countInRankings }));
  let secret = options.secret;
  if (!secret) {
    const loaded = loadWebSecret({ env: process.env.PNYX_WEB_SECRET, dataDir: options.dataDir ?? dataDirOf(app.env?.DATABASE_URL) });
    if (loaded.source === 'created') log.info('web: generated the session secret and stored it in the data folder');
    secret = loaded.secret;
  }
  const roomLocale = async (room: string) => {
    const chat = await app.store.getChatByAddress('web', room);
    return app.i18n.negotiate(chat ? parseChatSettings(chat.settings).locale ?? chat.locale ?? undefined : undefined, app.config.locale);
  };
  const shared = app.leaderboard.board;
  if (!options.leaderboard && !shared) throw new Error('the playground needs a leaderboard service with boards');
  const leaderboard = options.leaderboard ?? boardSource({ leaderboard: { board: shared! }, cards: app.models.cards });
  const web = createWebApp({
    arena: app.arena,
    i18n: app.i18n,
    log,
    hub,
    leaderboard,
    sessions: createSessions(secret),
    limiter: createWebLimiter(options.limits),
    maxPromptChars: app.config.battle.maxPromptChars,
    roomLocale,
    roomChat: async (room) => (await app.store.getChatByAddress('web', room))?.id ?? null,
    ...(options.operatorToken ? { operatorToken: options.operatorToken } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
  });
  if (options.ops) web.route('/', options.ops);
  if (options.dashboard) web.route('/', options.dashboard);

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: web.fetch, hostname: host, port: options.port ?? 3000 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shownHost}:${address.port}/`;
  log.info({ url }, 'web playground listening');

  return {
    url,
    listening: () => server.listening,
    async close() {
      hub.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Server-Sent Events keep connections open; the streams were ended above, the sockets go now.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
