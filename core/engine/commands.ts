// Commands (/help, /privacy, /leaderboard, /settings, /arena) and the settings menu's buttons.
import type { ChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import { isTimeZone, SCHEDULE_PRESETS } from '../leaderboard/scheduler';
import type { ActionEvent, CommandEvent, HandleResult, PnyxEvent, PromptEvent } from '../port/types';
import type { ChatRow, UserRow } from '../store/types';
import type { Action } from './actions';
import type { ArenaContext } from './context';
import { applySetting, renderSettings, type SchedulePreset } from './settings';

export function createCommands(
  ctx: ArenaContext,
  prompts: { onPrompt(event: PromptEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> },
) {
  const { store, models, config, i18n, log, portFor, chatT, personT, rememberChat } = ctx;
  const { onPrompt } = prompts;

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

  const onSetting = async (event: ActionEvent, action: Action & { kind: 'setting' }, chatRow: ChatRow, settings: ChatSettings, pt: Translate): Promise<HandleResult> => {
    if (!(await isAdmin(event))) return { notice: { text: pt('settings-admins-only') } };
    let row = chatRow;
    let next: ChatSettings | null = settings;
    if (action.key === 'lb') {
      // Leaderboard posts live in their own table (the scheduler reads it), not in the settings JSON.
      const value = action.value as SchedulePreset;
      if (value !== 'off' && !(value in SCHEDULE_PRESETS)) return { notice: { text: pt('action-stale') } };
      await store.setChatSchedule(chatRow.id, value === 'off' ? null : { cron: SCHEDULE_PRESETS[value], timezone: chatRow.timezone ?? 'UTC' });
    } else {
      next = applySetting(settings, action, models.cards);
      if (!next) return { notice: { text: pt(action.key === 'm' ? 'settings-models-minimum' : 'action-stale') } };
      row = await updateSettings(chatRow, next);
    }
    const t = chatT(row, next);
    if (event.messageRef) {
      const menu = renderSettings(t, next, row, config, models.cards, await store.chatSchedule(row.id));
      await portFor(event.chat.platform).port.edit(event.chat, event.messageRef, menu);
    }
    log.info({ chat: chatRow.id, key: action.key, value: action.value }, 'chat settings changed');
    return { notice: { text: pt('settings-saved') } };
  };

  const say = (event: PnyxEvent, text: string, image?: { png: Uint8Array; alt: string }) =>
    portFor(event.chat.platform).presenter.open(event.chat, { text, image }, { replyTo: event.messageRef }).settled();

  const onCommand = async (event: CommandEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> => {
    const pt = personT(event, chatRow, settings);
    const t = event.chat.kind === 'private' ? pt : chatT(chatRow, settings);
    switch (event.name) {
      case 'arena':
        return onPrompt({ ...event, type: 'prompt', text: event.args, addressed: true }, chatRow, user, settings);
      case 'start':
        await say(event, t('start-text'));
        return {};
      case 'help':
        await say(event, t('help-text'));
        return {};
      case 'privacy':
        await say(event, t('privacy-text'));
        return {};
      case 'settings': {
        if (!(await isAdmin(event))) return { notice: { text: pt('settings-admins-only') } };
        let row = chatRow;
        // `/settings timezone Europe/Paris`: the one setting a button cannot offer.
        const zone = event.args.trim().match(/^(?:tz|timezone)\s+(\S+)$/i)?.[1];
        if (event.args.trim() && !zone) return { notice: { text: pt('settings-usage') } };
        if (zone) {
          if (!isTimeZone(zone)) return { notice: { text: pt('settings-bad-timezone', { zone }) } };
          row = await store.updateChat(chatRow.id, { timezone: zone });
          rememberChat(row);
          const schedule = await store.chatSchedule(row.id);
          if (schedule) await store.setChatSchedule(row.id, { ...schedule, timezone: zone });
        }
        const menu = renderSettings(t, settings, row, config, models.cards, await store.chatSchedule(row.id));
        await portFor(event.chat.platform).presenter.open(event.chat, menu, { replyTo: event.messageRef }).settled();
        return {};
      }
      case 'leaderboard': {
        if (!ctx.leaderboard) {
          await say(event, t('leaderboard-empty'));
          return {};
        }
        const board = await ctx.leaderboard.render({ chat: chatRow, t, locale: i18n.negotiate(settings.locale, chatRow.locale, config.locale) });
        await say(event, board.text, board.image);
        return {};
      }
    }
  };

  return { onCommand, onSetting };
}
