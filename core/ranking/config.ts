// The `ranking:` section of pnyx.config.yaml: how posted boards are computed. The engine reads it (bootstrap rounds,
// per-vote policies for the chat board, and the model that classifies prompts into categories).
import { z } from 'zod';

export const RankingConfigSchema = z
  .object({
    /** Bootstrap rounds of boards posted in chats (the CLI defaults to 1,000). */
    bootstrap: z.number().int().min(0).max(10_000).default(300),
    /** Model id (from `models:`) that classifies prompts into categories; heuristics only when absent. */
    categoryModel: z.string().min(1).optional(),
    /** Count only each person's first N votes per day (LMArena's daily cap); none by default. */
    dailyVoteCap: z.number().int().positive().nullable().default(null),
    /** Voters who vote like chance or against everyone: off, or flagged / down-weighted / excluded (always reported). */
    voters: z.enum(['off', 'flag', 'downweight', 'exclude']).default('off'),
  })
  .strict();

export type RankingConfig = z.infer<typeof RankingConfigSchema>;
