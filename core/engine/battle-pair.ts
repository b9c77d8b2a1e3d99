// Choosing a new battle's pair: the prompt's language (a chat's accepted languages may refuse it with a hint), the
// healthy models, and the draw (a campaign's or the chat's battle mode, else the under-voted boost).
import type { PromptEvent } from '../port/types';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { detectLanguage, isAcceptedLanguage } from './language';
import { languageHint } from './language-gate';
import { samplePair } from './sampling';

export type PairChoice = ReturnType<typeof createPairChoice>;

export function createPairChoice(ctx: ArenaContext) {
  const { store, models, config, log, random } = ctx;

  // Perf (bench/engine.ts): the under-voted boost needs vote totals per model, two GROUP BYs over every battle; a
  // total a few seconds old samples just as well, so one query serves every battle started meanwhile.
  let voteCountsCache: { at: number; counts: Promise<Map<string, number>> } | undefined;
  const voteCounts = (): Promise<Map<string, number>> => {
    if (!config.battle.boostUnderVoted) return Promise.resolve(new Map());
    if (!voteCountsCache || Date.now() - voteCountsCache.at > 10_000) {
      const counts = store.voteCountsByModel();
      voteCountsCache = { at: Date.now(), counts };
      counts.catch(() => (voteCountsCache = undefined));
    }
    return voteCountsCache.counts;
  };

  /** The language only labels the battle: failing to detect it must not stop one. */
  const languageOf = (text: string): Promise<string | null> =>
    detectLanguage(text).catch((error: unknown) => {
      log.warn({ err: error }, 'language detection failed');
      return null;
    });

  /** The prompt's language and the pair to battle on it; null when the person was told why there is none. */
  return async (ec: EventContext<PromptEvent>, text: string) => {
    // All at once: the acknowledgement waits for them.
    const [language, healthy, votes, setup] = await Promise.all([languageOf(text), models.healthy(), voteCounts(), ctx.features?.setupFor(ec.chatRow, ec.settings)]);
    const accepted = setup?.languages ?? ec.settings.languages;
    if (!isAcceptedLanguage(accepted, language)) {
      log.info({ chat: ec.chatRow.id, language, accepted, campaign: setup?.campaignId ?? null }, 'prompt outside the chat\'s languages: hint, no battle');
      ec.notice(languageHint(ec.pt, ec.personLocale, accepted, language!));
      return null;
    }
    // A campaign (or the chat's battle mode) chooses the pair; plain chats draw it as always.
    const sampling = { cards: models.cards, allowed: setup ? setup.allowed : ec.settings.models, healthy, votes, boostUnderVoted: config.battle.boostUnderVoted, random };
    const chosen = setup ? setup.choose(sampling) : null;
    const pair = setup ? (chosen?.pair ?? null) : samplePair(sampling);
    if (!pair) {
      log.warn({ chat: ec.chatRow.id, healthy: [...healthy] }, 'no pair of models available');
      ec.notice(ec.pt('no-models'));
      return null;
    }
    return { language, setup, chosen, pair };
  };
}
