import { describe, expect, it } from 'vitest';
import { parseChatSettings } from '../config/chat-settings';
import { parseConfig } from '../config/load';
import { createI18n } from '../i18n';
import type { PortLimits } from '../port/types';
import type { ModelCard } from '../providers/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import type { ChatRow } from '../store/types';
import { decodeAction } from './actions';
import { applySetting, pageOf, renderSettings } from './settings';

const t = createI18n().t('en');
const config = parseConfig(DEMO_MODELS_CONFIG);
const cards: ModelCard[] = Array.from({ length: 9 }, (_, i) => ({ id: `m${i}`, provider: 'demo', displayName: `A model with a rather long display name number ${i}`, demo: false, weight: 1 }));
const chat: ChatRow = { id: 'c', platform: 'p', externalId: 'x', kind: 'group', title: null, locale: null, timezone: null, space: null, settings: '{}', enabled: true };
const roomy: PortLimits = { maxMessageChars: 4000, minEditIntervalMs: 0, maxNoticeChars: 200, privateButtons: false, threads: false, forms: false, maxButtonsPerRow: 8, maxButtonRows: 100, maxButtonDataBytes: 64, maxButtonLabelChars: 64 };
const menu = (limits: PortLimits) => ({ chat, config, cards, schedule: null, limits, commandHint: (n: string) => `/${n}` });

describe('settings menu layout', () => {
  it('fits one page when the platform allows many rows', () => {
    const out = renderSettings(t, parseChatSettings('{}'), menu(roomy));
    expect(out.role).toBe('menu');
    expect(out.buttons!.flat().some((b) => b.label.includes('Page'))).toBe(false);
    // Every model has its toggle; no thread or time-zone button where the platform has neither threads nor forms.
    expect(out.buttons!.flat().filter((b) => decodeAction(b.data)?.kind === 'setting' && b.data.startsWith('s:m:'))).toHaveLength(9);
    expect(out.buttons!.flat().some((b) => b.data.startsWith('s:lay:') || b.data.startsWith('s:tz:'))).toBe(false);
    expect(out.text).toContain('/settings timezone Europe/Paris');
  });

  it('paginates within five rows of five buttons, with labels clipped to the platform limit', () => {
    const tight = { ...roomy, maxButtonsPerRow: 5, maxButtonRows: 5, maxButtonLabelChars: 30, threads: true, forms: true };
    const pages: string[][] = [];
    let page = 0;
    for (;;) {
      const out = renderSettings(t, parseChatSettings('{}'), menu(tight), { page });
      expect(out.buttons!.length).toBeLessThanOrEqual(5);
      for (const row of out.buttons!) expect(row.length).toBeLessThanOrEqual(5);
      for (const b of out.buttons!.flat()) expect(b.label.length).toBeLessThanOrEqual(30);
      const nav = out.buttons!.at(-1)!;
      pages.push(out.buttons!.slice(0, -1).flat().map((b) => b.data));
      const next = nav.find((b) => b.label.startsWith('Next'));
      if (!next) break;
      page = pageOf(decodeAction(next.data) as never)!;
    }
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flat();
    // Every setting is reachable on some page: threads and the time-zone form appear where the platform has them.
    for (const key of ['on', 'trig', 'rev', 'lang', 'lay', 'lb', 'tz']) expect(all.some((d) => d.startsWith(`s:${key}:`))).toBe(true);
    expect(all.filter((d) => d.startsWith('s:m:'))).toHaveLength(9);
  });

  it('shows, after a press, the page holding the setting that was pressed', () => {
    const tight = { ...roomy, maxButtonsPerRow: 5, maxButtonRows: 5 };
    const out = renderSettings(t, parseChatSettings('{}'), menu(tight), { focus: 'm' });
    expect(out.buttons!.flat().some((b) => b.data.startsWith('s:m:'))).toBe(true);
  });

  it('applies the layout setting and refuses unknown values', () => {
    const settings = parseChatSettings('{}');
    expect(applySetting(settings, { kind: 'setting', key: 'lay', value: 'inline' }, cards)?.layout).toBe('inline');
    expect(applySetting(settings, { kind: 'setting', key: 'lay', value: 'sideways' }, cards)).toBeNull();
    expect(applySetting(settings, { kind: 'setting', key: 'rev', value: 'constructor' }, cards)).toBeNull();
  });
});

describe('settings language picker', () => {
  it('offers automatic and all eight languages by their own names; choosing Arabic switches the menu to Arabic', () => {
    const out = renderSettings(t, parseChatSettings('{}'), menu(roomy));
    const languages = out.buttons!.flat().filter((b) => b.data.startsWith('s:lang:'));
    expect(languages.map((b) => b.data.slice('s:lang:'.length))).toEqual(['auto', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ar']);
    expect(languages.map((b) => b.label.replace(/^• | •$/g, ''))).toEqual(['automatic', 'English', 'Français', 'Deutsch', 'Español', 'Italiano', 'Português', 'Nederlands', 'العربية']);
    const arabic = applySetting(parseChatSettings('{}'), { kind: 'setting', key: 'lang', value: 'ar' }, cards)!;
    expect(arabic.locale).toBe('ar');
    expect(parseChatSettings(JSON.stringify(arabic)).locale).toBe('ar');
    const shown = renderSettings(createI18n().t(arabic.locale), arabic, menu(roomy));
    expect(shown.text.replace(/[\u2066-\u2069]/g, '')).toContain('اللغة: العربية');
    expect(applySetting(parseChatSettings('{}'), { kind: 'setting', key: 'lang', value: 'tr' }, cards)).toBeNull();
  });
});

describe('settings text', () => {
  it('shows the languages a campaign restricted the chat to, and nothing when there are none', () => {
    expect(renderSettings(t, parseChatSettings('{}'), menu(roomy)).text).not.toMatch(/Prompts collected in/);
    const restricted = renderSettings(t, parseChatSettings(JSON.stringify({ languages: ['fr', 'ar', 'ca'] })), menu(roomy));
    expect(restricted.text).toContain('Prompts collected in: Français, العربية, ca');
  });
});
