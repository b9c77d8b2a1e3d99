// What the campaign parts of the arena (campaigns.ts) share: their dependencies, a chat's locale, a command's spelling,
// a campaign's title, and a post in a member chat.
import { localized } from '../campaigns/spec';
import type { CampaignService } from '../campaigns/service';
import type { CampaignRow } from '../campaigns/store';
import { parseChatSettings, type ChatSettings } from '../config/chat-settings';
import type { ChatAddress, OutMessage } from '../port/types';
import type { ChatRow } from '../store/types';
import { chatAddressOf, type ArenaContext } from './context';

/** What the campaign parts use, passed explicitly; `service` is absent when the arena runs without campaigns. */
export interface CampaignDeps {
  ctx: ArenaContext;
  service: CampaignService | undefined;
}

export const localeOf = (ctx: ArenaContext, row: ChatRow, settings: ChatSettings = parseChatSettings(row.settings)) => ctx.i18n.negotiate(settings.locale, row.locale, ctx.config.locale);

export const commandOf = (ctx: ArenaContext, platform: string, name: string) => ctx.ports.get(platform)?.port.commandHint?.(name) ?? `/${name}`;

export function titleOf(campaign: CampaignRow, locale: string): string {
  return campaign.spec ? localized(campaign.spec.title, locale) : campaign.title;
}

export async function post(ctx: ArenaContext, chatRow: ChatRow, message: OutMessage, address: ChatAddress = chatAddressOf(chatRow)): Promise<boolean> {
  const entry = ctx.ports.get(chatRow.platform);
  if (!entry || !chatRow.enabled) return false;
  const live = entry.presenter.open(address, message);
  await live.settled();
  return !live.error && live.refs.length > 0;
}
