// A campaign's progress: the gauge (and a diverse campaign's board of stances) shown on `/campaign`, and the quarter
// milestones announced once per chat after votes.
import type { CampaignRow } from '../campaigns/store';
import { stanceBoard, stanceBoardText } from '../campaigns/stances';
import { computeProgress, milestoneOf, progressPng, progressText, type Progress } from '../campaigns/progress';
import type { Translate } from '../i18n';
import type { OutMessage } from '../port/types';
import type { BattleRow } from '../store/types';
import { commandOf, localeOf, post, titleOf, type CampaignDeps } from './campaign-deps';
import type { EventContext } from './event-context';

export async function progressOf({ service }: CampaignDeps, campaign: CampaignRow, locale: string): Promise<Progress> {
  const [stats, members] = await Promise.all([service!.stats(campaign.id), service!.members(campaign.id)]);
  return computeProgress(campaign, stats, members, locale);
}

export async function progressMessage(deps: CampaignDeps, campaign: CampaignRow, t: Translate, locale: string): Promise<OutMessage> {
  const { ctx, service } = deps;
  const progress = await progressOf(deps, campaign, locale);
  let image: OutMessage['image'];
  try {
    image = progressPng(progress, t, locale);
  } catch (error) {
    // The text says it all; a picture that cannot be drawn must not stop the post.
    ctx.log.warn({ err: error, campaign: campaign.slug }, 'campaign gauge could not be drawn');
  }
  let text = progressText(progress, t, locale);
  // A diverse campaign ranks perspectives: its board of stances goes with the gauge.
  if (campaign.spec?.diverse && service) text += `\n\n${stanceBoardText(await stanceBoard(service.db, campaign.id, campaign.spec, locale), progress.title, t)}`;
  return { text, role: 'board', ...(image ? { image } : {}) };
}

/** `/campaign`: the progress of the chat's campaign, posted in the chat. */
export async function showProgress(deps: CampaignDeps, ec: EventContext): Promise<void> {
  const { ctx, service } = deps;
  const campaign = service ? await service.ofChat(ec.chatRow.id) : null;
  if (!campaign) {
    ec.notice(ec.pt('campaign-none', { command: commandOf(ctx, ec.event.chat.platform, 'arena') }));
    return;
  }
  const locale = localeOf(ctx, ec.chatRow, ec.settings);
  ec.work('campaign-progress', async () => {
    const message = await progressMessage(deps, campaign, ec.t, locale);
    const { presenter } = ctx.portFor(ec.event.chat.platform);
    await presenter.open(ec.event.chat, message, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery }).settled();
  });
}

/**
 * After a vote in a campaign battle: each chat of the campaign hears about the highest quarter mark reached, once
 * (claimed in the database, so a restart or a second process does not announce it again).
 */
export async function afterVote({ ctx, service }: CampaignDeps, battle: BattleRow): Promise<void> {
  if (!service || !battle.campaignId) return;
  const campaign = await service.get(battle.campaignId);
  if (!campaign?.spec?.goal) return;
  const stats = await service.stats(campaign.id);
  const reached = milestoneOf({ percent: Math.min(100, Math.floor((stats.total / campaign.spec.goal.votes) * 100)) });
  if (!reached) return;
  for (const member of await service.members(campaign.id)) {
    if (member.milestone >= reached) continue;
    const chatRow = await ctx.store.getChat(member.chatId);
    if (!chatRow || !ctx.ports.has(chatRow.platform)) continue;
    if (!(await service.claimMilestone(campaign.id, member.chatId, reached))) continue;
    const locale = localeOf(ctx, chatRow);
    const t = ctx.i18n.t(locale);
    await post(ctx, chatRow, { text: t('campaign-milestone', { title: titleOf(campaign, locale), percent: reached, votes: stats.total }), role: 'info' });
    ctx.log.info({ campaign: campaign.slug, chat: chatRow.id, milestone: reached }, 'campaign milestone announced');
  }
}
