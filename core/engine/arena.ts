// The arena engine: one entry point (`handle`) for every platform's events, output only through each platform's
// ChatPort. Battles, votes, reveals and reactions are decided here; adapters only translate.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { parseChatSettings, revealPolicyFor, type ChatSettings } from '../config/chat-settings';
import type { PnyxConfig, RevealPolicy } from '../config/schema';
import type { I18n, Translate } from '../i18n';
import { createPresenter, type LiveMessage, type Presenter } from '../port/live';
import type {
  ActionEvent,
  ChatAddress,
  ChatPort,
  CommandEvent,
  HandleResult,
  PnyxEvent,
  PromptEvent,
  Side,
  VoteChoice,
} from '../port/types';
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../port/types';
import type { ChatMessage, GenerateResult, ModelCard } from '../providers/types';
import type { BattleRow, BattleStore, ChatRow, MessageRefRow, TurnRow, UserRow } from '../store/types';
import { decodeAction, encodeAction, REASONS, type Action } from './actions';
import { createIdentityGuard } from './identity-guard';
import { detectLanguage } from './language';
import { samplePair, sampleReplacement, type Random } from './sampling';
import { isTimeZone, SCHEDULE_PRESETS } from '../leaderboard/scheduler';
import { applySetting, renderSettings, type SchedulePreset } from './settings';
import type { Arena } from './types';
import { ballotMessage, modelName, replyMessage, revealLines, type ReplyState } from './views';

export interface ModelSource {
  cards: ModelCard[];
  client(id: string): { generate: (req: import('../providers/types').GenerateRequest) => Promise<GenerateResult> };
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
}

const SIDES = ['a', 'b'] as const;
const FAILED: ReadonlySet<string> = new Set(['error', 'timeout', 'aborted']);

interface LiveBattle {
  chat: ChatAddress;
  chatRow: ChatRow;
  ballot?: LiveMessage;
  /** Reply messages of the newest turn, with what they show. */
  replies: Map<string, { live: LiveMessage; state: ReplyState; side: Side; turn: number }>;
  busy: boolean;
  abort: AbortController;
  /** Every turn with its stored replies, once known (started here, or read back on the first follow-up). */
  turns?: TurnRow[];
}

/** Message refs are written in batches, this often or this many at once; until then the arena answers for them. */
const REF_FLUSH_MS = 25;
const REF_BATCH = 64;

function newToken(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

function chatAddressOf(row: ChatRow): ChatAddress {
  return { platform: row.platform, id: row.externalId, kind: row.kind, title: row.title ?? undefined, locale: row.locale ?? undefined };
}

export function createArena(options: ArenaOptions): Arena {
  const { store, models, config, i18n, log } = options;
  const random = options.random ?? Math.random;
  const ports = new Map<string, { port: ChatPort; presenter: Presenter }>();
  const live = new Map<string, LiveBattle>();
  const inFlight = new Set<Promise<unknown>>();
  const cards = new Map(models.cards.map((c) => [c.id, c]));
  const guard = createIdentityGuard(models.cards, config.battle.identityTerms);
  const userLimiter = new RateLimiterMemory({ points: config.battle.perUserPerMinute, duration: 60 });
  const chatLimiter = new RateLimiterMemory({ points: config.battle.perChatPerMinute, duration: 60 });
  // Hot path caches: every event needs its chat and person rows; settings changes go through updateChat below.
  const chatCache = new Map<string, ChatRow>();
  const userCache = new Map<string, UserRow>();
  let sweepTimer: NodeJS.Timeout | undefined;
  let stopping = false;

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

  /** Messages everyone sees use the chat's language; private answers use the person's. */
  const chatT = (chatRow: ChatRow, settings: ChatSettings): Translate => i18n.t(i18n.negotiate(settings.locale, chatRow.locale, config.locale));
  const personT = (event: PnyxEvent, chatRow: ChatRow, settings: ChatSettings): Translate =>
    i18n.t(event.chat.kind === 'private' ? i18n.negotiate(settings.locale, event.from.locale, config.locale) : i18n.negotiate(event.from.locale, settings.locale, chatRow.locale, config.locale));

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  // === Message references =================================================================================
  // Perf (bench/engine.ts): every reply and ballot message is mapped to its battle, so that replying to it continues
  // the battle. They are written in batches (one transaction for many battles); a ref not yet written is found here.

  const pendingRefs = new Map<string, MessageRefRow>();
  const refKey = (chatId: string, ref: string) => `${chatId}\u0000${ref}`;
  let refTimer: NodeJS.Timeout | undefined;
  let refWrite: Promise<void> | undefined;

  const writeRefs = async (): Promise<void> => {
    refTimer = undefined;
    const batch = [...pendingRefs.values()];
    if (batch.length === 0) return;
    try {
      await store.addMessageRefs(batch);
    } catch (error) {
      // One bad ref must not cost the others theirs.
      log.warn({ err: error, refs: batch.length }, 'message refs not stored as a batch; storing one by one');
      for (const ref of batch) await store.addMessageRefs([ref]).catch((err) => log.warn({ err, battle: ref.battleId, role: ref.role }, 'message ref not stored'));
    }
    for (const ref of batch) {
      const key = refKey(ref.chatId, ref.ref);
      if (pendingRefs.get(key) === ref) pendingRefs.delete(key);
    }
  };

  const flushRefs = (): Promise<void> => {
    if (refTimer) clearTimeout(refTimer);
    refTimer = undefined;
    // One write at a time, in order: a later batch may move a ref an earlier one wrote.
    const next = (refWrite ?? Promise.resolve()).then(writeRefs);
    refWrite = next;
    void next.finally(() => {
      if (refWrite === next) refWrite = undefined;
    });
    return track(next);
  };

  const addRef = (battleId: string, chatId: string, ref: string, role: string) => {
    pendingRefs.set(refKey(chatId, ref), { battleId, chatId, ref, role });
    // A busy process may not reach its timers for a while (work chained on promises): a full batch goes at once.
    if (pendingRefs.size >= REF_BATCH && !refWrite) void flushRefs();
    else if (!refTimer) {
      refTimer = setTimeout(() => void flushRefs(), REF_FLUSH_MS);
      refTimer.unref();
    }
  };

  const battleOfMessage = async (chatId: string, ref: string): Promise<BattleRow | null> => {
    const pending = pendingRefs.get(refKey(chatId, ref));
    return pending ? store.getBattle(pending.battleId) : store.getBattleByMessageRef(chatId, ref);
  };

  // === Battles ==========================================================================================

  const historyFor = (turns: TurnRow[], side: Side, modelId: string): ChatMessage[] => {
    const messages: ChatMessage[] = [];
    const system = config.models.find((m) => m.id === modelId)?.systemPrompt;
    if (system) messages.push({ role: 'system', content: system });
    for (const turn of turns) {
      // A follow-up that failed on either side is left out for both, so the pair keeps answering the same history.
      if (SIDES.some((s) => FAILED.has(turn.replies[s]?.finishReason ?? ''))) continue;
      messages.push({ role: 'user', content: turn.prompt });
      const reply = turn.replies[side];
      if (reply?.text) messages.push({ role: 'assistant', content: reply.text });
    }
    return messages;
  };

  const modelConfig = (id: string) => config.models.find((m) => m.id === id);

  const generateSide = async (
    battle: BattleRow,
    state: LiveBattle,
    side: Side,
    modelId: string,
    history: ChatMessage[],
    show: (s: ReplyState) => void,
  ): Promise<GenerateResult> => {
    const cfg = modelConfig(modelId);
    let text = '';
    show({ text: '', status: 'waiting' });
    try {
      return await models.client(modelId).generate({
        messages: history,
        signal: state.abort.signal,
        maxOutputTokens: cfg?.maxOutputTokens,
        temperature: cfg?.temperature,
        onText: (delta) => {
          text += delta;
          show({ text, status: 'streaming' });
        },
      });
    } catch (error) {
      // Providers resolve failures; a throw is a bug, still shown as a failed reply rather than lost.
      log.error({ err: error, battle: battle.id, side, model: modelId }, 'model client threw');
      return { text, finishReason: 'error', error: 'internal error', latencyMs: 0 };
    }
  };

  const runTurn = async (battle: BattleRow, state: LiveBattle, turn: TurnRow, replyTo: string | undefined, t: Translate): Promise<boolean> => {
    const { presenter } = portFor(state.chat.platform);
    // Perf (bench/engine.ts): the live battle holds its turns; a first turn's history is just its prompt.
    const turns = state.turns ?? (turn.index === 0 ? [turn] : await store.getTurns(battle.id));
    const modelsNow: Record<Side, string> = { a: battle.modelAId, b: battle.modelBId };
    void portFor(state.chat.platform).port.typing?.(state.chat)?.catch(() => undefined);

    const results = await Promise.all(
      SIDES.map(async (side) => {
        const key = `${turn.index}:${side}`;
        const entry = {
          side,
          turn: turn.index,
          state: { text: '', status: 'waiting' } as ReplyState,
          live: undefined as unknown as LiveMessage,
        };
        const view = () => replyMessage(t, { side, state: entry.state, token: battle.token, turn: turn.index, reactions: true });
        entry.live = presenter.open(state.chat, view(), {
          replyTo,
          onRef: (ref) => addRef(battle.id, state.chatRow.id, ref, side),
        });
        state.replies.set(key, entry);
        const show = (s: ReplyState) => {
          entry.state = s;
          entry.live.set(view());
        };

        let modelId = modelsNow[side];
        let result = await generateSide(battle, state, side, modelId, historyFor(turns, side, modelId), show);
        // A model that fails before producing any text is replaced once, transparently, on the first turn only
        // (later turns must keep the pair the voters have been comparing).
        if (FAILED.has(result.finishReason) && !result.text.trim() && turn.index === 0 && !state.abort.signal.aborted) {
          const healthy = await models.healthy();
          const replacement = sampleReplacement({
            cards: models.cards,
            allowed: parseChatSettings(state.chatRow.settings).models,
            healthy,
            votes: new Map(),
            boostUnderVoted: false,
            exclude: [battle.modelAId, battle.modelBId],
            random,
          });
          if (replacement) {
            log.info({ battle: battle.id, side, failed: modelId, replacement, error: result.error }, 'model replaced after failing before any text');
            await store.swapModel(battle.id, side, replacement);
            modelId = replacement;
            if (side === 'a') battle.modelAId = replacement;
            else battle.modelBId = replacement;
            result = await generateSide(battle, state, side, modelId, historyFor(turns, side, modelId), show);
          }
        }
        turn.replies[side] = await store.saveReply(turn.id, side, {
          modelId,
          text: result.text,
          finishReason: result.finishReason,
          error: result.error,
          tokensIn: result.tokensIn,
          tokensOut: result.tokensOut,
          ttftMs: result.ttftMs,
          latencyMs: result.latencyMs,
        });
        const failed = FAILED.has(result.finishReason);
        show(failed ? { text: result.text, status: 'failed', error: result.error ?? result.finishReason } : { text: result.text, status: 'done' });
        return { side, result, failed };
      }),
    );

    const leaks = new Set(results.flatMap((r) => guard.scan(r.result.text)));
    if (leaks.size) {
      await store.flagIdentityLeak(battle.id, [...leaks]);
      battle.identityLeak = true;
      log.info({ battle: battle.id, terms: [...leaks] }, 'identity leak: battle excluded from rankings');
    }

    const failure = results.find((r) => r.failed);
    if (failure) {
      const reason =
        stopping || failure.result.finishReason === 'aborted'
          ? t('failure-stopped')
          : t('failure-model', { side: failure.side.toUpperCase(), error: failure.result.finishReason === 'timeout' ? t('failure-timeout') : (failure.result.error ?? failure.result.finishReason) });
      if (turn.index > 0 && battle.status === 'open') {
        // The conversation so far was complete and may already have votes: keep them, say the follow-up failed.
        log.warn({ battle: battle.id, turn: turn.index, reason }, 'follow-up failed; battle stays open');
        portFor(state.chat.platform).presenter.open(state.chat, { text: t('followup-failed', { reason }) });
        return true;
      }
      await failBattle(battle, state, reason, t);
      return false;
    }
    return true;
  };

  const failBattle = async (battle: BattleRow, state: LiveBattle, reason: string, t: Translate) => {
    await store.setStatus(battle.id, 'failed', { failure: reason, from: ['streaming', 'open'] });
    battle.status = 'failed';
    state.ballot?.set({ text: t('vote-failed') });
    const { presenter } = portFor(state.chat.platform);
    presenter.open(state.chat, { text: t('battle-failed', { reason }) });
    live.delete(battle.token);
  };

  // Perf (bench/engine.ts): the under-voted boost needs vote totals per model, two GROUP BYs over every battle; a
  // total a few seconds old samples just as well, so one query serves every battle started meanwhile.
  let voteCountsCache: { at: number; counts: Promise<Map<string, number>> } | undefined;
  const voteCounts = (): Promise<Map<string, number>> => {
    if (!config.battle.boostUnderVoted) return Promise.resolve(new Map());
    if (!voteCountsCache || Date.now() - voteCountsCache.at > 10_000) {
      const counts = store.voteCountsByModel();
      voteCountsCache = { at: Date.now(), counts };
      counts.catch(() => (voteCountsCache = undefined));
    }
    return voteCountsCache.counts;
  };

  const policyOf = (chatRow: ChatRow): RevealPolicy => revealPolicyFor(parseChatSettings(chatRow.settings), chatRow.kind, config);

  const ballotView = (battle: BattleRow, t: Translate, policy: RevealPolicy) =>
    ballotMessage(t, {
      token: battle.token,
      status: 'open',
      votes: battle.voteCount,
      closesAt: battle.closesAt,
      closeAfterVotes: policy.after === 'votes' ? policy.votes : undefined,
    });

  const openBallot = (battle: BattleRow, state: LiveBattle, t: Translate) => {
    const { presenter } = portFor(state.chat.platform);
    const previous = state.ballot;
    previous?.set(ballotMessage(t, { token: battle.token, status: 'moved', votes: battle.voteCount }));
    state.ballot = presenter.open(state.chat, ballotView(battle, t, policyOf(state.chatRow)), {
      onRef: (ref) => addRef(battle.id, state.chatRow.id, ref, 'ballot'),
    });
  };

  /** The language only labels the battle: failing to detect it must not stop one. */
  const languageOf = (text: string): Promise<string | null> =>
    detectLanguage(text).catch((error: unknown) => {
      log.warn({ err: error }, 'language detection failed');
      return null;
    });

  const startBattle = async (event: PromptEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings, text: string, pt: Translate): Promise<HandleResult> => {
    const t = chatT(chatRow, settings);
    const [healthy, votes] = await Promise.all([models.healthy(), config.battle.boostUnderVoted ? voteCounts() : Promise.resolve(new Map<string, number>())]);
    const pair = samplePair({ cards: models.cards, allowed: settings.models, healthy, votes, boostUnderVoted: config.battle.boostUnderVoted, random });
    if (!pair) {
      log.warn({ chat: chatRow.id, healthy: [...healthy] }, 'no pair of models available');
      return { notice: { text: pt('no-models') } };
    }
    // The battle and its first turn in one store call.
    const { battle, turn } = await store.startBattle(
      { token: newToken(), chatId: chatRow.id, initiatorId: user.id, modelAId: pair[0], modelBId: pair[1], mode: 'random', language: await languageOf(text) },
      text,
    );
    const state: LiveBattle = { chat: event.chat, chatRow, replies: new Map(), busy: true, abort: new AbortController(), turns: [turn] };
    live.set(battle.token, state);
    log.info({ battle: battle.id, chat: chatRow.id, a: pair[0], b: pair[1], language: battle.language }, 'battle started');
    try {
      if (!(await runTurn(battle, state, turn, event.messageRef, t))) return {};
      const policy = policyOf(chatRow);
      const closesAt = policy.after === 'minutes' ? new Date(Date.now() + policy.minutes * 60_000) : null;
      await store.setStatus(battle.id, 'open', { from: ['streaming'], closesAt });
      battle.status = 'open';
      battle.closesAt = closesAt;
      openBallot(battle, state, t);
      return {};
    } finally {
      state.busy = false;
    }
  };

  const continueBattle = async (event: PromptEvent, battle: BattleRow, chatRow: ChatRow, user: UserRow, settings: ChatSettings, text: string, pt: Translate): Promise<HandleResult> => {
    const t = chatT(chatRow, settings);
    if (battle.status !== 'open') return { notice: { text: pt('battle-not-open') } };
    const state: LiveBattle = live.get(battle.token) ?? { chat: event.chat, chatRow, replies: new Map(), busy: false, abort: new AbortController() };
    live.set(battle.token, state);
    if (state.busy) return { notice: { text: pt('vote-too-early') } };
    const turns = state.turns ?? (await store.getTurns(battle.id));
    if (turns.length >= config.battle.maxTurns) return { notice: { text: pt('battle-max-turns', { max: config.battle.maxTurns }) } };
    state.busy = true;
    try {
      const turn = await store.addTurn(battle.id, user.id, text);
      state.turns = [...turns, turn];
      if (!(await runTurn(battle, state, turn, event.messageRef, t))) return {};
      const fresh = (await store.getBattle(battle.id)) ?? battle;
      if (fresh.status === 'open') openBallot(fresh, state, t);
      return {};
    } finally {
      state.busy = false;
    }
  };

  const onPrompt = async (event: PromptEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> => {
    if (!event.addressed && settings.trigger !== 'all') return {};
    const pt = personT(event, chatRow, settings);
    if (!settings.enabled) return event.addressed ? { notice: { text: pt('arena-paused') } } : {};
    const text = event.text.trim();
    if (!text) return { notice: { text: pt('prompt-empty') } };
    if (text.length > config.battle.maxPromptChars) {
      return { notice: { text: pt('prompt-too-long', { length: text.length, max: config.battle.maxPromptChars }) } };
    }
    const battle = event.replyTo ? await battleOfMessage(chatRow.id, event.replyTo) : null;
    if (!battle || battle.status === 'open') {
      for (const [limiter, key, message] of [
        [userLimiter, user.id, 'rate-limited'],
        [chatLimiter, chatRow.id, 'chat-rate-limited'],
      ] as const) {
        try {
          await limiter.consume(key);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          log.info({ chat: chatRow.id, user: user.id, limit: message, seconds }, 'rate limited');
          return { notice: { text: pt(message, { seconds }) } };
        }
      }
    }
    if (battle) return continueBattle(event, battle, chatRow, user, settings, text, pt);
    return startBattle(event, chatRow, user, settings, text, pt);
  };

  // === Votes, reveals, reactions ========================================================================

  const revealFor = async (battle: BattleRow, t: Translate): Promise<string> => {
    // Perf (bench/engine.ts): a live battle already holds its turns and replies.
    const turns = live.get(battle.token)?.turns ?? (await store.getTurns(battle.id));
    const sideInfo = (side: Side, modelId: string) => ({
      card: cards.get(modelId),
      modelId,
      replies: turns.map((turn) => turn.replies[side]).filter((r) => r !== undefined),
    });
    return revealLines(t, { a: sideInfo('a', battle.modelAId), b: sideInfo('b', battle.modelBId) });
  };

  /** Both names in one line: fits a Telegram popup (200 characters) with the vote confirmation. */
  const shortReveal = (battle: BattleRow, t: Translate): string =>
    t('reveal-short', { a: modelName(t, cards.get(battle.modelAId), battle.modelAId), b: modelName(t, cards.get(battle.modelBId), battle.modelBId) });

  /** `known`: a caller that already holds the chat's row spares the store that read (bench/engine.ts). */
  const closeBattle = async (battle: BattleRow, known?: ChatRow): Promise<void> => {
    if (!(await store.setStatus(battle.id, 'closed', { from: ['open'] }))) return;
    const chatRow = known ?? (await store.getChat(battle.chatId));
    if (!chatRow) return;
    const entry = ports.get(chatRow.platform);
    log.info({ battle: battle.id, votes: battle.voteCount }, 'battle closed');
    if (!entry) {
      log.warn({ battle: battle.id, platform: chatRow.platform }, 'battle closed while its platform is not running: reveal not posted');
      return;
    }
    const settings = parseChatSettings(chatRow.settings);
    const t = chatT(chatRow, settings);
    const [tally, reveal] = await Promise.all([store.tally(battle.id), revealFor(battle, t)]);
    const votes = tally.a + tally.b + tally.tie + tally.both_bad;
    const message = ballotMessage(t, { token: battle.token, status: 'closed', votes, tally, reveal, leak: battle.identityLeak });
    const state = live.get(battle.token);
    if (state?.ballot) {
      state.ballot.set(message);
      // Name the models on the replies too, so the conversation reads well afterwards.
      for (const reply of state.replies.values()) {
        const modelId = reply.side === 'a' ? battle.modelAId : battle.modelBId;
        reply.live.set(replyMessage(t, { side: reply.side, state: reply.state, token: battle.token, turn: reply.turn, reactions: true, revealed: cards.get(modelId), modelId }));
      }
      live.delete(battle.token);
    } else {
      // Not in memory (e.g. after a restart): post the result instead of editing the ballot we no longer track.
      entry.presenter.open(chatAddressOf(chatRow), message);
    }
  };

  const onVote = async (action: Action & { kind: 'vote' }, battle: BattleRow, chatRow: ChatRow, user: UserRow, pt: Translate): Promise<HandleResult> => {
    if (battle.status === 'streaming') return { notice: { text: pt('vote-too-early') } };
    if (battle.status === 'failed') return { notice: { text: pt('vote-failed') } };
    if (battle.status === 'closed') {
      return { notice: { text: `${pt('vote-closed')}\n${shortReveal(battle, pt)}`, alert: true } };
    }
    const result = await store.castVote(battle.id, user.id, action.choice);
    if (result.status === 'not_open') {
      return { notice: { text: result.battleStatus === 'failed' ? pt('vote-failed') : pt('vote-closed') } };
    }
    const reveal = shortReveal(battle, pt);
    if (result.status === 'duplicate') {
      return { notice: { text: `${pt('vote-duplicate', { choice: pt(`choice-${result.choice}`) })}\n${reveal}`, alert: true } };
    }
    log.info({ battle: battle.id, voter: user.id, votes: result.voteCount }, 'vote counted');
    battle.voteCount = result.voteCount;
    // The event's chat row is the battle's (onAction refuses tokens from other chats) and settings changes refresh it.
    const policy = policyOf(chatRow);
    if (policy.after === 'votes' && result.voteCount >= policy.votes) {
      await closeBattle(battle, chatRow);
    } else {
      const state = live.get(battle.token);
      const settings = parseChatSettings(chatRow.settings);
      state?.ballot?.set(ballotView(battle, chatT(chatRow, settings), policy));
    }
    const counted = `${pt('vote-counted', { choice: pt(`choice-${action.choice}`) })}\n${reveal}`;
    const askWhy = chatRow.kind === 'private' || ports.get(chatRow.platform)?.port.limits.privateButtons === true;
    return {
      notice: askWhy
        ? { text: `${counted}\n${pt('vote-reasons-ask')}`, alert: true, buttons: voteReasonButtons(battle.token, action.choice, pt) }
        : { text: counted, alert: true },
    };
  };

  /** Optional "why": what made the preferred reply better, or what was wrong with both. */
  const voteReasonButtons = (token: string, choice: VoteChoice, pt: Translate) => {
    const reasons = choice === 'both_bad' ? NEGATIVE_REASONS : POSITIVE_REASONS;
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'voteReason', token, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const reasonButtons = (token: string, turn: number, side: Side, kind: 'like' | 'dislike', pt: Translate) => {
    const reasons = REASONS.filter((r) => (kind === 'like' ? ['useful', 'complete', 'creative', 'clear_formatting'] : ['incorrect', 'superficial', 'instructions_not_followed']).includes(r));
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'reason', token, turn, side, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const onReaction = async (action: Action & { kind: 'react' | 'reason' }, battle: BattleRow, user: UserRow, pt: Translate): Promise<HandleResult> => {
    if (battle.status === 'failed') return { notice: { text: pt('vote-failed') } };
    const reply = await store.getReply(battle.id, action.side, action.turn);
    if (!reply) return { notice: { text: pt('action-stale') } };
    if (action.kind === 'react') {
      await store.react(reply.id, user.id, action.reaction);
      return {
        notice: {
          text: pt('reaction-saved', { kind: action.reaction, side: action.side.toUpperCase() }),
          buttons: reasonButtons(battle.token, action.turn, action.side, action.reaction, pt),
        },
      };
    }
    const positive = ['useful', 'complete', 'creative', 'clear_formatting'].includes(action.reason);
    const existing = await store.getReaction(reply.id, user.id);
    const kind = positive ? 'like' : 'dislike';
    const reasons = existing && existing.kind === kind ? [...new Set([...existing.reasons, action.reason])] : [action.reason];
    await store.react(reply.id, user.id, kind, reasons);
    return { notice: { text: pt('reason-saved', { reason: pt(`reason-${action.reason}`) }) } };
  };

  const onAction = async (event: ActionEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> => {
    const pt = personT(event, chatRow, settings);
    const action = decodeAction(event.data);
    if (!action) {
      log.warn({ chat: chatRow.id, user: user.id, length: String(event.data).length }, 'malformed button data refused');
      return { notice: { text: pt('action-stale') } };
    }
    if (action.kind === 'setting') return onSetting(event, action, chatRow, settings, pt);
    const battle = await store.getBattleByToken(action.token);
    // A token from another chat is as good as forged: never act on it.
    if (!battle || battle.chatId !== chatRow.id) {
      log.warn({ chat: chatRow.id, user: user.id, kind: action.kind }, 'stale or forged battle token refused');
      return { notice: { text: pt('action-stale') } };
    }
    if (action.kind === 'vote') return onVote(action, battle, chatRow, user, pt);
    if (action.kind === 'voteReason') {
      const reasons = await store.addVoteReason(battle.id, user.id, action.reason);
      return { notice: { text: reasons ? pt('reason-saved', { reason: pt(`reason-${action.reason}`) }) : pt('vote-reason-no-vote') } };
    }
    return onReaction(action, battle, user, pt);
  };

  // === Commands and settings ============================================================================

  const isAdmin = async (event: PnyxEvent): Promise<boolean> => {
    if (event.chat.kind === 'private') return true;
    try {
      return (await event.isAdmin?.()) ?? false;
    } catch (error) {
      log.warn({ err: error, chat: event.chat.id }, 'admin check failed; treating as not admin');
      return false;
    }
  };

  const updateSettings = async (chatRow: ChatRow, settings: ChatSettings): Promise<ChatRow> => {
    const row = await store.updateChat(chatRow.id, { settings: JSON.stringify(settings) });
    chatCache.set(`${row.platform}\u0000${row.externalId}`, row);
    return row;
  };

  const onSetting = async (event: ActionEvent, action: Action & { kind: 'setting' }, chatRow: ChatRow, settings: ChatSettings, pt: Translate): Promise<HandleResult> => {
    if (!(await isAdmin(event))) return { notice: { text: pt('settings-admins-only') } };
    let row = chatRow;
    let next: ChatSettings | null = settings;
    if (action.key === 'lb') {
      // Leaderboard posts live in their own table (the scheduler reads it), not in the settings JSON.
      const value = action.value as SchedulePreset;
      if (value !== 'off' && !(value in SCHEDULE_PRESETS)) return { notice: { text: pt('action-stale') } };
      await store.setChatSchedule(chatRow.id, value === 'off' ? null : { cron: SCHEDULE_PRESETS[value], timezone: chatRow.timezone ?? 'UTC' });
    } else {
      next = applySetting(settings, action, models.cards);
      if (!next) return { notice: { text: pt(action.key === 'm' ? 'settings-models-minimum' : 'action-stale') } };
      row = await updateSettings(chatRow, next);
    }
    const t = chatT(row, next);
    if (event.messageRef) {
      const menu = renderSettings(t, next, row, config, models.cards, await store.chatSchedule(row.id));
      await portFor(event.chat.platform).port.edit(event.chat, event.messageRef, menu);
    }
    log.info({ chat: chatRow.id, key: action.key, value: action.value }, 'chat settings changed');
    return { notice: { text: pt('settings-saved') } };
  };

  const say = (event: PnyxEvent, text: string, image?: { png: Uint8Array; alt: string }) =>
    portFor(event.chat.platform).presenter.open(event.chat, { text, image }, { replyTo: event.messageRef }).settled();

  const onCommand = async (event: CommandEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> => {
    const pt = personT(event, chatRow, settings);
    const t = event.chat.kind === 'private' ? pt : chatT(chatRow, settings);
    switch (event.name) {
      case 'arena':
        return onPrompt({ ...event, type: 'prompt', text: event.args, addressed: true }, chatRow, user, settings);
      case 'start':
        await say(event, t('start-text'));
        return {};
      case 'help':
        await say(event, t('help-text'));
        return {};
      case 'privacy':
        await say(event, t('privacy-text'));
        return {};
      case 'settings': {
        if (!(await isAdmin(event))) return { notice: { text: pt('settings-admins-only') } };
        let row = chatRow;
        // `/settings timezone Europe/Paris`: the one setting a button cannot offer.
        const zone = event.args.trim().match(/^(?:tz|timezone)\s+(\S+)$/i)?.[1];
        if (event.args.trim() && !zone) return { notice: { text: pt('settings-usage') } };
        if (zone) {
          if (!isTimeZone(zone)) return { notice: { text: pt('settings-bad-timezone', { zone }) } };
          row = await store.updateChat(chatRow.id, { timezone: zone });
          chatCache.set(`${row.platform}\u0000${row.externalId}`, row);
          const schedule = await store.chatSchedule(row.id);
          if (schedule) await store.setChatSchedule(row.id, { ...schedule, timezone: zone });
        }
        const menu = renderSettings(t, settings, row, config, models.cards, await store.chatSchedule(row.id));
        await portFor(event.chat.platform).presenter.open(event.chat, menu, { replyTo: event.messageRef }).settled();
        return {};
      }
      case 'leaderboard': {
        if (!options.leaderboard) {
          await say(event, t('leaderboard-empty'));
          return {};
        }
        const board = await options.leaderboard.render({ chat: chatRow, t, locale: i18n.negotiate(settings.locale, chatRow.locale, config.locale) });
        await say(event, board.text, board.image);
        return {};
      }
    }
  };

  // === Lifecycle ========================================================================================

  const sweep = async () => {
    try {
      for (const battle of await store.dueBattles(new Date())) await closeBattle(battle);
    } catch (error) {
      log.error({ err: error }, 'closing overdue battles failed');
    }
  };

  return {
    attach(port) {
      ports.set(port.platform, { port, presenter: createPresenter(port, log) });
    },

    async handle(event) {
      if (stopping) return {};
      const work = (async (): Promise<HandleResult> => {
        const chatRow = await chatOf(event.chat);
        const user = await userOf(event);
        const settings = parseChatSettings(chatRow.settings);
        switch (event.type) {
          case 'prompt':
            return onPrompt(event, chatRow, user, settings);
          case 'action':
            return onAction(event, chatRow, user, settings);
          case 'command':
            return onCommand(event, chatRow, user, settings);
        }
      })();
      try {
        return await track(work);
      } catch (error) {
        // Wrap once, handle once: the person learns something went wrong, the log has the event.
        log.error({ err: error, type: event.type, platform: event.chat.platform, chat: event.chat.id }, 'event handling failed');
        const t = i18n.t(i18n.negotiate(event.from.locale, config.locale));
        return { notice: { text: t('battle-failed', { reason: t('failure-model', { side: '?', error: 'internal error' }) }) } };
      }
    },

    async postLeaderboard(chatId, postOptions = {}) {
      const chatRow = await store.getChat(chatId);
      const entry = chatRow && ports.get(chatRow.platform);
      if (!chatRow || !entry || !options.leaderboard || !chatRow.enabled) return false;
      const settings = parseChatSettings(chatRow.settings);
      const locale = i18n.negotiate(settings.locale, chatRow.locale, config.locale);
      const board = await options.leaderboard.render({ chat: chatRow, t: i18n.t(locale), locale, campaign: postOptions.campaign });
      const message = entry.presenter.open(chatAddressOf(chatRow), { text: board.text, image: board.image });
      await message.settled();
      return !message.error && message.refs.length > 0;
    },

    async start() {
      stopping = false;
      for (const battle of await store.battlesInStatus('streaming')) {
        const chatRow = await store.getChat(battle.chatId);
        const t = chatRow ? chatT(chatRow, parseChatSettings(chatRow.settings)) : i18n.t(config.locale);
        await store.setStatus(battle.id, 'failed', { from: ['streaming'], failure: t('failure-restart') });
        log.warn({ battle: battle.id }, 'battle interrupted by a restart marked failed');
        const entry = chatRow && ports.get(chatRow.platform);
        if (entry && chatRow) entry.presenter.open(chatAddressOf(chatRow), { text: t('battle-interrupted') });
      }
      await sweep();
      sweepTimer = setInterval(() => void sweep(), options.sweepMs ?? 2_000);
      sweepTimer.unref();
    },

    async stop() {
      stopping = true;
      if (sweepTimer) clearInterval(sweepTimer);
      for (const state of live.values()) state.abort.abort();
      await Promise.allSettled([...inFlight]);
      await Promise.all([...ports.values()].map(({ presenter }) => presenter.drain()));
      // Messages sent while draining hand back their refs last.
      await flushRefs();
    },
  };
}

export { modelName };
