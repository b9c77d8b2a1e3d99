// Campaigns inside the arena: which campaign (and battle mode) a new battle runs under, chats joining and leaving
// (`/arena join CODE`, the settings menu), the progress gauge (`/campaign`, scheduled posts), milestones announced
// once per chat, guided topics (suggestions, the prompt of the day and its "battle this" button), stance prompts.
// Everything goes through the port, so it works the same on every platform. The parts: campaign-setup.ts (a battle's
// campaign and mode), campaign-membership.ts (join, leave), campaign-progress.ts (gauge, milestones),
// campaign-topics.ts (suggestions, topic presses), campaign-posts.ts (scheduled posts, final reports).
import type { CampaignRow } from '../campaigns/store';
import type { ChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import type { ChatAddress, OutMessage, Side } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import { localeOf, post, type CampaignDeps } from './campaign-deps';
import { join, leave } from './campaign-membership';
import { postFinalReports, postScheduled } from './campaign-posts';
import { afterVote, progressMessage, progressOf, showProgress } from './campaign-progress';
import { setupFor, stancePrompt } from './campaign-setup';
import { promptFromTopic, suggest, topicPrompt } from './campaign-topics';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';

export { titleOf } from './campaign-deps';
export type { BattleSetup } from './campaign-setup';
export { findTopic, topicsOf } from './campaign-topics';

export function createCampaignFeatures(ctx: ArenaContext) {
  const deps: CampaignDeps = { ctx, service: ctx.campaigns };
  return {
    postFinalReports: (dir: string) => postFinalReports(deps, dir),
    setupFor: (chatRow: ChatRow, settings: ChatSettings) => setupFor(deps, chatRow, settings),
    stancePrompt: (battle: BattleRow, side: Side) => stancePrompt(deps, battle, side),
    showProgress: (ec: EventContext) => showProgress(deps, ec),
    join: (ec: EventContext, code: string) => join(deps, ec, code),
    leave: (ec: EventContext) => leave(deps, ec),
    afterVote: (battle: BattleRow) => afterVote(deps, battle),
    suggest: (ec: EventContext) => suggest(deps, ec),
    topicPrompt: (ec: EventContext, topicId: string) => topicPrompt(deps, ec, topicId),
    promptFromTopic: (ec: EventContext, prompt: string) => promptFromTopic(ctx, ec, prompt),
    postScheduled: (campaignId: string, kind: 'progress' | 'topic', dueAt: Date = new Date()) => postScheduled(deps, campaignId, kind, dueAt),
    progressOf: (campaign: CampaignRow, locale: string) => progressOf(deps, campaign, locale),
    progressMessage: (campaign: CampaignRow, t: Translate, locale: string) => progressMessage(deps, campaign, t, locale),
    post: (chatRow: ChatRow, message: OutMessage, address?: ChatAddress) => post(ctx, chatRow, message, address),
    localeOf: (row: ChatRow, settings?: ChatSettings) => localeOf(ctx, row, settings),
  };
}

export type CampaignFeatures = ReturnType<typeof createCampaignFeatures>;
