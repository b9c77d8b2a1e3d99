// The chat settings menu: rendered by the core as text and buttons, so every platform gets the same menu without
// typed syntax, and changed only through validated button actions.
import type { ChatSettings } from '../config/chat-settings';
import type { PnyxConfig, RevealPolicy } from '../config/schema';
import type { Translate } from '../i18n';
import type { Button, OutMessage } from '../port/types';
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

function describePolicy(t: Translate, policy: RevealPolicy): string {
  return policy.after === 'votes' ? t('policy-votes', { votes: policy.votes }) : t('policy-minutes', { minutes: policy.minutes });
}

const button = (label: string, key: string, value: string, active = false): Button => ({
  label: active ? `• ${label} •` : label,
  data: encodeAction({ kind: 'setting', key, value }),
  style: active ? 'primary' : 'secondary',
});

export type SchedulePreset = keyof typeof SCHEDULE_PRESETS | 'off';

export function presetOf(schedule: { cron: string } | null): SchedulePreset | 'custom' {
  if (!schedule) return 'off';
  const preset = (Object.keys(SCHEDULE_PRESETS) as Array<keyof typeof SCHEDULE_PRESETS>).find((k) => SCHEDULE_PRESETS[k] === schedule.cron);
  return preset ?? 'custom';
}

export function renderSettings(
  t: Translate,
  settings: ChatSettings,
  chat: ChatRow,
  config: PnyxConfig,
  cards: ModelCard[],
  schedule: { cron: string; timezone: string } | null = null,
): OutMessage {
  const policy = settings.reveal ?? config.battle.reveal[chat.kind];
  const battling = cards.filter((c) => c.weight > 0);
  const allowed = settings.models ? new Set(settings.models) : null;
  const text = [
    t('settings-title'),
    '',
    t('settings-enabled', { on: settings.enabled ? 'yes' : 'no' }),
    t('settings-trigger', { trigger: settings.trigger }),
    t('settings-reveal', { policy: settings.reveal ? describePolicy(t, policy) : t('policy-default', { policy: describePolicy(t, policy) }) }),
    t('settings-language', { language: settings.locale ? t(`language-${settings.locale}`) : t('language-auto') }),
    t('settings-models', { count: allowed ? battling.filter((c) => allowed.has(c.id)).length : battling.length, total: battling.length }),
    t('settings-schedule', { preset: presetOf(schedule), cron: schedule?.cron ?? '', timezone: chat.timezone ?? 'UTC' }),
    t('settings-timezone-hint'),
  ].join('\n');
  const preset = presetOf(schedule);
  const rows: Button[][] = [
    [button(t('settings-btn-toggle', { on: settings.enabled ? 'yes' : 'no' }), 'on', settings.enabled ? '0' : '1')],
    [
      button(t('settings-btn-trigger-addressed'), 'trig', 'addressed', settings.trigger === 'addressed'),
      button(t('settings-btn-trigger-all'), 'trig', 'all', settings.trigger === 'all'),
    ],
    Object.entries(REVEAL_CHOICES)
      .slice(1, 4)
      .map(([value, p]) => button(describePolicy(t, p!), 'rev', value, JSON.stringify(settings.reveal) === JSON.stringify(p))),
    [
      ...Object.entries(REVEAL_CHOICES)
        .slice(4)
        .map(([value, p]) => button(describePolicy(t, p!), 'rev', value, JSON.stringify(settings.reveal) === JSON.stringify(p))),
      button(t('policy-default', { policy: describePolicy(t, config.battle.reveal[chat.kind]) }), 'rev', 'def', settings.reveal === null),
    ],
    [
      button(t('language-auto'), 'lang', 'auto', settings.locale === null),
      button(t('language-en'), 'lang', 'en', settings.locale === 'en'),
      button(t('language-fr'), 'lang', 'fr', settings.locale === 'fr'),
    ],
  ];
  rows.push(
    (['off', 'daily', 'weekly'] as const).map((p) => button(t('settings-btn-schedule', { preset: p }), 'lb', p, preset === p)),
  );
  // One toggle per model, two per row; indexes keep the payload short whatever the model ids are.
  const modelButtons = battling.map((card) =>
    button(t('settings-btn-model', { on: !allowed || allowed.has(card.id) ? 'yes' : 'no', model: modelName(t, card, card.id) }), 'm', String(cards.indexOf(card))),
  );
  for (let i = 0; i < modelButtons.length; i += 2) rows.push(modelButtons.slice(i, i + 2));
  return { text, buttons: rows };
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
      return value in REVEAL_CHOICES ? { ...settings, reveal: REVEAL_CHOICES[value]! } : null;
    case 'lang':
      return value === 'auto' ? { ...settings, locale: null } : value === 'en' || value === 'fr' ? { ...settings, locale: value } : null;
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
