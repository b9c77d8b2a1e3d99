// What a reveal says: the models behind A and B, in full (with what each side said) or in one line, for a voter's
// private answer and for the chat's reveal at the close.
import type { Translate } from '../i18n';
import type { Side } from '../port/types';
import type { BattleRow } from '../store/types';
import type { VotingDeps } from './voting';
import { modelName, revealLines } from './views';

export async function revealFor({ ctx, lives }: Pick<VotingDeps, 'ctx' | 'lives'>, battle: BattleRow, t: Translate): Promise<string> {
  const turns = await lives.turnsOf(battle);
  const sideInfo = (side: Side, modelId: string) => ({
    card: ctx.cards.get(modelId),
    modelId,
    replies: turns.map((turn) => turn.replies[side]).filter((r) => r !== undefined),
  });
  return revealLines(t, { a: sideInfo('a', battle.modelAId), b: sideInfo('b', battle.modelBId) });
}

/** Both names in one line: fits the tightest private notices (200-character popups) with the vote confirmation. */
function shortReveal({ ctx }: Pick<VotingDeps, 'ctx'>, battle: BattleRow, t: Translate): string {
  const { cards } = ctx;
  return t('reveal-short', { a: modelName(t, cards.get(battle.modelAId), battle.modelAId), b: modelName(t, cards.get(battle.modelBId), battle.modelBId) });
}

/** The full reveal where the platform's notices are long enough, else the one-line one. */
export async function revealNotice(deps: Pick<VotingDeps, 'ctx' | 'lives'>, battle: BattleRow, head: string, t: Translate, maxChars: number): Promise<string> {
  const short = `${head}\n${shortReveal(deps, battle, t)}`;
  if (maxChars < 400) return short;
  const full = `${head}\n${await revealFor(deps, battle, t)}`;
  return full.length <= maxChars ? full : short;
}
