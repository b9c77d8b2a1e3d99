// What the arena's parts share: dependencies, attached platforms, the battles this process shows, background work, and
// the lookups every event needs (the chat's and person's rows, the right language). Built once per arena.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { CampaignService } from '../campaigns/service';
import type { ChatSettings } from '../config/chat-settings';
import type { PnyxConfig } from '../config/schema';
import type { I18n, Locale, Translate } from '../i18n';
import type { BoardRenderer } from '../leaderboard/types';
import { createPendingWork, type PendingWork } from '../pending-work';
import type { ChatAddress, ChatPort, PnyxEvent, Side } from '../port/types';
import type { GenerateRequest, GenerateResult, ModelCard } from '../providers/types';
import type { PeopleStore } from '../store/sql/people';
import type { BattleRow, BattleStore, ChatRow, TurnRow, UserRow } from '../store/types';
import { createTimerJobs, type Jobs } from '../cluster/jobs';
import { createMemorySharedState, type SharedState } from '../cluster/shared-state';
import type { RateLimits } from './rate-limits';
import { createSpendGuard, type SpendGuard } from './spend';
import type { LiveMessage, Presenter } from './presenter';
import type { Random } from './sampling';
import type { ReplyState } from './views';

export interface ModelSource {
  cards: ModelCard[];
  client(id: string): { generate: (req: GenerateRequest) => Promise<GenerateResult> };
  healthy(ids?: string[]): Promise<Set<string>>;
}

export type { BoardRenderer };
/** The older name of BoardRenderer. */
export type LeaderboardSource = BoardRenderer;

export interface ArenaOptions {
  store: BattleStore;
  /** People's rights over their data (consent notice, /privacy, /mydata, /forget, profile); off without it. */
  people?: PeopleStore;
  models: ModelSource;
  config: PnyxConfig;
  i18n: I18n;
  log: Logger;
  leaderboard?: BoardRenderer;
  random?: Random;
  /** How often overdue battles are closed and lapsed leases reaped (ms); default config.engine.sweepMs. */
  sweepMs?: number;
  /** How long a process's claim on a battle lasts without renewal (ms); default config.engine.leaseMs. */
  leaseMs?: number;
  /** This process's name in leases (default: random, new at every start). */
  instance?: string;
  /** Per-person and per-chat battle limits (default: those of `shared`). */
  rateLimits?: RateLimits;
  /** State several processes share (default: this process's memory, for one process). */
  shared?: SharedState;
  /** Timed closes and periodic work (default: this process's timers). */
  jobs?: Jobs;
  /**
   * Told when a model that failed before writing anything was swapped for another (battles stay anonymous in the
   * chat; an admin's tool such as the terminal battle names the model and the cause). Must not throw.
   */
  onModelReplaced?: (event: ModelReplaced) => void;
  /** Campaigns (core/campaigns/service.ts): without it, chats cannot join campaigns and battles are never tagged. */
  campaigns?: CampaignService;
}

export interface ModelReplaced {
  battleId: string;
  side: Side;
  /** The model that failed, and why. */
  failed: string;
  error: string;
  replacement: string;
}

export const SIDES = ['a', 'b'] as const;
/** Finish reasons that mean a reply did not complete. */
export const FAILED: ReadonlySet<string> = new Set(['error', 'timeout', 'aborted']);

export interface LiveReply {
  live: LiveMessage;
  state: ReplyState;
  side: Side;
  turn: number;
}

/** A battle as this process shows it: the messages it keeps updating. Rebuilt from the database when not held. */
export interface LiveBattle {
  /** Where the battle posts: its chat, in its thread when it has one. */
  chat: ChatAddress;
  chatRow: ChatRow;
  ballot?: LiveMessage;
  /** Reply messages by `${turn}:${side}`, with what they show. */
  replies: Map<string, LiveReply>;
  /** Every turn with its stored replies, once known. */
  turns?: TurnRow[];
  /** Found again in the database (posted by another process or before a restart) rather than started here. */
  adopted: boolean;
  /** Taken over from a process that died mid-generation, and generating here now (leases.ts must not reap it). */
  resumed?: boolean;
}

/** Every generation adds an abort listener to the arena's signal while it runs: hundreds at once are expected. */
export function unlimitedController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export function chatAddressOf(row: ChatRow, thread?: string | null): ChatAddress {
  return {
    platform: row.platform,
    id: row.externalId,
    kind: row.kind,
    ...(row.title ? { title: row.title } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.space ? { space: row.space } : {}),
    ...(thread ? { thread } : {}),
  };
}

/** Where a battle posts (its thread, if it has one). */
export function battleAddress(row: ChatRow, battle: Pick<BattleRow, 'thread'>): ChatAddress {
  return chatAddressOf(row, battle.thread);
}

/** Person rows are read again after this long (an erasure in another process is then seen). */
const USER_ROW_TTL_MS = 30_000;
/** Battles rebuilt from the database are kept this many at most (the oldest forgotten first). */
const MAX_ADOPTED = 2_000;

export interface ArenaContext {
  store: BattleStore;
  people?: PeopleStore;
  models: ModelSource;
  config: PnyxConfig;
  i18n: I18n;
  log: Logger;
  random: Random;
  leaderboard?: BoardRenderer;
  onModelReplaced?: (event: ModelReplaced) => void;
  campaigns?: CampaignService;
  /** Campaign features of the arena (core/engine/campaigns.ts), set once the arena is built. */
  features?: import('./campaigns').CampaignFeatures;
  rateLimits: RateLimits;
  shared: SharedState;
  jobs: Jobs;
  /** This process, as named in battle leases. */
  instance: string;
  leaseMs: number;
  ports: Map<string, { port: ChatPort; presenter: Presenter }>;
  /** Battles this process shows, by token. */
  live: Map<string, LiveBattle>;
  /** Remembers a battle rebuilt from the database (bounded). */
  adopt(token: string, battle: LiveBattle): void;
  cards: Map<string, ModelCard>;
  /** Set by stop(): generations are being aborted on purpose. */
  stopping: boolean;
  /**
   * Aborts every generation in flight, on stop(). One for the arena rather than one per battle: nothing cancels a
   * single battle, and a per-battle AbortSignal (an EventTarget) stayed reachable through Node internals long enough
   * to be promoted by every young-generation GC (bench/engine.ts).
   */
  generations: AbortController;
  portFor(platform: string): { port: ChatPort; presenter: Presenter };
  chatOf(chat: ChatAddress): Promise<ChatRow>;
  userOf(event: PnyxEvent): Promise<UserRow>;
  /** Keeps the chat cache right after this process changed the chat's row (settings, time zone, id). */
  rememberChat(row: ChatRow): void;
  forgetChat(platform: string, externalId: string): void;
  /** The chat's language: its setting, else the platform's for the chat (a private chat's is its person's), else the configuration's. */
  chatLocale(chatRow: ChatRow, settings: ChatSettings): Locale;
  /** The person's language where the platform says it (in a private chat the chat's setting comes first). */
  personLocale(event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Locale;
  /** Drops a person's cached row (after their erasure, or a change to it this process made). */
  forgetUser(platform: string, externalId: string): void;
  /** Messages everyone sees use the chat's language; private answers use the person's. */
  chatT(chatRow: ChatRow, settings: ChatSettings): Translate;
  personT(event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Translate;
  /**
   * Runs work an event started after its acknowledgement (generation, streaming, closing): tracked for stop(), and a
   * throw is logged with its name instead of becoming an unhandled rejection. Resolves when the work is done.
   */
  spawn(name: string, work: () => Promise<void>, fields?: Record<string, unknown>): Promise<void>;
  /** Work that stop() must wait for (events being handled, spawned work, reference writes). */
  inFlight: PendingWork;
  /** What paid models cost, and the daily limits (spend.ts). */
  spend: SpendGuard;
}

export function createContext(options: ArenaOptions): ArenaContext {
  const { store, models, config, i18n, log } = options;
  const ports = new Map<string, { port: ChatPort; presenter: Presenter }>();
  const inFlight = createPendingWork();
  // Hot path caches: every event needs its chat and person rows. Chat rows carry settings that another process may
  // change, so they are read again after shared.chatRowTtlMs (or at once when another process announces a change); person rows change only with the person's own events.
  const chatCache = new Map<string, { row: ChatRow; at: number }>();
  const userCache = new Map<string, UserRow>();
  const userReadAt = new Map<string, number>();
  const live = new Map<string, LiveBattle>();
  const adoptedOrder: string[] = [];

  const portFor = (platform: string) => {
    const entry = ports.get(platform);
    if (!entry) throw new Error(`no adapter attached for platform "${platform}"`);
    return entry;
  };

  const chatKey = (platform: string, externalId: string) => `${platform}\u0000${externalId}`;
  const shared = options.shared ?? createMemorySharedState(config);
  shared.onChatChanged((platform, externalId) => chatCache.delete(chatKey(platform, externalId)));

  const chatOf = async (chat: ChatAddress): Promise<ChatRow> => {
    const key = chatKey(chat.platform, chat.id);
    const cached = chatCache.get(key);
    if (
      cached &&
      Date.now() - cached.at < shared.chatRowTtlMs &&
      (chat.title === undefined || (cached.row.title ?? undefined) === chat.title) &&
      (chat.space === undefined || (cached.row.space ?? undefined) === chat.space)
    ) {
      return cached.row;
    }
    const row = await store.upsertChat(chat);
    if (chatCache.size > 10_000) chatCache.clear();
    chatCache.set(key, { row, at: Date.now() });
    return row;
  };

  const userOf = async (event: PnyxEvent): Promise<UserRow> => {
    const key = `${event.from.platform}\u0000${event.from.id}`;
    const cached = userCache.get(key);
    // Read again after a while: another process may have erased the person (/forget), who must not go on under the
    // erased row there.
    const fresh = Date.now() - (userReadAt.get(key) ?? 0) < USER_ROW_TTL_MS;
    if (cached && fresh && cached.locale === (event.from.locale ?? cached.locale)) return cached;
    const row = await store.upsertUser(event.from);
    if (userCache.size > 50_000) {
      userCache.clear();
      userReadAt.clear();
    }
    userCache.set(key, row);
    userReadAt.set(key, Date.now());
    return row;
  };

  const chatLocale = (chatRow: ChatRow, settings: ChatSettings): Locale => i18n.negotiate(settings.locale, chatRow.locale, config.locale);
  const personLocale = (event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Locale =>
    event.chat.kind === 'private'
      ? i18n.negotiate(settings.locale, event.from.locale, chatRow.locale, config.locale)
      : i18n.negotiate(event.from.locale, settings.locale, chatRow.locale, config.locale);
  const chatT = (chatRow: ChatRow, settings: ChatSettings): Translate => i18n.t(chatLocale(chatRow, settings));
  const personT = (event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Translate => i18n.t(personLocale(event, chatRow, settings));

  const spawn = (name: string, work: () => Promise<void>, fields: Record<string, unknown> = {}): Promise<void> =>
    inFlight.track(
      work().catch((error: unknown) => {
        log.error({ err: error, work: name, ...fields }, 'background work failed');
      }),
    );

  const ctx: ArenaContext = {
    store,
    ...(options.people ? { people: options.people } : {}),
    models,
    config,
    i18n,
    log,
    random: options.random ?? Math.random,
    leaderboard: options.leaderboard,
    onModelReplaced: options.onModelReplaced,
    ...(options.campaigns ? { campaigns: options.campaigns } : {}),
    rateLimits: options.rateLimits ?? shared.rateLimits,
    shared,
    jobs: options.jobs ?? createTimerJobs(log),
    instance: options.instance ?? randomUUID(),
    leaseMs: options.leaseMs ?? config.engine.leaseMs,
    ports,
    live,
    adopt(token, battle) {
      live.set(token, battle);
      adoptedOrder.push(token);
      while (adoptedOrder.length > MAX_ADOPTED) {
        const old = adoptedOrder.shift()!;
        if (live.get(old)?.adopted) live.delete(old);
      }
    },
    cards: new Map(models.cards.map((c) => [c.id, c])),
    stopping: false,
    generations: unlimitedController(),
    portFor,
    chatOf,
    userOf,
    rememberChat: (row) => {
      chatCache.set(chatKey(row.platform, row.externalId), { row, at: Date.now() });
      shared.chatChanged(row.platform, row.externalId);
    },
    forgetChat: (platform, externalId) => {
      chatCache.delete(chatKey(platform, externalId));
      shared.chatChanged(platform, externalId);
    },
    chatLocale,
    personLocale,
    forgetUser: (platform, externalId) => userCache.delete(`${platform}\u0000${externalId}`),
    chatT,
    personT,
    spawn,
    inFlight,
    spend: undefined as unknown as SpendGuard,
  };
  ctx.spend = createSpendGuard(ctx);
  return ctx;
}
