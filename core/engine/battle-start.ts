// A new battle, split at the acknowledgement: the pair and the stored battle (or a refusal) are decided in the event's
// chain; the first turn, its placement and its ballot run afterwards as the event's work, in the chat's turn.
import { metrics } from '../metrics';
import type { PromptEvent } from '../port/types';
import { randomToken } from '../store/ids';
import type { BattleRow, TurnRow } from '../store/types';
import { ballotShown, openBallot, openForVotes } from './battle-ballot';
import { placeBattle } from './battle-placement';
import type { BattleDeps } from './battles';
import { POSTS_PER_BATTLE } from './chat-slots';
import { type ArenaContext, type LiveBattle } from './context';
import { deliveryKey } from './deliveries';
import { leaseFor } from './leases';
import type { EventContext } from './event-context';
import { failBattle, runTurn } from './turns';

/** A battle's button token: no look-alike characters (0/O, 1/l/I), as people may read or type it. */
const newToken = () => randomToken(10, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789');

/** Battles a chat runs at once: as many as its message budget allows, or any number without one. */
function slotsFor(ctx: ArenaContext, ec: EventContext): number {
  const budget = ctx.portFor(ec.event.chat.platform).port.limits.budget;
  if (!budget) return Infinity;
  return Math.max(1, Math.floor(budget[ec.chatRow.kind] / POSTS_PER_BATTLE));
}

async function firstTurn(deps: BattleDeps, ec: EventContext<PromptEvent>, battle: BattleRow, state: LiveBattle, turn: TurnRow, text: string, startedAt: number) {
  const { ctx } = deps;
  const { store, log, live } = ctx;
  const t = ec.t;
  const replyTo = await placeBattle(deps, ec, battle, state, text);
  if (!(await runTurn(deps.turns, battle, state, turn, replyTo, t))) return;
  // The lease is kept until the ballot is shown: found by the chaos test (test/chaos.test.ts), a process SIGKILLed
  // between opening the battle and posting its ballot (which waits its turn in a busy chat) left the battle open
  // with no ballot for good. Its lease lapsing now lets another process post the ballot (showMissingBallot).
  if (!(await openForVotes(ctx, battle, state.chatRow))) {
    // Another process reaped this battle (this one stalled past its lease): it told the chat; stop here.
    log.warn({ battle: battle.id }, 'battle was taken over before its ballot; not opening it');
    live.delete(battle.token);
    return;
  }
  try {
    openBallot(deps, battle, state, 0, t);
    await ballotShown(deps, state);
    metrics.timeToBallot((performance.now() - startedAt) / 1000);
  } finally {
    await store.releaseBattle(battle.id, ctx.instance);
  }
}

/** Acknowledged part of a new battle: the pair, the stored battle; the turn streams as the event's work. */
export async function startBattle(deps: BattleDeps, ec: EventContext<PromptEvent>, text: string, extra: { topic?: string } = {}): Promise<void> {
  const { ctx } = deps;
  const { store, log, live } = ctx;
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
  const choice = await deps.choosePair(ec, text);
  if (!choice) return;
  const { language, setup, chosen, pair } = choice;
  const categories = deps.categorize.atStart(text);
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
      lease: leaseFor(ctx),
      delivery,
      ...(categories ? { categories } : {}),
      // An adapter whose people are not accountable (anonymous browsers) keeps its battles off the shared rankings.
      ...(ctx.portFor(ec.event.chat.platform).port.countsInRankings === false ? { ranked: false } : {}),
    },
    text,
  );
  const state: LiveBattle = { chat: ec.event.chat, chatRow: ec.chatRow, replies: new Map(), turns: [turn], adopted: false };
  live.set(battle.token, state);
  log.info({ battle: battle.id, chat: ec.chatRow.id, a: pair[0], b: pair[1], language: battle.language, mode: battle.mode, ...(battle.campaignId ? { campaign: battle.campaignId } : {}) }, 'battle started');
  metrics.battleStarted();
  // Where the platform limits a chat's messages, battles take turns; the person learns their place in line.
  const capacity = slotsFor(ctx, ec);
  // Shared by every process of the deployment when they share state (core/cluster).
  const place = await ctx.shared.slots.enter(ec.chatRow.id, capacity);
  if (place.ahead > 0) ec.speedNotice(ec.pt('battle-queued', { ahead: place.ahead }), 'chat');
  ec.work('battle', async () => {
    await place.turn();
    try {
      await firstTurn(deps, ec, battle, state, turn, text, startedAt);
    } catch (error) {
      log.error({ err: error, battle: battle.id }, 'battle failed unexpectedly');
      await failBattle(ctx, battle, state, ec.t('failure-internal'), ec.t).catch(() => undefined);
    } finally {
      place.free();
    }
  });
}
