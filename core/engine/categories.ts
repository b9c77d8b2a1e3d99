// Each battle's prompt categories (coding, math, creative writing, …), stored with it so that leaderboards can be cut
// by category: deterministic heuristics, or the classifier model named in `ranking.categoryModel` (which falls back to
// the heuristics, with the reason logged, when the model fails). Updated after every turn: a follow-up can make a
// battle multi-turn or add a category.
import { categorize, createCategoryClassifier } from '../ranking';
import type { BattleRow, TurnRow } from '../store/types';
import type { ArenaContext } from './context';

export interface Categorizer {
  /** The first prompt's categories when they can be known at once (no classifier model): stored with the battle. */
  atStart(prompt: string): string[] | undefined;
  /** Works out and stores the battle's categories after a turn (skipped after the first turn when known at start). */
  afterTurn(battle: BattleRow, turns: readonly TurnRow[]): Promise<void>;
}

export function createCategorizer(ctx: ArenaContext): Categorizer {
  const modelId = ctx.config.ranking.categoryModel;
  const classify = modelId
    ? createCategoryClassifier({
        generate: async (messages, { signal }) => {
          const result = await ctx.models.client(modelId).generate({ messages, signal, maxOutputTokens: 200, temperature: 0 });
          if (result.finishReason !== 'stop' && result.finishReason !== 'length') throw new Error(result.error ?? result.finishReason);
          return result.text;
        },
      })
    : null;
  const afterTurn = async (battle: BattleRow, turns: readonly TurnRow[]) => {
    if (turns.length <= 1 && !classify) return;
    const input = { prompts: turns.map((t) => t.prompt), turns: turns.length };
    try {
      let categories: string[];
      if (classify) {
        const result = await classify(input);
        if (result.error) ctx.log.info({ battle: battle.id, error: result.error }, 'category model not used; heuristics instead');
        categories = result.categories;
      } else {
        categories = categorize(input);
      }
      await ctx.store.setCategories(battle.id, categories);
    } catch (error) {
      // A battle without categories only misses from category boards: never let it fail the battle.
      ctx.log.warn({ err: error, battle: battle.id }, 'battle categories not stored');
    }
  };
  return {
    atStart: (prompt) => (classify ? undefined : categorize({ prompts: [prompt], turns: 1 })),
    afterTurn,
  };
}
