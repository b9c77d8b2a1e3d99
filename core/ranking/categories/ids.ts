// The per-prompt categories of LMArena's boards that Pnyx computes (language and campaign are segments of their own).
// Ids are lowercase words joined by hyphens: they are stored in Battle.categories as a JSON array and matched with
// SQL LIKE, where "_" would be a wildcard.
export const CATEGORY_IDS = [
  'coding',
  'math',
  'creative-writing',
  'instruction-following',
  'hard-prompts',
  'long-query',
  'multi-turn',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
