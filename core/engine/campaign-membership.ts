// A chat joining a campaign by code (`/arena join CODE`, the settings menu) or leaving it; admins only.
import type { CampaignDeps } from './campaign-deps';
import { commandOf, localeOf, titleOf } from './campaign-deps';
import type { EventContext } from './event-context';

async function isAdmin(ec: EventContext): Promise<boolean> {
  if (ec.event.chat.kind === 'private') return true;
  try {
    return (await ec.event.isAdmin?.()) ?? false;
  } catch {
    return false;
  }
}

/** A chat joins by code; the answer is posted in the chat when it joins (everyone should know), else private. */
export async function join({ ctx, service }: CampaignDeps, ec: EventContext, code: string): Promise<void> {
  const { log } = ctx;
  const settingsHint = commandOf(ctx, ec.event.chat.platform, 'settings');
  if (!service) return ec.notice(ec.pt('campaign-unknown-code', { code }));
  if (!(await isAdmin(ec))) return ec.notice(ec.pt('campaign-admins-only'));
  if (!/^[A-Za-z0-9-]{4,32}$/.test(code)) {
    log.info({ chat: ec.chatRow.id }, 'campaign join refused: malformed code');
    return ec.notice(ec.pt('campaign-unknown-code', { code: code.slice(0, 32) }));
  }
  const outcome = await service.join(ec.chatRow.id, code);
  log.info({ chat: ec.chatRow.id, outcome: outcome.status }, 'campaign join');
  const locale = localeOf(ctx, ec.chatRow, ec.settings);
  switch (outcome.status) {
    case 'unknown':
      return ec.notice(ec.pt('campaign-unknown-code', { code }));
    case 'closed':
      return ec.notice(ec.pt('campaign-closed'));
    case 'busy':
      return ec.notice(ec.pt('campaign-busy', { other: outcome.other, command: settingsHint }));
    case 'already':
      return ec.notice(ec.pt('campaign-already', { title: titleOf(outcome.campaign, locale) }));
    case 'joined': {
      const text = ec.t('campaign-joined', { title: titleOf(outcome.campaign, locale), command: commandOf(ctx, ec.event.chat.platform, 'campaign') });
      ec.work('campaign-joined', async () => {
        await ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, role: 'info' }, { answering: ec.event.delivery }).settled();
      });
      return;
    }
  }
}

export async function leave({ ctx, service }: CampaignDeps, ec: EventContext): Promise<void> {
  if (!(await isAdmin(ec))) return ec.notice(ec.pt('campaign-admins-only'));
  const left = service ? await service.leave(ec.chatRow.id) : null;
  if (!left) return ec.notice(ec.pt('campaign-none', { command: commandOf(ctx, ec.event.chat.platform, 'arena') }));
  ctx.log.info({ chat: ec.chatRow.id, campaign: left.slug }, 'chat left its campaign');
  const text = ec.t('campaign-left', { title: titleOf(left, localeOf(ctx, ec.chatRow, ec.settings)) });
  ec.work('campaign-left', async () => {
    await ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, role: 'info' }, { answering: ec.event.delivery }).settled();
  });
}
