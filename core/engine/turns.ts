// One turn of a battle: both models answer the conversation so far, each streaming into its own message; the replies
// are stored, an identity leak flags the battle, a model that fails before writing anything is swapped once (first
// turn only), and a failure ends the battle or, for a follow-up, just that turn.
import { parseChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import { errorKindOf, metrics } from '../metrics';
import type { Side } from '../port/types';
import type { ChatMessage, GenerateResult } from '../providers/types';
import type { BattleRow, TurnRow } from '../store/types';
import { FAILED, SIDES, type ArenaContext, type LiveBattle, type LiveReply } from './context';
import type { IdentityGuard } from './identity-guard';
import type { MessageRefs } from './message-refs';
import { replyEnergy } from '../energy/ecologits';
import { sampleReplacement } from './sampling';
import { modelName, replyMessage, type ReplyState } from './views';

export interface TurnDeps {
  ctx: ArenaContext;
  refs: MessageRefs;
  guard: IdentityGuard;
}

/** What one side has said so far, as the model's conversation. */
export function historyFor(ctx: ArenaContext, turns: TurnRow[], side: Side, modelId: string, stance?: string | null): ChatMessage[] {
  const messages: ChatMessage[] = [];
  // A diverse battle's side answers under its stance (core/engine/modes.ts), after the model's own instructions.
  const own = ctx.config.models.find((m) => m.id === modelId)?.systemPrompt;
  const system = [own, stance].filter(Boolean).join('\n\n');
  if (system) messages.push({ role: 'system', content: system });
  for (const turn of turns) {
    // A follow-up that failed on either side is left out for both, so the pair keeps answering the same history.
    if (SIDES.some((s) => FAILED.has(turn.replies[s]?.finishReason ?? ''))) continue;
    messages.push({ role: 'user', content: turn.prompt });
    const reply = turn.replies[side];
    if (reply?.text) messages.push({ role: 'assistant', content: reply.text });
  }
  return messages;
}

async function generateSide(ctx: ArenaContext, battle: BattleRow, side: Side, modelId: string, history: ChatMessage[], show: (s: ReplyState) => void): Promise<GenerateResult> {
  const cfg = ctx.config.models.find((m) => m.id === modelId);
  let text = '';
  show({ text: '', status: 'waiting' });
  try {
    return await ctx.models.client(modelId).generate({
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
    ctx.log.error({ err: error, battle: battle.id, side, model: modelId }, 'model client threw');
    return { text, finishReason: 'error', error: 'internal error', latencyMs: 0 };
  }
}

/** A model that fails before producing any text is replaced once, transparently, on the first turn only. */
async function replaceFailed(ctx: ArenaContext, battle: BattleRow, state: LiveBattle, side: Side, failed: string, error: string): Promise<string | null> {
  const healthy = await ctx.models.healthy();
  const replacement = sampleReplacement({
    cards: ctx.models.cards,
    allowed: parseChatSettings(state.chatRow.settings).models,
    healthy,
    votes: new Map(),
    boostUnderVoted: false,
    exclude: [battle.modelAId, battle.modelBId],
    random: ctx.random,
  });
  if (!replacement) return null;
  ctx.log.info({ battle: battle.id, side, failed, replacement, error }, 'model replaced after failing before any text');
  try {
    ctx.onModelReplaced?.({ battleId: battle.id, side, failed, error, replacement });
  } catch (observerError) {
    ctx.log.warn({ err: observerError }, 'model replacement observer threw');
  }
  await ctx.store.swapModel(battle.id, side, replacement);
  if (side === 'a') battle.modelAId = replacement;
  else battle.modelBId = replacement;
  return replacement;
}

/** Streams one side of a turn into its message and stores the reply. */
async function runSide(deps: TurnDeps, battle: BattleRow, state: LiveBattle, turn: TurnRow, turns: TurnRow[], side: Side, replyTo: string | undefined, t: Translate) {
  const { ctx, refs } = deps;
  const { presenter } = ctx.portFor(state.chat.platform);
  const entry: LiveReply = { side, turn: turn.index, state: { text: '', status: 'waiting' }, live: undefined as unknown as LiveReply['live'] };
  const view = () => replyMessage(t, { side, state: entry.state, token: battle.token, turn: turn.index, reactions: true });
  // A turn taken over from a dead process streams into the messages that process posted (found in the database).
  const posted = state.resumed ? state.replies.get(`${turn.index}:${side}`)?.live : undefined;
  entry.live =
    posted ??
    presenter.open(state.chat, view(), {
      ...(replyTo ? { replyTo } : {}),
      onRef: (ref, part) => {
        refs.addRef({ battleId: battle.id, chatId: state.chatRow.id, ref, role: side, turn: turn.index, part });
        // The first part's ref is stored at once (not in the next batch): a process taking the turn over after this one
        // died then edits this message rather than posting a second one.
        if (part === 0) void refs.flushRefs();
      },
    });
  state.replies.set(`${turn.index}:${side}`, entry);
  const show = (s: ReplyState) => {
    entry.state = s;
    entry.live.set(view());
  };
  const saved = turn.replies[side];
  if (saved?.finishReason) {
    // Finished and stored before its process died: shown as it was, not asked again.
    const failed = FAILED.has(saved.finishReason);
    show(failed ? { text: saved.text, status: 'failed', error: t('failure-kind', { kind: 'internal' }) } : { text: saved.text, status: 'done' });
    return { side, result: { text: saved.text, finishReason: saved.finishReason, ...(saved.error ? { error: saved.error } : {}), latencyMs: 0 } as GenerateResult, failed };
  }

  let modelId = side === 'a' ? battle.modelAId : battle.modelBId;
  const stance = battle.stanceA || battle.stanceB ? await ctx.features?.stancePrompt(battle, side) : null;
  let result = await generateSide(ctx, battle, side, modelId, historyFor(ctx, turns, side, modelId, stance), show);
  if (FAILED.has(result.finishReason) && !result.text.trim() && turn.index === 0 && !ctx.generations.signal.aborted) {
    const replacement = await replaceFailed(ctx, battle, state, side, modelId, result.error ?? result.finishReason);
    if (replacement) {
      modelId = replacement;
      result = await generateSide(ctx, battle, side, modelId, historyFor(ctx, turns, side, modelId, stance), show);
    }
  }
  const costUsd = ctx.spend.record(state.chatRow, modelId, result.tokensIn, result.tokensOut);
  // Energy is estimated from the card's parameter counts and the tokens generated; none without either.
  const energy = replyEnergy(ctx.cards.get(modelId), result.tokensOut);
  turn.replies[side] = await ctx.store.saveReply(turn.id, side, {
    modelId,
    ...(costUsd !== undefined ? { costUsd } : {}),
    ...(energy ? { energy } : {}),
    text: result.text,
    finishReason: result.finishReason,
    error: result.error,
    tokensIn: result.tokensIn,
    tokensOut: result.tokensOut,
    ttftMs: result.ttftMs,
    latencyMs: result.latencyMs,
  });
  const failed = FAILED.has(result.finishReason);
  // The reply says what went wrong in a category people understand; the provider's own words are in the log.
  show(failed ? { text: result.text, status: 'failed', error: result.finishReason === 'aborted' ? t('failure-stopped') : t('failure-kind', { kind: errorKindOf(result) ?? 'internal' }) } : { text: result.text, status: 'done' });
  return { side, result, failed };
}

/**
 * What people read about a failed reply: the model (only when the battle fails: a follow-up's battle stays blind) and
 * a category in their language. The provider's own words, hosts included, go to the log only.
 */
function failureReason(ctx: ArenaContext, battle: BattleRow, failure: { side: Side; result: GenerateResult }, followUp: boolean, t: Translate): string {
  const { result } = failure;
  if (ctx.stopping || result.finishReason === 'aborted') return t('failure-stopped');
  const kind = errorKindOf(result) ?? 'internal';
  const modelId = failure.side === 'a' ? battle.modelAId : battle.modelBId;
  ctx.log.warn({ battle: battle.id, side: failure.side, model: modelId, kind, error: result.error }, 'a reply failed');
  const model = followUp ? t('failure-side', { side: failure.side.toUpperCase() }) : modelName(t, ctx.cards.get(modelId), modelId);
  return t('failure-model-kind', { model, kind });
}

/** Marks the battle failed and says so in its chat. */
export async function failBattle(ctx: ArenaContext, battle: BattleRow, state: LiveBattle, reason: string, t: Translate): Promise<void> {
  const failedHere = await ctx.store.setStatus(battle.id, 'failed', { failure: reason, from: ['streaming', 'open'], releaseLease: true });
  ctx.live.delete(battle.token);
  // Already failed by the process that reaped this battle (this one stalled past its lease): that one told the chat.
  if (!failedHere) return;
  metrics.battleFinished('failed');
  battle.status = 'failed';
  state.ballot?.set({ text: t('vote-failed'), role: 'ballot' });
  ctx.portFor(state.chat.platform).presenter.open(state.chat, { text: t('battle-failed', { reason }), role: 'info' });
}

/** Both sides of a turn; false when the battle failed (and was marked so). */
export async function runTurn(deps: TurnDeps, battle: BattleRow, state: LiveBattle, turn: TurnRow, replyTo: string | undefined, t: Translate): Promise<boolean> {
  const { ctx, guard } = deps;
  // Perf (bench/engine.ts): the live battle holds its turns; a first turn's history is just its prompt.
  const turns = state.turns ?? (turn.index === 0 ? [turn] : await ctx.store.getTurns(battle.id));
  void ctx.portFor(state.chat.platform).port.typing?.(state.chat)?.catch(() => undefined);
  const results = await Promise.all(SIDES.map((side) => runSide(deps, battle, state, turn, turns, side, replyTo, t)));
  // People read both final texts before a ballot (or a failure) appears below them, however busy the chat.
  await Promise.all(SIDES.map((side) => state.replies.get(`${turn.index}:${side}`)?.live.settled()));

  const leaks = new Set(results.flatMap((r) => guard.scan(r.result.text)));
  if (leaks.size) {
    await ctx.store.flagIdentityLeak(battle.id, [...leaks]);
    battle.identityLeak = true;
    ctx.log.info({ battle: battle.id, terms: [...leaks] }, 'identity leak: battle excluded from rankings');
  }

  const failure = results.find((r) => r.failed);
  if (!failure) return true;
  const followUp = turn.index > 0 && battle.status === 'open';
  const reason = failureReason(ctx, battle, failure, followUp, t);
  if (followUp) {
    // The conversation so far was complete and may already have votes: keep them, say the follow-up failed.
    ctx.log.warn({ battle: battle.id, turn: turn.index, reason }, 'follow-up failed; battle stays open');
    ctx.portFor(state.chat.platform).presenter.open(state.chat, { text: t('followup-failed', { reason }), role: 'info' });
    return true;
  }
  await failBattle(ctx, battle, state, reason, t);
  return false;
}
