// Composition root: configuration, logging, database, models and the arena, wired once for every entry point
// (npm start, the terminal battle, tests, benchmarks).
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { checkSecrets, loadConfigFile, parseConfig, parseEnv } from './config/load';
import type { PnyxConfig, PnyxEnv } from './config/schema';
import { createBullJobs, createTimerJobs, type Jobs } from './cluster/jobs';
import { createMemorySharedState } from './cluster/shared-state';
import { createRedisSharedState } from './cluster/redis-state';
import { createArena, type ArenaOptions } from './engine/arena';
import type { BoardRenderer } from './leaderboard/types';
import type { Arena } from './engine/types';
import { createI18n, type I18n } from './i18n';
import { createLeaderboardScheduler } from './leaderboard/scheduler';
import { createChatLeaderboard } from './leaderboard/source';
import { createLogger } from './log';
import { createPrivacyJob } from './privacy/retention-job';
import { createPiiJudge } from './privacy/pii/model-verdict';
import { createModelRegistry, type ModelRegistry } from './providers/registry';
import { openDatabase, type Db } from './store/database';
import { createCampaignService } from './campaigns/service';
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
  /** Timed closes and periodic work (BullMQ with REDIS_URL, else timers). */
  jobs: Jobs;
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
  leaderboard?: (app: Omit<PnyxApp, 'arena' | 'close' | 'schedules' | 'leaderboard' | 'jobs'>) => BoardRenderer;
  random?: () => number;
  sweepMs?: number;
  /** See ArenaOptions.onModelReplaced. */
  onModelReplaced?: ArenaOptions['onModelReplaced'];
  /** See ArenaOptions: shared rate limits, this process's name in leases, the lease length. */
  rateLimits?: ArenaOptions['rateLimits'];
  instance?: string;
  leaseMs?: number;
}

function parseScheduleKind(options: string): 'progress' | 'topic' | null {
  try {
    const kind = (JSON.parse(options) as { kind?: unknown }).kind;
    return kind === 'progress' || kind === 'topic' ? kind : null;
  } catch {
    return null;
  }
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
  // Several processes share limits, lines and chat changes through Redis; one process keeps them in memory.
  const shared = env.REDIS_URL ? await createRedisSharedState(env.REDIS_URL, config, log, { prefix: `${env.REDIS_PREFIX}:` }) : createMemorySharedState(config);
  // Timed closes and the schedules' check: BullMQ jobs with several processes (one run each, taken over when a process
  // dies), timers with one.
  const jobs = env.REDIS_URL ? await createBullJobs(env.REDIS_URL, log, { prefix: env.REDIS_PREFIX }) : createTimerJobs(log);
  const base = { i18n, log, config, env, db, store, models };
  const leaderboard =
    options.leaderboard?.(base) ??
    createChatLeaderboard({
      db: db.kysely,
      log,
      bootstrap: config.ranking.bootstrap,
      votes: { voters: config.ranking.voters, dailyCap: config.ranking.dailyVoteCap },
    });
  const campaigns = createCampaignService(db.kysely);
  const arena = createArena({
    store,
    campaigns,
    people: createPeopleStore(db),
    models,
    config,
    i18n,
    log,
    leaderboard,
    random: options.random,
    sweepMs: options.sweepMs,
    onModelReplaced: options.onModelReplaced,
    shared,
    jobs,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  const schedules = createLeaderboardScheduler({
    db: db.kysely,
    log,
    ...(jobs.kind === 'bullmq' ? { repeat: (ms: number, tick: () => Promise<void>) => jobs.every('leaderboard-schedules', ms, tick) } : {}),
    async post(target) {
      if (target.chatId) return arena.postLeaderboard(target.chatId);
      if (!target.campaignId) return false;
      // Campaign files' schedules (core/campaigns/store.ts): the progress gauge with the board, or the prompt of the day.
      const kind = parseScheduleKind(target.options);
      if (kind) return arena.postCampaign(target.campaignId, kind, target.dueAt);
      // A campaign's board goes to every chat that took part in it.
      const chats = await campaignChatIds(db.kysely, target.campaignId);
      const posted = await Promise.all(chats.map((chatId) => arena.postLeaderboard(chatId, { campaign: target.campaignId! })));
      return posted.some(Boolean);
    },
  });
  // Closed campaigns' final reports: checked with the schedules (a campaign is closed from the command line).
  let reportTimer: NodeJS.Timeout | undefined;
  const postReports = () => arena.postFinalReports(env.PNYX_REPORTS_DIR).catch((error: unknown) => log.error({ err: error }, 'campaign final reports failed'));
  // Several processes: one of them writes and posts each report (a BullMQ job, taken over if its process dies).
  if (jobs.kind === 'bullmq') jobs.every('campaign-final-reports', 30_000, async () => void (await arena.postFinalReports(env.PNYX_REPORTS_DIR)));
  const allSchedules = {
    async start() {
      await schedules.start();
      if (jobs.kind === 'bullmq') return;
      await postReports();
      reportTimer = setInterval(() => void postReports(), 30_000);
      reportTimer.unref();
    },
    async stop() {
      if (reportTimer) clearInterval(reportTimer);
      await schedules.stop();
    },
  };
  // Daily: PII screening of newly closed battles and retention (privacy.retentionDays).
  const piiModel = config.export.piiModel;
  const privacy = createPrivacyJob({
    db: db.kysely,
    log,
    retentionDays: config.privacy.retentionDays,
    ...(jobs.kind === 'bullmq' ? { schedule: (name: string, schedule: { cron: string }, work: () => Promise<void>) => jobs.every(name, schedule, work) } : {}),
    ...(piiModel
      ? {
          judge: {
            model: piiModel,
            judge: createPiiJudge({
              generate: async (messages, { signal }) => {
                const result = await models.client(piiModel).generate({ messages, signal, maxOutputTokens: 100, temperature: 0 });
                if (result.finishReason !== 'stop' && result.finishReason !== 'length') throw new Error(result.error ?? result.finishReason);
                return result.text;
              },
            }),
          },
        }
      : {}),
  });
  return {
    ...base,
    arena,
    leaderboard,
    schedules: {
      async start() {
        await allSchedules.start();
        privacy.start();
      },
      async stop() {
        await privacy.stop();
        await allSchedules.stop();
      },
    },
    jobs,
    async close() {
      await privacy.stop();
      await allSchedules.stop();
      await arena.stop();
      await models.close();
      await jobs.close();
      await shared.close();
      await store.close();
    },
  };
}
