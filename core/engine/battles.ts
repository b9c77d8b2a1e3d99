// Battles: choosing the pair, where the battle is shown (under the prompt, in a thread), follow-ups and the ballot; the
// turns themselves are turns.ts. Each entry point is split at the acknowledgement: what must be decided before the
// person is answered (the pair, the stored battle, a refusal) runs in the event's chain; generation and streaming run
// afterwards as the event's work. The parts: battle-pair.ts (the pair), battle-start.ts (a new battle),
// battle-placement.ts (where it is shown), battle-follow-ups.ts (another turn), battle-ballot.ts (the ballot),
// battle-resume.ts (a battle taken over from a process that died).
import type { Translate } from '../i18n';
import type { PromptEvent } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import { ballotView, openBallot as openBallotOf, policyOf, showMissingBallot as showMissingBallotOf } from './battle-ballot';
import { continueBattle } from './battle-follow-ups';
import { createPairChoice, type PairChoice } from './battle-pair';
import { resumeBattle } from './battle-resume';
import { startBattle } from './battle-start';
import { createCategorizer, type Categorizer } from './categories';
import { type ArenaContext, type LiveBattle } from './context';
import type { EventContext } from './event-context';
import { createIdentityGuard } from './identity-guard';
import type { LiveBattles } from './live';
import type { MessageRefs } from './message-refs';
import { failBattle as failBattleOf, type TurnDeps } from './turns';

/** What the battle parts use, passed explicitly. */
export interface BattleDeps {
  ctx: ArenaContext;
  refs: MessageRefs;
  lives: LiveBattles;
  turns: TurnDeps;
  categorize: Categorizer;
  choosePair: PairChoice;
}

export function createBattles(ctx: ArenaContext, refs: MessageRefs, lives: LiveBattles) {
  const { models, config } = ctx;
  const turns: TurnDeps = { ctx, refs, guard: createIdentityGuard(models.cards, config.battle.identityTerms) };
  const deps: BattleDeps = { ctx, refs, lives, turns, categorize: createCategorizer(ctx), choosePair: createPairChoice(ctx) };

  return {
    start: (ec: EventContext<PromptEvent>, text: string, extra: { topic?: string } = {}) => startBattle(deps, ec, text, extra),
    continueBattle: (ec: EventContext<PromptEvent>, battle: BattleRow, text: string) => continueBattle(deps, ec, battle, text),
    policyOf: (chatRow: ChatRow) => policyOf(ctx, chatRow),
    ballotView,
    failBattle: (battle: BattleRow, state: LiveBattle, reason: string, t: Translate) => failBattleOf(ctx, battle, state, reason, t),
    /** Shows the ballot under the newest turn; the previous one (if any) points down to it. */
    openBallot: (battle: BattleRow, state: LiveBattle, turn: number, t: Translate) => openBallotOf(deps, battle, state, turn, t),
    showMissingBallot: (battle: BattleRow) => showMissingBallotOf(deps, battle),
    /** Runs the unfinished turn of a battle taken over from a process that died mid-generation (battle-resume.ts). */
    resumeBattle: (battle: BattleRow) => resumeBattle(deps, battle),
  };
}

export type Battles = ReturnType<typeof createBattles>;
