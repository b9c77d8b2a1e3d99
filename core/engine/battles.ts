// Battles: choosing the pair, where the battle is shown (under the prompt, in a thread), follow-ups and the ballot; the
// turns themselves are turns.ts. Each entry point is split at the acknowledgement: what must be decided before the
// person is answered (the pair, the stored battle, a refusal) runs in the event's chain; generation and streaming run
// afterwards as the event's work.
import { randomBytes } from 'node:crypto';
import { parseChatSettings, revealPolicyFor } from '../config/chat-settings';
import type { RevealPolicy } from '../config/schema';
import type { Translate } from '../i18n';
import { metrics } from '../metrics';
import type { PromptEvent } from '../port/types';
import type { BattleRow, ChatRow, TurnRow } from '../store/types';
import { type ArenaContext, type LiveBattle } from './context';
import type { EventContext } from './event-context';
import { createCategorizer } from './categories';
import { POSTS_PER_BATTLE } from './chat-slots';
import { deliveryKey } from './deliveries';
import { createIdentityGuard } from './identity-guard';
import { detectLanguage, isAcceptedLanguage } from './language';
import { languageHint } from './language-gate';
import type { LiveBattles } from './live';
import type { MessageRefs } from './message-refs';
import { samplePair } from './sampling';
import { failBattle as failBattleOf, runTurn as runTurnOf, type TurnDeps } from './turns';
import { ballotMessage, promptEcho } from './views';

function newToken(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Longest name of a battle's thread (the prompt's beginning); platforms cap thread names near 100. */
const THREAD_NAME_CHARS = 80;

export function createBattles(ctx: ArenaContext, refs: MessageRefs, lives: LiveBattles) {
  const { store, models, config, log, live, random, portFor } = ctx;
  const { addRef } = refs;
  const turnDeps: TurnDeps = { ctx, refs, guard: createIdentityGuard(models.cards, config.battle.identityTerms) };
  const categorize = createCategorizer(ctx);
  // Shared by every process of the deployment when they share state (core/cluster).
  const slots = ctx.shared.slots;
  const runTurn = (battle: BattleRow, state: LiveBattle, turn: TurnRow, replyTo: string | undefined, t: Translate) => runTurnOf(turnDeps, battle, state, turn, replyTo, t);
  const failBattle = (battle: BattleRow, state: LiveBattle, reason: string, t: Translate) => failBattleOf(ctx, battle, state, reason, t);

  const lease = () => ({ owner: ctx.instance, until: new Date(Date.now() + ctx.leaseMs) });

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

  /** Shows the ballot under the newest turn; the previous one (if any) points down to it. */
  const openBallot = (battle: BattleRow, state: LiveBattle, turn: number, t: Translate) => {
    const { presenter } = portFor(state.chat.platform);
    state.ballot?.set(ballotMessage(t, { token: battle.token, status: 'moved', votes: battle.voteCount }));
    state.ballot = presenter.open(state.chat, ballotView(battle, t, policyOf(state.chatRow)), {
      onRef: (ref, part) => {
        addRef({ battleId: battle.id, chatId: state.chatRow.id, ref, role: 'ballot', turn, part });
        // Stored at once, not in the next batch: a process dying after the ballot went out but before its ref is stored
        // would have another process post a second one (showMissingBallot). The post itself cannot be undone.
        void refs.flushRefs();
      },
    });
  };

  /** The language only labels the battle: failing to detect it must not stop one. */
  const languageOf = (text: string): Promise<string | null> =>
    detectLanguage(text).catch((error: unknown) => {
      log.warn({ err: error }, 'language detection failed');
      return null;
    });

  /** Where the replies go: under the prompt (posting it first when the platform does not show it), in a thread of their own where the chat wants one. */
  const placeBattle = async (ec: EventContext<PromptEvent>, battle: BattleRow, state: LiveBattle, text: string): Promise<string | undefined> => {
    const { event } = ec;
    const { port, presenter } = portFor(event.chat.platform);
    let anchor = event.messageRef;
    if (event.hidden || !anchor) {
      const echo = presenter.open(event.chat, promptEcho(ec.t, event.from.displayName ?? '', text), {
        answering: event.delivery,
        onRef: (ref, part) => addRef({ battleId: battle.id, chatId: state.chatRow.id, ref, role: 'prompt', turn: 0, part }),
      });
      await echo.settled();
      anchor = echo.refs[0];
    }
    const layout = ec.settings.layout ?? (event.chat.kind === 'group' ? 'thread' : 'inline');
    if (port.limits.threads && port.openThread && layout === 'thread' && event.chat.kind === 'group' && !event.chat.thread && anchor) {
      try {
        const name = text.replace(/\s+/g, ' ').trim().slice(0, THREAD_NAME_CHARS) || battle.token;
        const thread = await port.openThread(event.chat, anchor, name);
        // null: the platform cannot open one here and has told the person why; the battle stays inline.
        if (thread !== null) {
          state.chat = { ...event.chat, thread };
          await store.setThread(battle.id, thread);
          return undefined;
        }
      } catch (error) {
        // A chat where threads cannot be opened (permissions, a thread already there) still gets its battle, inline.
        log.warn({ err: error, battle: battle.id, chat: state.chatRow.id }, 'battle thread could not be opened; replying inline');
      }
    } else if (event.chat.thread) {
      // Started inside a thread or topic: remember it, so a process that rebuilds the battle posts there too.
      await store.setThread(battle.id, event.chat.thread);
    }
    return anchor;
  };

  const firstTurn = async (ec: EventContext<PromptEvent>, battle: BattleRow, state: LiveBattle, turn: TurnRow, text: string, startedAt: number) => {
    const t = ec.t;
    const replyTo = await placeBattle(ec, battle, state, text);
    if (!(await runTurn(battle, state, turn, replyTo, t))) return;
    const policy = policyOf(state.chatRow);
    const closesAt = policy.after === 'minutes' ? new Date(Date.now() + policy.minutes * 60_000) : null;
    // The lease is kept until the ballot is shown: found by the chaos test (test/chaos.test.ts), a process SIGKILLed
    // between opening the battle and posting its ballot (which waits its turn in a busy chat) left the battle open
    // with no ballot for good. Its lease lapsing now lets another process post the ballot (showMissingBallot).
    if (!(await store.setStatus(battle.id, 'open', { from: ['streaming'], closesAt }))) {
      // Another process reaped this battle (this one stalled past its lease): it told the chat; stop here.
      log.warn({ battle: battle.id }, 'battle was taken over before its ballot; not opening it');
      live.delete(battle.token);
      return;
    }
    battle.status = 'open';
    battle.closesAt = closesAt;
    // Closed at its deadline by whichever process runs the job; the sweep closes it too if the job is lost.
    if (closesAt) void ctx.jobs.closeAt(battle.id, closesAt);
    try {
      openBallot(battle, state, 0, t);
      await ballotShown(state);
      metrics.timeToBallot((performance.now() - startedAt) / 1000);
    } finally {
      await store.releaseBattle(battle.id, ctx.instance);
    }
  };

  /** The ballot posted and its ref stored (a process taking the battle over then finds it). */
  const ballotShown = async (state: LiveBattle) => {
    await state.ballot?.settled();
    await refs.flushRefs();
  };

  /**
   * An open battle whose process died (its lease lapsed) after the last turn's replies were done but before its ballot
   * was shown: the ballot, once (the reaper is one process). False when the last turn did not finish (an interrupted
   * follow-up, told as such by the caller).
   */
  const showMissingBallot = async (battle: BattleRow): Promise<boolean> => {
    const turns = await store.getTurns(battle.id);
    const last = turns.at(-1);
    if (!last || !last.replies.a?.finishReason || !last.replies.b?.finishReason) return false;
    if ((await refs.refsOf(battle.id)).some((r) => r.role === 'ballot' && (r.turn ?? 0) === last.index)) return true;
    const chatRow = await store.getChat(battle.chatId);
    const state = chatRow ? await lives.liveOf(battle, chatRow) : null;
    if (!chatRow || !state) return true;
    log.warn({ battle: battle.id, turn: last.index }, 'ballot of a battle whose process is gone shown');
    openBallot(battle, state, last.index, ctx.chatT(chatRow, parseChatSettings(chatRow.settings)));
    await ballotShown(state);
    return true;
  };

  /**
   * A battle whose process died mid-generation, its lease taken over by this process (leases.ts): the unfinished turn
   * runs again, into the messages that process posted (a side it had finished is kept), then the ballot is shown as
   * that process would have. False when the battle cannot be shown here (its chat or platform is gone).
   */
  const resumeBattle = async (battle: BattleRow): Promise<boolean> => {
    const chatRow = await store.getChat(battle.chatId);
    // Rebuilt from the database: a copy held from before (a vote on an earlier turn) lacks the unfinished turn's messages.
    live.delete(battle.token);
    const state = chatRow ? await lives.liveOf(battle, chatRow) : null;
    if (!chatRow || !state) return false;
    const turns = await store.getTurns(battle.id);
    const turn = turns.at(-1);
    if (!turn) return false;
    state.turns = turns;
    state.resumed = true;
    live.set(battle.token, state);
    const t = ctx.chatT(chatRow, parseChatSettings(chatRow.settings));
    log.warn({ battle: battle.id, turn: turn.index, resumes: battle.resumes + 1 }, 'battle of a process that is gone resumed here');
    try {
      if (!(await runTurn(battle, state, turn, undefined, t))) return true;
      if (battle.status === 'streaming') {
        const policy = policyOf(chatRow);
        const closesAt = policy.after === 'minutes' ? new Date(Date.now() + policy.minutes * 60_000) : null;
        if (!(await store.setStatus(battle.id, 'open', { from: ['streaming'], closesAt }))) return true;
        battle.status = 'open';
        battle.closesAt = closesAt;
        if (closesAt) void ctx.jobs.closeAt(battle.id, closesAt);
      }
      const fresh = (await store.getBattle(battle.id)) ?? battle;
      if (fresh.status === 'open') {
        openBallot(fresh, state, turn.index, t);
        await ballotShown(state);
      }
      return true;
    } finally {
      state.resumed = false;
      await store.releaseBattle(battle.id, ctx.instance);
    }
  };

  /** Acknowledged part of a new battle: the pair, the stored battle; the turn streams as the event's work. */
  const start = async (ec: EventContext<PromptEvent>, text: string, extra: { topic?: string } = {}): Promise<void> => {
    const delivery = deliveryKey(ec.event);
    if (ec.replay) {
      // A process took this prompt and died. If it had stored the battle, that battle carries on without a second one:
      // the process that reaps its lease fails it and tells the chat (a battle that was past its first turn goes on).
      const started = await store.getBattleByDelivery(delivery);
      if (started) {
        log.warn({ battle: started.id, status: started.status, delivery }, 'prompt handled again after a crash: its battle already exists');
        return;
      }
    }
    const startedAt = performance.now();
    // All at once: the acknowledgement waits for them.
    const [language, healthy, votes, setup] = await Promise.all([languageOf(text), models.healthy(), voteCounts(), ctx.features?.setupFor(ec.chatRow, ec.settings)]);
    const accepted = setup?.languages ?? ec.settings.languages;
    if (!isAcceptedLanguage(accepted, language)) {
      log.info({ chat: ec.chatRow.id, language, accepted, campaign: setup?.campaignId ?? null }, 'prompt outside the chat\'s languages: hint, no battle');
      ec.notice(languageHint(ec.pt, ec.personLocale, accepted, language!));
      return;
    }
    // A campaign (or the chat's battle mode) chooses the pair; plain chats draw it as always.
    const sampling = { cards: models.cards, allowed: setup ? setup.allowed : ec.settings.models, healthy, votes, boostUnderVoted: config.battle.boostUnderVoted, random };
    const chosen = setup ? setup.choose(sampling) : null;
    const pair = setup ? (chosen?.pair ?? null) : samplePair(sampling);
    if (!pair) {
      log.warn({ chat: ec.chatRow.id, healthy: [...healthy] }, 'no pair of models available');
      ec.notice(ec.pt('no-models'));
      return;
    }
    const categories = categorize.atStart(text);
    // The battle and its first turn in one store call, with this process's lease on it.
    const { battle, turn } = await store.startBattle(
      {
        token: newToken(),
        chatId: ec.chatRow.id,
        initiatorId: ec.user.id,
        modelAId: pair[0],
        modelBId: pair[1],
        mode: chosen?.mode ?? 'random',
        language,
        campaignId: setup?.campaignId ?? null,
        ...(extra.topic ? { topic: extra.topic } : {}),
        ...(chosen?.stances ? { stanceA: chosen.stances[0], stanceB: chosen.stances[1] } : {}),
        lease: lease(),
        delivery,
        ...(categories ? { categories } : {}),
        // An adapter whose people are not accountable (anonymous browsers) keeps its battles off the shared rankings.
        ...(portFor(ec.event.chat.platform).port.countsInRankings === false ? { ranked: false } : {}),
      },
      text,
    );
    const state: LiveBattle = { chat: ec.event.chat, chatRow: ec.chatRow, replies: new Map(), turns: [turn], adopted: false };
    live.set(battle.token, state);
    log.info({ battle: battle.id, chat: ec.chatRow.id, a: pair[0], b: pair[1], language: battle.language, mode: battle.mode, ...(battle.campaignId ? { campaign: battle.campaignId } : {}) }, 'battle started');
    metrics.battleStarted();
    // Where the platform limits a chat's messages, battles take turns; the person learns their place in line.
    const capacity = slotsFor(ec);
    const place = await slots.enter(ec.chatRow.id, capacity);
    if (place.ahead > 0) ec.speedNotice(ec.pt('battle-queued', { ahead: place.ahead }), 'chat');
    ec.work('battle', async () => {
      await place.turn();
      try {
        await firstTurn(ec, battle, state, turn, text, startedAt);
      } catch (error) {
        log.error({ err: error, battle: battle.id }, 'battle failed unexpectedly');
        await failBattle(battle, state, ec.t('failure-internal'), ec.t).catch(() => undefined);
      } finally {
        place.free();
      }
    });
  };

  /** Battles a chat runs at once: as many as its message budget allows, or any number without one. */
  const slotsFor = (ec: EventContext): number => {
    const budget = portFor(ec.event.chat.platform).port.limits.budget;
    if (!budget) return Infinity;
    return Math.max(1, Math.floor(budget[ec.chatRow.kind] / POSTS_PER_BATTLE));
  };

  /** Acknowledged part of a follow-up: the battle's lease (one follow-up at a time, across processes) and the turn. */
  const continueBattle = async (ec: EventContext<PromptEvent>, battle: BattleRow, text: string): Promise<void> => {
    if (battle.status !== 'open') {
      ec.notice(ec.pt(battle.status === 'streaming' ? 'vote-too-early' : 'battle-not-open'));
      return;
    }
    // Whoever voted has seen the names (the vote's answer reveals them): they may no longer steer the blind conversation.
    if (await store.getVote(battle.id, ec.user.id)) {
      ec.notice(ec.pt('followup-after-reveal'));
      return;
    }
    const turns = await lives.turnsOf(battle);
    if (turns.length >= config.battle.maxTurns) {
      ec.notice(ec.pt('battle-max-turns', { max: config.battle.maxTurns }));
      return;
    }
    if (!(await store.claimBattle(battle.id, lease(), ['open'], new Date()))) {
      ec.notice(ec.pt('vote-too-early'));
      return;
    }
    let turn: TurnRow;
    try {
      turn = await store.addTurn(battle.id, ec.user.id, text);
    } catch (error) {
      await store.releaseBattle(battle.id, ctx.instance);
      throw error;
    }
    const state: LiveBattle = (await lives.liveOf(battle, ec.chatRow)) ?? { chat: ec.event.chat, chatRow: ec.chatRow, replies: new Map(), adopted: false };
    state.turns = [...turns, turn];
    const t = ec.t;
    // Inside the battle's own thread the follow-up is answered there; a reply from elsewhere is answered in the thread.
    const replyTo = state.chat.thread === ec.event.chat.thread ? ec.event.messageRef : undefined;
    ec.work('follow-up', async () => {
      try {
        if (!(await runTurn(battle, state, turn, replyTo, t))) return;
        const fresh = (await store.getBattle(battle.id)) ?? battle;
        if (fresh.status === 'open') {
          openBallot(fresh, state, turn.index, t);
          // Still leased: a process dying before the ballot shows leaves it to showMissingBallot.
          await ballotShown(state);
        }
        await categorize.afterTurn(battle, state.turns ?? []);
      } finally {
        await store.releaseBattle(battle.id, ctx.instance);
      }
    });
  };

  return { start, continueBattle, policyOf, ballotView, failBattle, showMissingBallot, resumeBattle };
}

export type Battles = ReturnType<typeof createBattles>;
