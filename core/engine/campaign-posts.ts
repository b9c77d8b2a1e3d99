// A campaign's posts in its member chats: the scheduled gauge and leaderboard, the prompt of the day, and the final
// report of a closed campaign.
import { writeReport } from '../campaigns/report';
import type { Button } from '../port/types';
import { encodeAction } from './actions';
import { localeOf, post, titleOf, type CampaignDeps } from './campaign-deps';
import { progressMessage } from './campaign-progress';
import { topicsOf } from './campaign-topics';

/** A chat's milestone record past 100: the final report was posted there. */
const REPORT_POSTED = 101;

/** Scheduled campaign posts: the progress gauge and leaderboard, or the prompt of the day, in every member chat. */
export async function postScheduled(deps: CampaignDeps, campaignId: string, kind: 'progress' | 'topic', dueAt: Date = new Date()): Promise<boolean> {
  const { ctx, service } = deps;
  if (!service) return false;
  const campaign = await service.get(campaignId);
  if (!campaign?.spec || campaign.status !== 'running') return false;
  let posted = false;
  const day = Math.floor(dueAt.getTime() / 86_400_000);
  for (const member of await service.members(campaign.id)) {
    const chatRow = await ctx.store.getChat(member.chatId);
    const entry = chatRow && ctx.ports.get(chatRow.platform);
    if (!chatRow || !entry) continue;
    const locale = localeOf(ctx, chatRow);
    const t = ctx.i18n.t(locale);
    if (kind === 'topic') {
      const pool = topicsOf(campaign.spec, locale);
      if (!pool.length) continue;
      // The same topic for everyone on a given day, moving through the list day by day.
      const topic = pool[day % pool.length]!;
      const buttons: Button[][] = [[{ label: t('campaign-topic-battle'), data: encodeAction({ kind: 'topic', topic: topic.id }), style: 'primary' }]];
      posted = (await post(ctx, chatRow, { text: t('campaign-topic-of-day', { title: titleOf(campaign, locale), prompt: topic.prompt }), buttons, role: 'info' })) || posted;
    } else {
      posted = (await post(ctx, chatRow, await progressMessage(deps, campaign, t, locale))) || posted;
      if (ctx.leaderboard) {
        const board = await ctx.leaderboard.render({ chat: chatRow, t, locale, campaign: campaign.id });
        await post(ctx, chatRow, { text: board.text, role: 'board', ...(board.image ? { image: board.image } : {}) });
      }
    }
  }
  return posted;
}

/**
 * Closed campaigns: the final report is written to `dir` and posted once to each chat that took part (the chat's
 * milestone goes to 101 when it is posted, claimed in the database like the milestones).
 */
export async function postFinalReports({ ctx, service }: CampaignDeps, dir: string): Promise<number> {
  const { i18n, config, log } = ctx;
  if (!service) return 0;
  let posted = 0;
  for (const campaign of await service.list()) {
    if (campaign.status !== 'closed') continue;
    const members = (await service.members(campaign.id)).filter((m) => m.milestone < REPORT_POSTED);
    let written: Awaited<ReturnType<typeof writeReport>> | null = null;
    for (const member of members) {
      const chatRow = await ctx.store.getChat(member.chatId);
      if (!chatRow || !ctx.ports.has(chatRow.platform)) continue;
      if (!(await service.claimMilestone(campaign.id, member.chatId, REPORT_POSTED))) continue;
      const locale = localeOf(ctx, chatRow);
      const t = i18n.t(locale);
      written ??= await writeReport(service.db, campaign, dir, i18n.t(config.locale), config.locale);
      const { participation } = written.report;
      await post(ctx, chatRow, {
        text: t('campaign-report-posted', { title: titleOf(campaign, locale), votes: participation.votes, battles: participation.battles, chats: participation.chats }),
        role: 'board',
        image: { png: written.png, alt: t('campaign-report-title', { title: titleOf(campaign, locale) }) },
      });
      posted++;
      log.info({ campaign: campaign.slug, chat: chatRow.id, folder: written.folder }, 'campaign final report posted');
    }
  }
  return posted;
}
