// Commands (/help, /privacy, /leaderboard, /settings; /arena is a prompt) and the settings menu's buttons and forms.
// Short answers to one person go in the acknowledgement where the platform can answer privately; everything posted in
// the chat is work that follows it.
import type { ChatSettings } from '../config/chat-settings';
import { isTimeZone, SCHEDULE_PRESETS } from '../leaderboard/scheduler';
import type { BoardChoice } from '../leaderboard/types';
import type { ActionEvent, Button, CommandEvent, Form, OutMessage, PnyxEvent, PortLimits, SubmitEvent } from '../port/types';
import type { ChatRow } from '../store/types';
import { encodeAction, encodeForm, type Action } from './actions';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { CAMPAIGN_WORDS } from './pipeline';
import { titleOf } from './campaigns';
import { applySetting, pageOf, renderSettings, type SchedulePreset } from './settings';

const hintOf = (ctx: ArenaContext, platform: string) => {
  const port = ctx.ports.get(platform)?.port;
  return (name: string) => port?.commandHint?.(name) ?? `/${name}`;
};

export function createCommands(ctx: ArenaContext) {
  const { store, models, config, i18n, log, portFor, rememberChat } = ctx;

  const isAdmin = async (event: PnyxEvent): Promise<boolean> => {
    if (event.chat.kind === 'private') return true;
    try {
      return (await event.isAdmin?.()) ?? false;
    } catch (error) {
      log.warn({ err: error, chat: event.chat.id }, 'admin check failed; treating as not admin');
      return false;
    }
  };

  const updateSettings = async (chatRow: ChatRow, settings: ChatSettings): Promise<ChatRow> => {
    const row = await store.updateChat(chatRow.id, { settings: JSON.stringify(settings) });
    rememberChat(row);
    return row;
  };

  const menuFor = async (ec: EventContext, row: ChatRow, settings: ChatSettings, where: { page?: number; focus?: string } = {}): Promise<OutMessage> => {
    const t = ctx.chatT(row, settings);
    const { port } = portFor(ec.event.chat.platform);
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
        ...(ctx.campaigns ? { campaign: await campaignTitle(row, settings) } : {}),
      },
      where,
    );
  };

  /** The chat's campaign title in its language, or null (the menu then offers to join one). */
  const campaignTitle = async (row: ChatRow, settings: ChatSettings): Promise<string | null> => {
    const campaign = await ctx.campaigns?.ofChat(row.id);
    return campaign ? titleOf(campaign, i18n.negotiate(settings.locale, row.locale, config.locale)) : null;
  };

  /** Posts in the chat as the public answer to the event (work after the acknowledgement). */
  const post = (ec: EventContext, message: OutMessage) =>
    ec.work('post', async () => {
      const { presenter } = portFor(ec.event.chat.platform);
      await presenter
        .open(ec.event.chat, message, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery })
        .settled();
    });

  /** Text for the person: privately where the platform can, else in the chat. */
  const answer = (ec: EventContext, text: string) => {
    if (ec.event.privateReply && ec.event.chat.kind === 'group') ec.notice(text);
    else post(ec, { text, role: 'info' });
  };

  const timezoneForm = (ec: EventContext): Form => ({
    data: encodeForm({ kind: 'timezone' }),
    title: ec.pt('settings-timezone-title'),
    fields: [
      { id: 'timezone', label: ec.pt('settings-timezone-label'), style: 'short', required: true, maxLength: 64, placeholder: 'Europe/Paris', value: ec.chatRow.timezone ?? '' },
    ],
    submitLabel: ec.pt('form-submit'),
  });

  /** Sets the chat's time zone (and its leaderboard schedule's); a refusal notice when the zone is unknown. */
  const setTimezone = async (ec: EventContext, zone: string): Promise<ChatRow | null> => {
    if (!isTimeZone(zone)) {
      ec.notice(ec.pt('settings-bad-timezone', { zone }));
      return null;
    }
    const row = await store.updateChat(ec.chatRow.id, { timezone: zone });
    rememberChat(row);
    const schedule = await store.chatSchedule(row.id);
    if (schedule) await store.setChatSchedule(row.id, { ...schedule, timezone: zone });
    log.info({ chat: row.id, timezone: zone }, 'chat time zone changed');
    return row;
  };

  const onSetting = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'setting' }): Promise<void> => {
    if (!(await isAdmin(ec.event))) return ec.notice(ec.pt('settings-admins-only'));
    const page = pageOf(action);
    if (page !== null) {
      ec.ack.replace = await menuFor(ec, ec.chatRow, ec.settings, { page });
      return;
    }
    if (action.key === 'tz') {
      if (!portFor(ec.event.chat.platform).port.limits.forms) return ec.notice(ec.pt('action-stale'));
      ec.ack.form = timezoneForm(ec);
      return;
    }
    if (action.key === 'cmp') {
      // Joining takes a code: a form where the platform has forms, else how to type it.
      if (action.value === 'leave') {
        await ctx.features?.leave(ec);
        ec.ack.replace = await menuFor(ec, ec.chatRow, ec.settings, { focus: 'cmp' });
        return;
      }
      if (action.value !== 'join') return ec.notice(ec.pt('action-stale'));
      if (!portFor(ec.event.chat.platform).port.limits.forms) return ec.notice(ec.pt('campaign-join-usage', { command: hintOf(ctx, ec.event.chat.platform)('arena') }));
      ec.ack.form = {
        data: encodeForm({ kind: 'join' }),
        title: ec.pt('campaign-join-form-title'),
        fields: [{ id: 'code', label: ec.pt('campaign-join-form-label'), style: 'short', required: true, maxLength: 32, placeholder: 'FR-2027' }],
        submitLabel: ec.pt('form-submit'),
      };
      return;
    }
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
      row = await updateSettings(row, next);
    }
    ec.ack.replace = await menuFor(ec, row, next, { focus: action.key });
    log.info({ chat: row.id, key: action.key, value: action.value }, 'chat settings changed');
    ec.notice(ec.pt('settings-saved'));
  };

  const onTimezoneSubmitted = async (ec: EventContext<SubmitEvent>): Promise<void> => {
    if (!(await isAdmin(ec.event))) return ec.notice(ec.pt('settings-admins-only'));
    const zone = (ec.event.values.timezone ?? '').trim();
    if (await setTimezone(ec, zone)) ec.notice(ec.pt('settings-timezone-saved', { zone }));
  };

  const onCommand = async (ec: EventContext<CommandEvent>): Promise<void> => {
    const { event } = ec;
    const t = event.chat.kind === 'private' ? ec.pt : ec.t;
    const hint = hintOf(ctx, event.chat.platform);
    switch (event.name) {
      case 'arena': {
        // Only `/arena join CODE`, `/arena leave` and `/arena campaign` reach here; other /arena text became a prompt.
        const [, word, code] = CAMPAIGN_WORDS.exec(event.args.trim()) ?? [];
        const features = ctx.features;
        if (!features) return;
        if (word?.toLowerCase() === 'join') return code ? features.join(ec, code) : ec.notice(ec.pt('campaign-join-usage', { command: hint('arena') }));
        if (word?.toLowerCase() === 'leave') return features.leave(ec);
        return features.showProgress(ec);
      }
      case 'campaign':
        return ctx.features?.showProgress(ec);
      case 'start':
        return answer(ec, t('start-text', helpArgs(hint)));
      case 'help':
        return answer(ec, t('help-text', helpArgs(hint)));
      case 'privacy':
        return answer(ec, t('privacy-text'));
      case 'settings': {
        if (!(await isAdmin(event))) return ec.notice(ec.pt('settings-admins-only'));
        let row = ec.chatRow;
        // `/settings timezone Europe/Paris` (or the command's timezone option): the one setting typed where no form exists.
        const args = event.args.trim();
        const zone = args.match(/^(?:tz|timezone)?\s*(\S+\/\S+|UTC|GMT)$/i)?.[1];
        if (args && !zone) return ec.notice(ec.pt('settings-usage', { command: hint('settings') }));
        if (zone) {
          const changed = await setTimezone(ec, zone);
          if (!changed) return;
          row = changed;
        }
        const menu = await menuFor(ec, row, ec.settings);
        const { port } = portFor(event.chat.platform);
        // Admins get the menu privately where the platform can show one person buttons; else it is posted.
        if (event.chat.kind === 'group' && event.privateReply && port.limits.privateButtons) ec.notice(menu.text, { buttons: menu.buttons });
        else post(ec, menu);
        return;
      }
      case 'leaderboard':
        return postBoard(ec, null);
    }
  };

  /** Posts the leaderboard (of one category of prompts), with buttons to switch category where there are several. */
  const postBoard = (ec: EventContext, category: string | null) => {
    const board = ctx.leaderboard;
    if (!board) return post(ec, { text: ec.t('leaderboard-empty'), role: 'board' });
    const { event } = ec;
    const locale = i18n.negotiate(ec.settings.locale, ec.chatRow.locale, config.locale);
    ec.work('leaderboard', async () => {
      const rendered = await board.render({ chat: ec.chatRow, t: ec.t, locale, ...(category ? { category } : {}) });
      const { port, presenter } = portFor(event.chat.platform);
      const buttons = categoryButtons(rendered.categories ?? [], category, port.limits);
      await presenter
        .open(
          event.chat,
          { text: rendered.text, role: 'board', ...(rendered.image ? { image: rendered.image } : {}), ...(buttons.length ? { buttons } : {}) },
          { ...(event.messageRef ? { replyTo: event.messageRef } : {}), answering: event.delivery },
        )
        .settled();
    });
  };

  const onBoard = (ec: EventContext<ActionEvent>, action: Action & { kind: 'board' }) => postBoard(ec, action.category);

  return { onCommand, onSetting, onTimezoneSubmitted, onBoard };
}

/** One button per category, the shown one marked, within the platform's rows (the rest is left out). */
function categoryButtons(choices: readonly BoardChoice[], shown: string | null, limits: PortLimits): Button[][] {
  if (choices.length < 2) return [];
  const buttons = choices.map((c) => {
    const label = c.id === shown ? `• ${c.label} •` : c.label;
    return {
      label: label.length > limits.maxButtonLabelChars ? `${label.slice(0, limits.maxButtonLabelChars - 1)}…` : label,
      data: encodeAction({ kind: 'board', category: c.id }),
      style: (c.id === shown ? 'primary' : 'secondary') as Button['style'],
    };
  });
  const perRow = Math.max(1, Math.min(limits.maxButtonsPerRow, 3));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length && rows.length < limits.maxButtonRows; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** The command names as this platform writes them, for the help text's placeables. */
function helpArgs(hint: (name: string) => string): Record<string, string> {
  return { arena: hint('arena'), leaderboard: hint('leaderboard'), privacy: hint('privacy'), settings: hint('settings'), help: hint('help') };
}
