// The chat settings menu: rendered by the core as text and buttons, so every platform gets the same menu without
// typed syntax, laid out within the platform's button limits (rows of at most maxButtonsPerRow, pages of at most
// maxButtonRows rows), and changed only through validated button actions.
import type { ChatSettings } from '../config/chat-settings';
import type { PnyxConfig, RevealPolicy } from '../config/schema';
import type { Translate } from '../i18n';
import { SUPPORTED_LOCALES } from '../i18n';
import type { Button, OutMessage, PortLimits } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { ChatRow } from '../store/types';
import { SCHEDULE_PRESETS } from '../leaderboard/scheduler';
import { encodeAction, type Action } from './actions';
import { modelName } from './views';

const REVEAL_CHOICES: Record<string, RevealPolicy | null> = {
  def: null,
  v1: { after: 'votes', votes: 1 },
  v3: { after: 'votes', votes: 3 },
  v5: { after: 'votes', votes: 5 },
  m10: { after: 'minutes', minutes: 10 },
  m60: { after: 'minutes', minutes: 60 },
};

/** The page-switch buttons' key. */
const PAGE_KEY = 'pg';

function describePolicy(t: Translate, policy: RevealPolicy): string {
  return policy.after === 'votes' ? t('policy-votes', { votes: policy.votes }) : t('policy-minutes', { minutes: policy.minutes });
}

export type SchedulePreset = keyof typeof SCHEDULE_PRESETS | 'off';

export function presetOf(schedule: { cron: string } | null): SchedulePreset | 'custom' {
  if (!schedule) return 'off';
  const preset = (Object.keys(SCHEDULE_PRESETS) as Array<keyof typeof SCHEDULE_PRESETS>).find((k) => SCHEDULE_PRESETS[k] === schedule.cron);
  return preset ?? 'custom';
}

/** What the menu shows besides the settings themselves. */
export interface MenuContext {
  chat: ChatRow;
  config: PnyxConfig;
  cards: ModelCard[];
  schedule: { cron: string; timezone: string } | null;
  limits: PortLimits;
  /** How a person types a command here (for the time zone hint where there are no forms). */
  commandHint: (name: string) => string;
  /** Some models have prices: the chat's daily spending limit is offered. */
  priced?: boolean;
  /** Campaigns are on: the chat's campaign title (null: in none, "Join a campaign" is offered). */
  campaign?: string | null;
}

/** Battle modes a chat picks outside campaigns (custom battles the chat's two allowed models). */
const CHAT_MODES = ['random', 'big-vs-small', 'frugal', 'custom'] as const;

/** Daily spending limits a chat's admins can pick (US dollars). */
const SPEND_PRESETS = [1, 5, 20] as const;

/** One group of buttons that belong together (a setting's choices); the key of the setting they change. */
interface Section {
  key: string;
  buttons: Button[];
}

function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

function sections(t: Translate, settings: ChatSettings, menu: MenuContext): Section[] {
  const { chat, config, cards, schedule, limits } = menu;
  const button = (label: string, key: string, value: string, active = false): Button => ({
    label: active ? `• ${label} •` : label,
    data: encodeAction({ kind: 'setting', key, value }),
    style: active ? 'primary' : 'secondary',
  });
  const preset = presetOf(schedule);
  const reveal = (value: string, p: RevealPolicy | null) =>
    button(p ? describePolicy(t, p) : t('policy-default', { policy: describePolicy(t, config.battle.reveal[chat.kind]) }), 'rev', value, JSON.stringify(settings.reveal) === JSON.stringify(p));
  const list: Section[] = [
    { key: 'on', buttons: [button(t('settings-btn-toggle', { on: settings.enabled ? 'yes' : 'no' }), 'on', settings.enabled ? '0' : '1')] },
    {
      key: 'trig',
      buttons: [
        button(t('settings-btn-trigger-addressed'), 'trig', 'addressed', settings.trigger === 'addressed'),
        button(t('settings-btn-trigger-all'), 'trig', 'all', settings.trigger === 'all'),
      ],
    },
    { key: 'rev', buttons: Object.entries(REVEAL_CHOICES).filter(([v]) => v !== 'def').map(([v, p]) => reveal(v, p)).concat(reveal('def', null)) },
    {
      key: 'lang',
      buttons: [button(t('language-auto'), 'lang', 'auto', settings.locale === null), ...SUPPORTED_LOCALES.map((l) => button(t(`language-${l}`), 'lang', l, settings.locale === l))],
    },
  ];
  if (limits.threads) {
    list.push({
      key: 'lay',
      buttons: [button(t('settings-btn-layout-thread'), 'lay', 'thread', (settings.layout ?? 'thread') === 'thread'), button(t('settings-btn-layout-inline'), 'lay', 'inline', settings.layout === 'inline')],
    });
  }
  list.push({ key: 'pub', buttons: [button(t('settings-btn-publish', { on: settings.publishData ? 'yes' : 'no' }), 'pub', settings.publishData ? '0' : '1')] });
  list.push({ key: 'lb', buttons: (['off', 'daily', 'weekly'] as const).map((p) => button(t('settings-btn-schedule', { preset: p }), 'lb', p, preset === p)) });
  if (menu.priced) {
    list.push({
      key: 'sp',
      buttons: [button(t('settings-btn-spend', { cap: 'default' }), 'sp', 'def', settings.spendCapUsd === null), ...SPEND_PRESETS.map((cap) => button(t('settings-btn-spend', { cap: String(cap) }), 'sp', String(cap), settings.spendCapUsd === cap))],
    });
  }
  if (menu.campaign !== undefined) {
    list.push({ key: 'cmp', buttons: [menu.campaign === null ? button(t('settings-btn-campaign-join'), 'cmp', 'join') : button(t('settings-btn-campaign-leave'), 'cmp', 'leave')] });
  }
  list.push({ key: 'mode', buttons: CHAT_MODES.map((m) => button(t('settings-btn-mode', { mode: m }), 'mode', m, settings.mode === m)) });
  if (limits.forms) list.push({ key: 'tz', buttons: [button(t('settings-btn-timezone', { timezone: chat.timezone ?? 'UTC' }), 'tz', 'ask')] });
  // One toggle per model; indexes keep the payload short whatever the model ids are.
  const battling = cards.filter((c) => c.weight > 0);
  const allowed = settings.models ? new Set(settings.models) : null;
  list.push({
    key: 'm',
    buttons: battling.map((card) =>
      button(t('settings-btn-model', { on: !allowed || allowed.has(card.id) ? 'yes' : 'no', model: modelName(t, card, card.id) }), 'm', String(cards.indexOf(card))),
    ),
  });
  return list;
}

/** Rows within the platform's width; each row remembers the setting it changes. */
function layoutRows(list: Section[], limits: PortLimits): Array<{ key: string; buttons: Button[] }> {
  const perRow = Math.max(1, limits.maxButtonsPerRow);
  // Model toggles read best two by two; other settings keep their choices on as few rows as fit.
  const rows: Array<{ key: string; buttons: Button[] }> = [];
  for (const section of list) {
    const width = section.key === 'm' ? Math.min(2, perRow) : perRow;
    const buttons = section.buttons.map((b) => ({ ...b, label: clip(b.label, limits.maxButtonLabelChars) }));
    for (let i = 0; i < buttons.length; i += width) rows.push({ key: section.key, buttons: buttons.slice(i, i + width) });
  }
  return rows;
}

export function renderSettings(t: Translate, settings: ChatSettings, menu: MenuContext, where: { page?: number; focus?: string } = {}): OutMessage {
  const { chat, config, cards, schedule, limits } = menu;
  const policy = settings.reveal ?? config.battle.reveal[chat.kind];
  const battling = cards.filter((c) => c.weight > 0);
  const allowed = settings.models ? new Set(settings.models) : null;
  const lines = [
    t('settings-title'),
    '',
    t('settings-enabled', { on: settings.enabled ? 'yes' : 'no' }),
    t('settings-trigger', { trigger: settings.trigger }),
    t('settings-reveal', { policy: settings.reveal ? describePolicy(t, policy) : t('policy-default', { policy: describePolicy(t, policy) }) }),
    t('settings-language', { language: settings.locale ? t(`language-${settings.locale}`) : t('language-auto') }),
  ];
  // Set by a campaign the chat joined: why prompts in other languages get a hint instead of a battle.
  if (settings.languages.length) {
    const named = settings.languages.map((code) => ((SUPPORTED_LOCALES as readonly string[]).includes(code) ? t(`language-${code}`) : code));
    lines.push(t('settings-languages', { languages: named.join(', ') }));
  }
  if (limits.threads) lines.push(t('settings-layout', { layout: settings.layout ?? 'thread' }));
  lines.push(
    t('settings-models', { count: allowed ? battling.filter((c) => allowed.has(c.id)).length : battling.length, total: battling.length }),
    t('settings-schedule', { preset: presetOf(schedule), cron: schedule?.cron ?? '', timezone: chat.timezone ?? 'UTC' }),
  );
  if (menu.priced) {
    const cap = settings.spendCapUsd ?? config.spend.chatDailyCapUsd;
    lines.push(t('settings-spend', { cap: cap === null ? 'none' : cap.toFixed(2) }));
  }
  if (menu.campaign !== undefined) lines.push(t('settings-campaign', { title: menu.campaign ?? 'none' }));
  lines.push(t('settings-mode', { mode: t('settings-btn-mode', { mode: settings.mode }) }));
  lines.push(t('settings-publish', { on: settings.publishData ? 'yes' : 'no', privacy: menu.commandHint('privacy') }));
  if (!limits.forms) lines.push(t('settings-timezone-hint', { command: menu.commandHint('settings') }));

  const rows = layoutRows(sections(t, settings, menu), limits);
  const maxRows = Math.max(2, limits.maxButtonRows);
  if (rows.length <= maxRows) return { text: lines.join('\n'), buttons: rows.map((r) => r.buttons), role: 'menu' };
  // Too many rows for one message: pages of maxRows - 1 rows, and a row to move between them.
  const perPage = maxRows - 1;
  const pages = Math.ceil(rows.length / perPage);
  const focused = where.focus ? rows.findIndex((r) => r.key === where.focus) : -1;
  const page = Math.min(pages - 1, Math.max(0, focused >= 0 ? Math.floor(focused / perPage) : (where.page ?? 0)));
  const nav: Button[] = [];
  if (page > 0) nav.push({ label: t('settings-btn-page-previous'), data: encodeAction({ kind: 'setting', key: PAGE_KEY, value: String(page - 1) }), style: 'secondary' });
  nav.push({ label: t('settings-page', { page: page + 1, pages }), data: encodeAction({ kind: 'setting', key: PAGE_KEY, value: String(page) }), style: 'secondary' });
  if (page < pages - 1) nav.push({ label: t('settings-btn-page-next'), data: encodeAction({ kind: 'setting', key: PAGE_KEY, value: String(page + 1) }), style: 'secondary' });
  const shown = rows.slice(page * perPage, (page + 1) * perPage).map((r) => r.buttons);
  return { text: lines.join('\n'), buttons: [...shown, nav], role: 'menu' };
}

/** A press that only moves between pages of the menu (no setting changes): the page asked for. */
export function pageOf(action: Action & { kind: 'setting' }): number | null {
  if (action.key !== PAGE_KEY || !/^\d{1,2}$/.test(action.value)) return null;
  return Number(action.value);
}

/** The settings after one button press, or null when the press is not valid (stale menu, forged data). */
export function applySetting(settings: ChatSettings, action: Action & { kind: 'setting' }, cards: ModelCard[]): ChatSettings | null {
  const { key, value } = action;
  switch (key) {
    case 'on':
      return value === '0' || value === '1' ? { ...settings, enabled: value === '1' } : null;
    case 'trig':
      return value === 'addressed' || value === 'all' ? { ...settings, trigger: value } : null;
    case 'rev':
      return Object.hasOwn(REVEAL_CHOICES, value) ? { ...settings, reveal: REVEAL_CHOICES[value]! } : null;
    case 'lang':
      if (value === 'auto') return { ...settings, locale: null };
      return (SUPPORTED_LOCALES as readonly string[]).includes(value) ? { ...settings, locale: value as ChatSettings['locale'] } : null;
    case 'pub':
      return value === '0' || value === '1' ? { ...settings, publishData: value === '1' } : null;
    case 'lay':
      return value === 'thread' || value === 'inline' ? { ...settings, layout: value } : null;
    case 'mode':
      return (CHAT_MODES as readonly string[]).includes(value) ? { ...settings, mode: value as ChatSettings['mode'] } : null;
    case 'sp':
      if (value === 'def') return { ...settings, spendCapUsd: null };
      return (SPEND_PRESETS as readonly number[]).includes(Number(value)) ? { ...settings, spendCapUsd: Number(value) } : null;
    case 'm': {
      const card = cards[Number(value)];
      if (!card || !/^\d+$/.test(value)) return null;
      const battling = cards.filter((c) => c.weight > 0).map((c) => c.id);
      const current = new Set(settings.models ?? battling);
      if (current.has(card.id)) current.delete(card.id);
      else current.add(card.id);
      // A chat cannot battle with fewer than two models: refuse the press that would leave one.
      if (current.size < 2) return null;
      const all = battling.every((id) => current.has(id));
      return { ...settings, models: all ? null : battling.filter((id) => current.has(id)) };
    }
    default:
      return null;
  }
}
