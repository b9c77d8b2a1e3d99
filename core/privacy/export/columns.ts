// The three tables' columns, with their meanings: the datasheet's column dictionary is printed from here, so the files
// and their documentation cannot drift. Names follow compar:IA's published datasets where a column means the same
// thing (a compar:IA notebook loads Pnyx's votes unchanged); Pnyx's own columns come after.
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../../port/types';
import type { Column } from './writers';

export const REASONS = [...POSITIVE_REASONS, ...NEGATIVE_REASONS] as const;

const context: Column[] = [
  { name: 'platform', type: 'STRING', description: 'the platform the battle ran on, as its adapter names itself (the web playground is web)' },
  { name: 'chat_kind', type: 'STRING', description: 'private (one person and the bot) or group' },
  { name: 'chat_id', type: 'STRING', description: 'pseudonymous chat id (keyed hash; never the platform id or title)' },
  { name: 'language', type: 'STRING', description: 'ISO 639-1 language of the first prompt, null when undetermined' },
  { name: 'campaign', type: 'STRING', description: 'slug of the voting campaign the battle belonged to, or null' },
  { name: 'mode', type: 'STRING', description: 'pair-sampling mode (random, custom, …)' },
];

const pair: Column[] = [
  { name: 'model_a_name', type: 'STRING', description: 'model shown as A (Pnyx model id)' },
  { name: 'model_b_name', type: 'STRING', description: 'model shown as B (Pnyx model id)' },
  { name: 'model_pair_name', type: 'STRING', description: 'the two model ids in alphabetical order, joined by " vs "' },
];

const conversationColumns: Column[] = [
  { name: 'opening_msg', type: 'STRING', description: 'the first prompt (PII redacted)' },
  { name: 'conversation_a', type: 'JSON', description: 'model A\'s conversation: [{role: user|assistant, content}] (JSON text in Parquet, an array in JSONL)' },
  { name: 'conversation_b', type: 'JSON', description: 'model B\'s conversation, same shape' },
  { name: 'conv_turns', type: 'INT32', description: 'number of prompts in the conversation' },
];

export const CONVERSATION_COLUMNS: Column[] = [
  { name: 'id', type: 'STRING', description: 'pseudonymous conversation id (= conversation_pair_id)' },
  { name: 'conversation_pair_id', type: 'STRING', description: 'pseudonymous battle id; joins votes and reactions' },
  { name: 'timestamp', type: 'TIMESTAMP', description: 'when the battle opened (UTC)' },
  ...pair,
  ...conversationColumns,
  { name: 'total_conv_a_output_tokens', type: 'INT32', description: 'output tokens of model A over the conversation, when the provider reported them' },
  { name: 'total_conv_b_output_tokens', type: 'INT32', description: 'same for model B' },
  { name: 'visitor_id', type: 'STRING', description: 'pseudonymous id of the person who started the battle' },
  { name: 'categories', type: 'JSON', description: 'prompt categories (coding, math, creative-writing, …) as a JSON array' },
  { name: 'votes_count', type: 'INT32', description: 'votes on this battle in the votes table' },
  ...context,
  { name: 'pii_screening', type: 'STRING', description: 'clean (nothing found) or redacted (validated values replaced by [EMAIL], [PHONE], [IBAN], [NIR], [CARD], [IP])' },
  { name: 'pii_model', type: 'STRING', description: 'the model that also judged the conversation free of personal data, or null' },
];

const reasonColumns = (suffix: string): Column[] =>
  REASONS.map((r) => ({ name: `conv_${r}${suffix}`, type: 'BOOLEAN' as const, description: `the voter ticked "${r}" for side ${suffix.slice(1).toUpperCase()}` }));

export const VOTE_COLUMNS: Column[] = [
  { name: 'id', type: 'STRING', description: 'pseudonymous vote id' },
  { name: 'timestamp', type: 'TIMESTAMP', description: 'when the vote was cast (UTC)' },
  ...pair,
  { name: 'chosen_model_name', type: 'STRING', description: 'the preferred model; null for a tie or both bad' },
  { name: 'both_equal', type: 'BOOLEAN', description: 'true for a tie ("both equal")' },
  { name: 'both_bad', type: 'BOOLEAN', description: 'true when the voter found both replies bad (counted as a tie by the leaderboards)' },
  ...conversationColumns,
  { name: 'conversation_pair_id', type: 'STRING', description: 'pseudonymous battle id: votes sharing it are one battle' },
  { name: 'battle_id', type: 'STRING', description: 'same as conversation_pair_id (Pnyx\'s leaderboard reads this name)' },
  { name: 'visitor_id', type: 'STRING', description: 'pseudonymous voter id (keyed hash, stable within the release)' },
  { name: 'conv_comments_a', type: 'STRING', description: 'the voter\'s comment when it concerns A (PII redacted; dropped when suspect)' },
  { name: 'conv_comments_b', type: 'STRING', description: 'same for B' },
  ...reasonColumns('_a'),
  ...reasonColumns('_b'),
  { name: 'judgments_a', type: 'JSON', description: 'the voter\'s judgments of reply A when the campaign asked for them: {labels: [spam, fails-task, …], rating: 1–5 or null}; null when none' },
  { name: 'judgments_b', type: 'JSON', description: 'same for reply B' },
  { name: 'categories', type: 'JSON', description: 'prompt categories as a JSON array' },
  ...context,
];

export const REACTION_COLUMNS: Column[] = [
  { name: 'id', type: 'STRING', description: 'pseudonymous reaction id' },
  { name: 'timestamp', type: 'TIMESTAMP', description: 'when the reaction was last changed (UTC)' },
  ...pair,
  { name: 'refers_to_model', type: 'STRING', description: 'the model whose reply was reacted to' },
  { name: 'model_pos', type: 'STRING', description: 'its side: a or b' },
  { name: 'msg_index', type: 'INT32', description: 'index of the turn (0 = first prompt)' },
  { name: 'conversation_pair_id', type: 'STRING', description: 'pseudonymous battle id' },
  { name: 'visitor_id', type: 'STRING', description: 'pseudonymous id of the person who reacted' },
  { name: 'question_content', type: 'STRING', description: 'the prompt of that turn (PII redacted)' },
  { name: 'response_content', type: 'STRING', description: 'the reply reacted to (PII redacted)' },
  { name: 'liked', type: 'BOOLEAN', description: 'thumbs up' },
  { name: 'disliked', type: 'BOOLEAN', description: 'thumbs down' },
  { name: 'comment', type: 'STRING', description: 'free comment (PII redacted; dropped when suspect)' },
  ...REASONS.map((r) => ({ name: r, type: 'BOOLEAN' as const, description: `reason "${r}" ticked` })),
  ...context,
];
