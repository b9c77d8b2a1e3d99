// The settings menu at work: its pages, a press on one of its buttons (admins only), the time zone (a form, or typed
// after /settings) and the campaign a chat joins from it.
import type { ChatSettings } from '../config/chat-settings';
import { isTimeZone, SCHEDULE_PRESETS } from '../leaderboard/scheduler';
import type { ActionEvent, Form, OutMessage, SubmitEvent } from '../port/types';
import type { ChatRow } from '../store/types';
import { encodeForm, type Action } from './actions';
import { titleOf } from './campaigns';
import { hintOf, isAdmin } from './command-replies';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { applySetting, pageOf, renderSettings, type SchedulePreset } from './settings';

async function updateSettings(ctx: ArenaContext, chatRow: ChatRow, settings: ChatSettings): Promise<ChatRow> {
  const row = await ctx.store.updateChat(chatRow.id, { settings: JSON.stringify(settings) });
  ctx.rememberChat(row);
  return row;
}

export async function menuFor(ctx: ArenaContext, ec: EventContext, row: ChatRow, settings: ChatSettings, where: { page?: number; focus?: string } = {}): Promise<OutMessage> {
  const { store, models, config } = ctx;
  const t = ctx.chatT(row, settings);
  const { port } = ctx.portFor(ec.event.chat.platform);
  return renderSettings(
    t,
    settings,
    {
      chat: row,
      config,
      cards: models.cards,
      schedule: await store.chatSchedule(row.id),
      limits: port.limits,
      commandHint: hintOf(ctx, ec.event.chat.platform),
      priced: models.cards.some((c) => c.price),
      ...(ctx.campaigns ? { campaign: await campaignTitle(ctx, row, settings) } : {}),
    },
    where,
  );
}

/** The chat's campaign title in its language, or null (the menu then offers to join one). */
async function campaignTitle(ctx: ArenaContext, row: ChatRow, settings: ChatSettings): Promise<string | null> {
  const { i18n, config } = ctx;
  const campaign = await ctx.campaigns?.ofChat(row.id);
  return campaign ? titleOf(campaign, i18n.negotiate(settings.locale, row.locale, config.locale)) : null;
}

const timezoneForm = (ec: EventContext): Form => ({
  data: encodeForm({ kind: 'timezone' }),
  title: ec.pt('settings-timezone-title'),
  fields: [
    { id: 'timezone', label: ec.pt('settings-timezone-label'), style: 'short', required: true, maxLength: 64, placeholder: 'Europe/Paris', value: ec.chatRow.timezone ?? '' },
  ],
  submitLabel: ec.pt('form-submit'),
});

/** Sets the chat's time zone (and its leaderboard schedule's); a refusal notice when the zone is unknown. */
export async function setTimezone(ctx: ArenaContext, ec: EventContext, zone: string): Promise<ChatRow | null> {
  const { store, log } = ctx;
  if (!isTimeZone(zone)) {
    ec.notice(ec.pt('settings-bad-timezone', { zone }));
    return null;
  }
  const row = await store.updateChat(ec.chatRow.id, { timezone: zone });
  ctx.rememberChat(row);
  const schedule = await store.chatSchedule(row.id);
  if (schedule) await store.setChatSchedule(row.id, { ...schedule, timezone: zone });
  log.info({ chat: row.id, timezone: zone }, 'chat time zone changed');
  return row;
}

/** The campaign row of the menu: leave the campaign, or join one (a form where the platform has forms). */
async function onCampaignSetting(ctx: ArenaContext, ec: EventContext<ActionEvent>, action: Action & { kind: 'setting' }): Promise<void> {
  // Joining takes a code: a form where the platform has forms, else how to type it.
  if (action.value === 'leave') {
    await ctx.features?.leave(ec);
    ec.ack.replace = await menuFor(ctx, ec, ec.chatRow, ec.settings, { focus: 'cmp' });
    return;
  }
  if (action.value !== 'join') return ec.notice(ec.pt('action-stale'));
  if (!ctx.portFor(ec.event.chat.platform).port.limits.forms) return ec.notice(ec.pt('campaign-join-usage', { command: hintOf(ctx, ec.event.chat.platform)('arena') }));
  ec.ack.form = {
    data: encodeForm({ kind: 'join' }),
    title: ec.pt('campaign-join-form-title'),
    fields: [{ id: 'code', label: ec.pt('campaign-join-form-label'), style: 'short', required: true, maxLength: 32, placeholder: 'FR-2027' }],
    submitLabel: ec.pt('form-submit'),
  };
}

export async function onSetting(ctx: ArenaContext, ec: EventContext<ActionEvent>, action: Action & { kind: 'setting' }): Promise<void> {
  const { store, models, log } = ctx;
  if (!(await isAdmin(ctx, ec.event))) return ec.notice(ec.pt('settings-admins-only'));
  const page = pageOf(action);
  if (page !== null) {
    ec.ack.replace = await menuFor(ctx, ec, ec.chatRow, ec.settings, { page });
    return;
  }
  if (action.key === 'tz') {
    if (!ctx.portFor(ec.event.chat.platform).port.limits.forms) return ec.notice(ec.pt('action-stale'));
    ec.ack.form = timezoneForm(ec);
    return;
  }
  if (action.key === 'cmp') return onCampaignSetting(ctx, ec, action);
  let row = ec.chatRow;
  let next: ChatSettings | null = ec.settings;
  if (action.key === 'lb') {
    // Leaderboard posts live in their own table (the scheduler reads it), not in the settings JSON.
    const value = action.value as SchedulePreset;
    if (value !== 'off' && !Object.hasOwn(SCHEDULE_PRESETS, value)) return ec.notice(ec.pt('action-stale'));
    await store.setChatSchedule(row.id, value === 'off' ? null : { cron: SCHEDULE_PRESETS[value], timezone: row.timezone ?? 'UTC' });
  } else {
    next = applySetting(ec.settings, action, models.cards);
    if (!next) return ec.notice(ec.pt(action.key === 'm' ? 'settings-models-minimum' : 'action-stale'));
    row = await updateSettings(ctx, row, next);
  }
  ec.ack.replace = await menuFor(ctx, ec, row, next, { focus: action.key });
  log.info({ chat: row.id, key: action.key, value: action.value }, 'chat settings changed');
  ec.notice(ec.pt('settings-saved'));
}

export async function onTimezoneSubmitted(ctx: ArenaContext, ec: EventContext<SubmitEvent>): Promise<void> {
  if (!(await isAdmin(ctx, ec.event))) return ec.notice(ec.pt('settings-admins-only'));
  const zone = (ec.event.values.timezone ?? '').trim();
  if (await setTimezone(ctx, ec, zone)) ec.notice(ec.pt('settings-timezone-saved', { zone }));
}
