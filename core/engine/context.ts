// What the arena's parts share: dependencies, attached platforms, live battles, and the per-event lookups every part
// needs (the chat's and person's rows, the right language). Built once per arena by createContext.
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { ChatSettings } from '../config/chat-settings';
import type { PnyxConfig } from '../config/schema';
import type { I18n, Translate } from '../i18n';
import type { LiveMessage, Presenter } from '../port/live';
import type { ChatAddress, ChatPort, PnyxEvent, Side } from '../port/types';
import type { GenerateRequest, GenerateResult, ModelCard } from '../providers/types';
import type { BattleStore, ChatRow, TurnRow, UserRow } from '../store/types';
import { createPendingWork, type PendingWork } from '../pending-work';
import type { Random } from './sampling';
import type { ReplyState } from './views';

export interface ModelSource {
  cards: ModelCard[];
  client(id: string): { generate: (req: GenerateRequest) => Promise<GenerateResult> };
  healthy(ids?: string[]): Promise<Set<string>>;
}

export interface LeaderboardSource {
  /** A message (table text, optional chart) for a chat, in its language. */
  render(options: { chat: ChatRow; t: Translate; locale: string; campaign?: string }): Promise<{ text: string; image?: { png: Uint8Array; alt: string } }>;
}

export interface ArenaOptions {
  store: BattleStore;
  models: ModelSource;
  config: PnyxConfig;
  i18n: I18n;
  log: Logger;
  leaderboard?: LeaderboardSource;
  random?: Random;
  /** How often overdue battles are closed (ms). */
  sweepMs?: number;
  /**
   * Told when a model that failed before writing anything was swapped for another (battles stay anonymous in the
   * chat; an admin's tool such as the terminal battle names the model and the cause). Must not throw.
   */
  onModelReplaced?: (event: ModelReplaced) => void;
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

export interface LiveBattle {
  chat: ChatAddress;
  chatRow: ChatRow;
  ballot?: LiveMessage;
  /** Reply messages of the newest turn, with what they show. */
  replies: Map<string, { live: LiveMessage; state: ReplyState; side: Side; turn: number }>;
  busy: boolean;
  /** Every turn with its stored replies, once known (started here, or read back on the first follow-up). */
  turns?: TurnRow[];
}

/** Every generation adds an abort listener to the arena's signal while it runs: hundreds at once are expected. */
export function unlimitedController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export function chatAddressOf(row: ChatRow): ChatAddress {
  return { platform: row.platform, id: row.externalId, kind: row.kind, title: row.title ?? undefined, locale: row.locale ?? undefined };
}

export interface ArenaContext {
  store: BattleStore;
  models: ModelSource;
  config: PnyxConfig;
  i18n: I18n;
  log: Logger;
  random: Random;
  leaderboard?: LeaderboardSource;
  onModelReplaced?: (event: ModelReplaced) => void;
  ports: Map<string, { port: ChatPort; presenter: Presenter }>;
  /** Battles with messages still being shown or voted on, by token. */
  live: Map<string, LiveBattle>;
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
  /** Keeps the chat cache right after the chat's row changed (settings, time zone, id). */
  rememberChat(row: ChatRow): void;
  forgetChat(platform: string, externalId: string): void;
  /** Messages everyone sees use the chat's language; private answers use the person's. */
  chatT(chatRow: ChatRow, settings: ChatSettings): Translate;
  personT(event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Translate;
  /** Work that stop() must wait for (events being handled, reference writes). */
  inFlight: PendingWork;
}

export function createContext(options: ArenaOptions): ArenaContext {
  const { store, models, config, i18n } = options;
  const ports = new Map<string, { port: ChatPort; presenter: Presenter }>();
  const inFlight = createPendingWork();
  // Hot path caches: every event needs its chat and person rows; changes to a chat go through rememberChat.
  const chatCache = new Map<string, ChatRow>();
  const userCache = new Map<string, UserRow>();

  const portFor = (platform: string) => {
    const entry = ports.get(platform);
    if (!entry) throw new Error(`no adapter attached for platform "${platform}"`);
    return entry;
  };

  const chatOf = async (chat: ChatAddress): Promise<ChatRow> => {
    const key = `${chat.platform}\u0000${chat.id}`;
    const cached = chatCache.get(key);
    if (cached && (cached.title ?? undefined) === chat.title) return cached;
    const row = await store.upsertChat(chat);
    if (chatCache.size > 10_000) chatCache.clear();
    chatCache.set(key, row);
    return row;
  };

  const userOf = async (event: PnyxEvent): Promise<UserRow> => {
    const key = `${event.from.platform}\u0000${event.from.id}`;
    const cached = userCache.get(key);
    if (cached && cached.locale === (event.from.locale ?? cached.locale)) return cached;
    const row = await store.upsertUser(event.from);
    if (userCache.size > 50_000) userCache.clear();
    userCache.set(key, row);
    return row;
  };

  const chatT = (chatRow: ChatRow, settings: ChatSettings): Translate => i18n.t(i18n.negotiate(settings.locale, chatRow.locale, config.locale));
  const personT = (event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Translate =>
    i18n.t(event.chat.kind === 'private' ? i18n.negotiate(settings.locale, event.from.locale, config.locale) : i18n.negotiate(event.from.locale, settings.locale, chatRow.locale, config.locale));

  return {
    store,
    models,
    config,
    i18n,
    log: options.log,
    random: options.random ?? Math.random,
    leaderboard: options.leaderboard,
    onModelReplaced: options.onModelReplaced,
    ports,
    live: new Map(),
    cards: new Map(models.cards.map((c) => [c.id, c])),
    stopping: false,
    generations: unlimitedController(),
    portFor,
    chatOf,
    userOf,
    rememberChat: (row) => chatCache.set(`${row.platform}\u0000${row.externalId}`, row),
    forgetChat: (platform, externalId) => chatCache.delete(`${platform}\u0000${externalId}`),
    chatT,
    personT,
    inFlight,
  };
}
