// The rows of one published battle: its conversation, one vote row (and one FastChat battle) per vote, one reaction
// row per reaction, leaving out votes and reactions of people who erased their data or opted out.
import { redactPii, screenComment } from '../pii/screen';
import type { Pseudonymizer } from '../pseudonyms';
import { REASONS } from './columns';
import type { ExportSummary } from './dataset';
import { asDate, parseList, type PageBattle, type PageDetails, type ReactionRowOf, type TurnRowOf, type VoteRowOf } from './pages';
import { RawJson, type createJsonArrayWriter, type Row, type TableWriter } from './writers';

export interface ExportWriters {
  conversations: TableWriter;
  votes: TableWriter;
  reactions: TableWriter;
  battles: ReturnType<typeof createJsonArrayWriter>;
}

/** What the battle rows use, passed explicitly. */
export interface BattleRowDeps {
  h: Pseudonymizer;
  /** People whose data must not be published. */
  excludedPeople: Set<string>;
  summary: ExportSummary;
  writers: ExportWriters;
}

interface Message {
  role: 'user' | 'assistant';
  content: string;
}

interface PublishedReply {
  side: 'a' | 'b';
  index: number;
  prompt: string;
  text: string;
}

const bump = (map: Record<string, number>, key: string | null, by = 1) => {
  const k = key ?? 'unknown';
  map[k] = (map[k] ?? 0) + by;
};

/** The two conversations of a battle (prompts shared, replies per side) as they are published. */
function conversationOf(turns: TurnRowOf[], clean: (s: string) => string) {
  const conv: Record<'a' | 'b', Message[]> = { a: [], b: [] };
  const tokens = { a: 0, b: 0 };
  const replies = new Map<string, PublishedReply>();
  let lastIndex = -1;
  let turnCount = 0;
  let opening = '';
  for (const t of turns) {
    if (t.index !== lastIndex) {
      lastIndex = t.index;
      turnCount++;
      const prompt = clean(t.prompt);
      if (turnCount === 1) opening = prompt;
      conv.a.push({ role: 'user', content: prompt });
      conv.b.push({ role: 'user', content: prompt });
    }
    if (t.side === 'a' || t.side === 'b') {
      const text = clean(t.text ?? '');
      conv[t.side].push({ role: 'assistant', content: text });
      tokens[t.side] += t.tokensOut ?? 0;
      if (t.replyId) replies.set(t.replyId, { side: t.side, index: t.index, prompt: clean(t.prompt), text });
    }
  }
  return { conv, tokens, replies, turnCount, opening };
}

/** Columns every row of a battle repeats. */
function sharedColumns(h: Pseudonymizer, b: PageBattle, conversation: ReturnType<typeof conversationOf>) {
  const { conv, turnCount, opening } = conversation;
  return {
    pairId: h('battle', b.id),
    ctx: {
      platform: b.platform,
      chat_kind: b.chatKind,
      chat_id: h('chat', b.chatId),
      language: b.language,
      campaign: b.campaign,
      mode: b.mode,
    },
    pairCols: {
      model_a_name: b.modelA,
      model_b_name: b.modelB,
      model_pair_name: [b.modelA, b.modelB].sort().join(' vs '),
    },
    categories: new RawJson(parseList(b.categories)),
    convCols: { opening_msg: opening, conversation_a: new RawJson(conv.a), conversation_b: new RawJson(conv.b), conv_turns: turnCount },
  };
}

type Shared = ReturnType<typeof sharedColumns>;

/** Writes the vote rows and FastChat battles of a battle; returns how many votes were written. */
async function writeVotes(deps: BattleRowDeps, b: PageBattle, shared: Shared, turnCount: number, battleVotes: VoteRowOf[], judgments: PageDetails['judgments']) {
  const { h, excludedPeople, summary, writers } = deps;
  const { pairId, ctx, pairCols, convCols, categories } = shared;
  let votesWritten = 0;
  for (const v of battleVotes) {
    if (excludedPeople.has(v.voterId)) {
      summary.excludedVotes++;
      continue;
    }
    const choice = v.choice;
    const reasons = new Set(parseList(v.reasons));
    const sides = { a: choice === 'a' || choice === 'tie' || choice === 'both_bad', b: choice === 'b' || choice === 'tie' || choice === 'both_bad' };
    const comment = screenComment(v.comment);
    const at = asDate(v.createdAt);
    const row: Row = {
      id: h('vote', v.id),
      timestamp: at,
      ...pairCols,
      chosen_model_name: choice === 'a' ? b.modelA : choice === 'b' ? b.modelB : null,
      both_equal: choice === 'tie',
      both_bad: choice === 'both_bad',
      ...convCols,
      conversation_pair_id: pairId,
      battle_id: pairId,
      visitor_id: h('user', v.voterId),
      conv_comments_a: sides.a ? comment : null,
      conv_comments_b: sides.b ? comment : null,
      categories,
      ...ctx,
    };
    const judged = judgments.get(`${b.id}:${v.voterId}`);
    const judgedSide = (side: 'a' | 'b') => (judged && (judged[side].labels.length || judged[side].rating !== null) ? new RawJson(judged[side]) : null);
    row.judgments_a = judgedSide('a');
    row.judgments_b = judgedSide('b');
    for (const r of REASONS) {
      row[`conv_${r}_a`] = sides.a && reasons.has(r);
      row[`conv_${r}_b`] = sides.b && reasons.has(r);
    }
    await writers.votes.write(row);
    await writers.battles.write({
      question_id: pairId,
      battle_id: pairId,
      model_a: b.modelA,
      model_b: b.modelB,
      winner: choice === 'a' ? 'model_a' : choice === 'b' ? 'model_b' : choice === 'tie' ? 'tie' : 'tie (bothbad)',
      judge: h('user', v.voterId),
      turn: turnCount,
      anony: true,
      language: b.language ?? 'unknown',
      tstamp: at.getTime() / 1000,
      platform: b.platform,
    });
    votesWritten++;
  }
  return votesWritten;
}

async function writeReactions(deps: BattleRowDeps, b: PageBattle, shared: Shared, replies: Map<string, PublishedReply>, battleReactions: ReactionRowOf[]) {
  const { h, excludedPeople, summary, writers } = deps;
  const { pairId, ctx, pairCols } = shared;
  for (const r of battleReactions) {
    const reply = replies.get(r.replyId);
    if (!reply) continue;
    if (excludedPeople.has(r.userId)) {
      summary.excludedReactions++;
      continue;
    }
    const reasons = new Set(parseList(r.reasons));
    const row: Row = {
      id: h('reaction', r.id),
      timestamp: asDate(r.updatedAt),
      ...pairCols,
      refers_to_model: reply.side === 'a' ? b.modelA : b.modelB,
      model_pos: reply.side,
      msg_index: reply.index,
      conversation_pair_id: pairId,
      visitor_id: h('user', r.userId),
      question_content: reply.prompt,
      response_content: reply.text,
      liked: r.kind === 'like',
      disliked: r.kind === 'dislike',
      comment: screenComment(r.comment),
      ...ctx,
    };
    for (const reason of REASONS) row[reason] = reasons.has(reason);
    await writers.reactions.write(row);
  }
}

/** Writes one eligible battle, or counts why it was left out (no conversation, an author who opted out). */
export async function writeBattle(deps: BattleRowDeps, b: PageBattle, details: PageDetails): Promise<void> {
  const { h, excludedPeople, summary, writers } = deps;
  const turns = details.turnsOf.get(b.id) ?? [];
  if (turns.length === 0) {
    summary.excluded.noConversation++;
    return;
  }
  if (turns.some((t) => excludedPeople.has(t.authorId)) || excludedPeople.has(b.initiatorId)) {
    summary.excluded.authorOptedOut++;
    return;
  }
  // Redaction only where screening found something: a clean battle's texts are published exactly as written.
  const clean = b.piiVerdict === 'clean' ? (s: string) => s : (s: string) => redactPii(s);
  const conversation = conversationOf(turns, clean);
  const shared = sharedColumns(h, b, conversation);
  const votesWritten = await writeVotes(deps, b, shared, conversation.turnCount, details.votesOf.get(b.id) ?? [], details.judgments);
  await writers.conversations.write({
    id: shared.pairId,
    conversation_pair_id: shared.pairId,
    timestamp: asDate(b.openedAt),
    ...shared.pairCols,
    ...shared.convCols,
    total_conv_a_output_tokens: conversation.tokens.a,
    total_conv_b_output_tokens: conversation.tokens.b,
    visitor_id: h('user', b.initiatorId),
    categories: shared.categories,
    votes_count: votesWritten,
    ...shared.ctx,
    pii_screening: b.piiVerdict,
    pii_model: b.piiModel,
  });
  await writeReactions(deps, b, shared, conversation.replies, details.reactionsOf.get(b.id) ?? []);
  bump(summary.platforms, b.platform);
  bump(summary.languages, b.language);
  bump(summary.models, b.modelA);
  bump(summary.models, b.modelB);
}
