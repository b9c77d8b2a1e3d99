// Votes, reveals and reactions: one vote per person, the voter's private reveal (the acknowledgement, never waiting for
// a ballot edit or a close), the ballot's count and the chat's reveal at the close (work that follows). The parts:
// votes.ts (a vote, a change of mind), reveal.ts (what a reveal says), closing.ts (the ballot's count, the close),
// vote-reasons.ts (reasons, reactions), vote-judgments.ts (a campaign's judgments), why-form.ts (a voter's own words).
import type { ActionEvent, SubmitEvent, VoteChoice } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import type { Action } from './actions';
import type { Battles } from './battles';
import { closeBattle, showClose } from './closing';
import { type ArenaContext } from './context';
import type { EventContext } from './event-context';
import type { LiveBattles } from './live';
import { onJudge } from './vote-judgments';
import { onReaction, onVoteReason } from './vote-reasons';
import { onVote } from './votes';
import { onWhy, onWhySubmitted } from './why-form';

export { MAX_COMMENT_CHARS } from './why-form';

/** What the voting parts use, passed explicitly. */
export interface VotingDeps {
  ctx: ArenaContext;
  lives: LiveBattles;
  battles: Pick<Battles, 'policyOf' | 'ballotView'>;
}

export function createVoting(ctx: ArenaContext, battles: Pick<Battles, 'policyOf' | 'ballotView'>, lives: LiveBattles) {
  const deps: VotingDeps = { ctx, lives, battles };
  return {
    onVote: (ec: EventContext<ActionEvent>, action: Action & { kind: 'vote' }, battle: BattleRow) => onVote(deps, ec, action, battle),
    onVoteReason: (ec: EventContext<ActionEvent>, action: Action & { kind: 'voteReason' }, battle: BattleRow) => onVoteReason(deps, ec, action, battle),
    onReaction: (ec: EventContext<ActionEvent>, action: Action & { kind: 'react' | 'reason' }, battle: BattleRow) => onReaction(deps, ec, action, battle),
    onWhy: (ec: EventContext<ActionEvent>, battle: BattleRow) => onWhy(deps, ec, battle),
    onWhySubmitted: (ec: EventContext<SubmitEvent>, battle: BattleRow) => onWhySubmitted(deps, ec, battle),
    onJudge: (ec: EventContext<ActionEvent>, action: Action & { kind: 'judge' }, battle: BattleRow) => onJudge(deps, ec, action, battle),
    closeBattle: (battle: BattleRow, known?: ChatRow, closedByVote?: { tally: Record<VoteChoice, number> }) => closeBattle(deps, battle, known, closedByVote),
    showClose: (battle: BattleRow, known?: ChatRow, closedTally?: Record<VoteChoice, number>) => showClose(deps, battle, known, closedTally),
  };
}

export type Voting = ReturnType<typeof createVoting>;
