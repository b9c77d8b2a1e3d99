// Battles: choosing the pair, streaming both replies turn by turn, follow-ups, failures, and the ballot.
import { randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { parseChatSettings, revealPolicyFor, type ChatSettings } from '../config/chat-settings';
import type { RevealPolicy } from '../config/schema';
import type { Translate } from '../i18n';
import type { LiveMessage } from '../port/live';
import type { HandleResult, PromptEvent, Side } from '../port/types';
import type { ChatMessage, GenerateResult } from '../providers/types';
import type { BattleRow, ChatRow, TurnRow, UserRow } from '../store/types';
import { FAILED, SIDES, type ArenaContext, type LiveBattle } from './context';
import { createIdentityGuard } from './identity-guard';
import { detectLanguage } from './language';
import type { MessageRefs } from './message-refs';
import { samplePair, sampleReplacement } from './sampling';
import { ballotMessage, replyMessage, type ReplyState } from './views';

function newToken(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function createBattles(ctx: ArenaContext, refs: MessageRefs) {
  const { store, models, config, log, live, random, portFor, chatT, personT } = ctx;
  const { addRef, battleOfMessage } = refs;
  const guard = createIdentityGuard(models.cards, config.battle.identityTerms);
  const userLimiter = new RateLimiterMemory({ points: config.battle.perUserPerMinute, duration: 60 });
  const chatLimiter = new RateLimiterMemory({ points: config.battle.perChatPerMinute, duration: 60 });

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
        signal: ctx.generations.signal,
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
        if (FAILED.has(result.finishReason) && !result.text.trim() && turn.index === 0 && !ctx.generations.signal.aborted) {
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
            try {
              ctx.onModelReplaced?.({ battleId: battle.id, side, failed: modelId, error: result.error ?? result.finishReason, replacement });
            } catch (error) {
              log.warn({ err: error }, 'model replacement observer threw');
            }
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
        ctx.stopping || failure.result.finishReason === 'aborted'
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
    const state: LiveBattle = { chat: event.chat, chatRow, replies: new Map(), busy: true, turns: [turn] };
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
    const state: LiveBattle = live.get(battle.token) ?? { chat: event.chat, chatRow, replies: new Map(), busy: false };
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

  return { onPrompt, policyOf, ballotView };
}

export type Battles = ReturnType<typeof createBattles>;
