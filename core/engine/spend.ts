// What paid models cost, and the daily limits that stop new battles once reached (issue 10, item 3). A reply's cost is
// its tokens at the model's prices (US dollars per million tokens, from the configuration), stored with the reply; the
// day is the UTC day. The limits are checked before a battle or follow-up starts: a battle already running finishes.
// Totals are read from the database (every process's replies count) and kept for a few seconds, plus what this process
// spent since, so a burst of prompts does not read them once each.
import type { ChatSettings } from '../config/chat-settings';
import { metrics } from '../metrics';
import type { ModelCard } from '../providers/types';
import type { ChatRow } from '../store/types';
import type { ArenaContext } from './context';

/** Totals read from the database are trusted this long. */
const TOTALS_TTL_MS = 5_000;

export interface SpendLimit {
  /** Whose limit was reached: this chat's, or everyone's. */
  scope: 'chat' | 'all';
  capUsd: number;
  /** When the next UTC day starts and battles resume. */
  resetsAt: Date;
}

export interface SpendGuard {
  /** The limit a new battle in this chat would go past, or null when it may start. */
  check(chat: ChatRow, settings: ChatSettings): Promise<SpendLimit | null>;
  /** What one reply cost (null without prices or token counts); records it for the limits and the metrics. */
  record(chat: ChatRow, modelId: string, tokensIn: number | undefined, tokensOut: number | undefined): number | undefined;
}

export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A reply's cost at the card's prices; undefined for models without prices, or when the provider gave no counts. */
export function replyCost(card: Pick<ModelCard, 'price'> | undefined, tokensIn: number | undefined, tokensOut: number | undefined): number | undefined {
  if (!card?.price || (tokensIn === undefined && tokensOut === undefined)) return undefined;
  return ((tokensIn ?? 0) * card.price.inputPerMillion + (tokensOut ?? 0) * card.price.outputPerMillion) / 1_000_000;
}

export function createSpendGuard(ctx: ArenaContext): SpendGuard {
  const { store, config } = ctx;
  const priced = ctx.models.cards.some((c) => c.price);
  /** Per chat id ('' for everyone): the day's total as read, when, and what this process added since. */
  const totals = new Map<string, { day: number; at: number; read: number; since: number }>();

  const totalOf = async (chatId: string | undefined): Promise<number> => {
    const key = chatId ?? '';
    const day = startOfUtcDay().getTime();
    const known = totals.get(key);
    if (known && known.day === day && Date.now() - known.at < TOTALS_TTL_MS) return known.read + known.since;
    const rows = await store.spendSince(new Date(day), chatId);
    const read = rows.reduce((sum, r) => sum + r.usd, 0);
    totals.set(key, { day, at: Date.now(), read, since: 0 });
    return read;
  };

  return {
    async check(chat, settings) {
      if (!priced) return null;
      const resetsAt = new Date(startOfUtcDay().getTime() + 86_400_000);
      const chatCap = settings.spendCapUsd ?? config.spend.chatDailyCapUsd;
      if (chatCap !== null && (await totalOf(chat.id)) >= chatCap) return { scope: 'chat', capUsd: chatCap, resetsAt };
      const allCap = config.spend.dailyCapUsd;
      if (allCap !== null && (await totalOf(undefined)) >= allCap) return { scope: 'all', capUsd: allCap, resetsAt };
      return null;
    },
    record(chat, modelId, tokensIn, tokensOut) {
      const usd = replyCost(ctx.cards.get(modelId), tokensIn, tokensOut);
      if (usd === undefined || usd === 0) return usd;
      metrics.addSpend(chat.id, modelId, usd);
      for (const key of [chat.id, '']) {
        const known = totals.get(key);
        if (known) known.since += usd;
      }
      return usd;
    },
  };
}
