// Composition root: configuration, logging, database, models and the arena, wired once for every entry point
// (npm start, the terminal battle, tests, benchmarks).
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { checkSecrets, loadConfigFile, parseConfig, parseEnv } from './config/load';
import type { PnyxConfig, PnyxEnv } from './config/schema';
import { createArena, type ArenaOptions } from './engine/arena';
import type { BoardRenderer } from './leaderboard/types';
import type { Arena } from './engine/types';
import { createI18n, type I18n } from './i18n';
import { createLeaderboardScheduler } from './leaderboard/scheduler';
import { createChatLeaderboard } from './leaderboard/source';
import { createLogger } from './log';
import { createModelRegistry, type ModelRegistry } from './providers/registry';
import { openDatabase, type Db } from './store/database';
import { campaignChatIds } from './store/schedules';
import { createPeopleStore } from './store/sql/people';
import { createStore } from './store/sql-store';
import type { BattleStore } from './store/types';

export interface PnyxApp {
  arena: Arena;
  i18n: I18n;
  log: Logger;
  config: PnyxConfig;
  env: PnyxEnv;
  db: Db;
  store: BattleStore;
  models: ModelRegistry;
  /** The one leaderboard service: chat boards, scheduled posts and pages show the same numbers. */
  leaderboard: BoardRenderer;
  /** Scheduled leaderboard posts; `npm start` starts it after the adapters are attached. */
  schedules: { start(): Promise<void>; stop(): Promise<void> };
  close(): Promise<void>;
}

export interface CreatePnyxOptions {
  env?: NodeJS.ProcessEnv;
  /** An already-parsed configuration (tests); otherwise the file at PNYX_CONFIG / configPath is loaded. */
  config?: PnyxConfig | unknown;
  configPath?: string;
  logger?: Logger;
  leaderboard?: (app: Omit<PnyxApp, 'arena' | 'close' | 'schedules' | 'leaderboard'>) => BoardRenderer;
  random?: () => number;
  sweepMs?: number;
  /** See ArenaOptions.onModelReplaced. */
  onModelReplaced?: ArenaOptions['onModelReplaced'];
  /** See ArenaOptions: shared rate limits, this process's name in leases, the lease length. */
  rateLimits?: ArenaOptions['rateLimits'];
  instance?: string;
  leaseMs?: number;
}

export async function createPnyx(options: CreatePnyxOptions = {}): Promise<PnyxApp> {
  const rawEnv = options.env ?? process.env;
  const env = parseEnv(rawEnv);
  const log = options.logger ?? createLogger({ level: env.LOG_LEVEL });
  const configPath = options.configPath ?? env.PNYX_CONFIG;
  const config = options.config !== undefined ? parseConfig(options.config) : loadConfigFile(configPath);
  checkSecrets(config, rawEnv);
  const i18n = createI18n({ fallback: config.locale });
  const models = createModelRegistry(config, rawEnv, log, { baseDir: dirname(resolve(configPath)) });
  const db = await openDatabase(env.DATABASE_URL, { log });
  // One store on either database (core/store/sql-store.ts); the ranking, the scheduler and the web leaderboard query
  // the same connection through db.kysely. Closing the store closes the database.
  const store = createStore(db);
  await store.syncModels(models.cards);
  const base = { i18n, log, config, env, db, store, models };
  const leaderboard =
    options.leaderboard?.(base) ??
    createChatLeaderboard({
      db: db.kysely,
      log,
      bootstrap: config.ranking.bootstrap,
      votes: { voters: config.ranking.voters, dailyCap: config.ranking.dailyVoteCap },
    });
  const arena = createArena({
    store,
    people: createPeopleStore(db),
    models,
    config,
    i18n,
    log,
    leaderboard,
    random: options.random,
    sweepMs: options.sweepMs,
    onModelReplaced: options.onModelReplaced,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  const schedules = createLeaderboardScheduler({
    db: db.kysely,
    log,
    async post(target) {
      if (target.chatId) return arena.postLeaderboard(target.chatId);
      if (!target.campaignId) return false;
      // A campaign's board goes to every chat that took part in it.
      const chats = await campaignChatIds(db.kysely, target.campaignId);
      const posted = await Promise.all(chats.map((chatId) => arena.postLeaderboard(chatId, { campaign: target.campaignId! })));
      return posted.some(Boolean);
    },
  });
  return {
    ...base,
    arena,
    leaderboard,
    schedules,
    async close() {
      await schedules.stop();
      await arena.stop();
      await models.close();
      await store.close();
    },
  };
}
