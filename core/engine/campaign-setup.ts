// Which campaign (and battle mode) a new battle runs under, and the stance prompts of a diverse battle's sides.
import type { ChatSettings } from '../config/chat-settings';
import type { Side } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import type { CampaignDeps } from './campaign-deps';
import { choosePair, type ChosenPair } from './modes';
import type { SamplingInput } from './sampling';

export interface BattleSetup {
  campaignId: string | null;
  choose(input: SamplingInput): ChosenPair | null;
  /** The models allowed and their weights, when the campaign has a pool. */
  allowed: readonly string[] | null;
  /** The prompt languages collected here: the campaign's, else the chat's setting (empty: all). */
  languages: readonly string[];
}

/** The campaign and battle mode a new battle in this chat runs under. */
export async function setupFor({ service }: CampaignDeps, chatRow: ChatRow, settings: ChatSettings): Promise<BattleSetup> {
  const campaign = service ? await service.battlingUnder(chatRow.id) : null;
  if (!campaign) {
    const mode = settings.mode ?? 'random';
    return {
      campaignId: null,
      allowed: settings.models,
      languages: settings.languages ?? [],
      choose: (input) => choosePair(input, { mode, ...(mode === 'custom' && settings.models?.length === 2 ? { custom: settings.models } : {}) }),
    };
  }
  const spec = campaign.spec;
  const pool = spec.models.length ? new Map(spec.models.map((m) => [m.id, m.weight])) : null;
  const results = spec.pairing === 'active' ? await service!.pairTallies(campaign.id) : [];
  return {
    campaignId: campaign.id,
    allowed: pool ? [...pool.keys()] : null,
    // A prompt outside the campaign's languages gets the polite hint, not a battle (the chat's own list otherwise).
    languages: spec.languages,
    choose: (input) =>
      choosePair(
        // The campaign's weights replace the configuration's for the models of its pool.
        pool ? { ...input, cards: input.cards.map((c) => (pool.has(c.id) ? { ...c, weight: pool.get(c.id)! } : c)) } : input,
        {
          mode: spec.mode,
          pairing: spec.pairing,
          thresholdB: spec.bigVsSmall.thresholdB,
          maxParamsB: spec.frugal.maxParamsB,
          ...(spec.custom ? { custom: spec.custom.models } : {}),
          ...(spec.diverse ? { stances: spec.diverse.stances.map((s) => s.id), diverseModels: spec.diverse.inModelLeaderboard } : {}),
          results,
        },
      ),
  };
}

/** The system prompt of a side's stance (diverse battles). */
export async function stancePrompt({ service }: CampaignDeps, battle: BattleRow, side: Side): Promise<string | null> {
  const id = side === 'a' ? battle.stanceA : battle.stanceB;
  if (!id || !battle.campaignId || !service) return null;
  const campaign = await service.get(battle.campaignId);
  return campaign?.spec?.diverse?.stances.find((s) => s.id === id)?.prompt ?? null;
}
