// The organizer dashboard in headless Chromium (Debian's chromium via playwright-core), against the real app (demo
// models, SQLite): off without PNYX_ORGANIZER_TOKEN, refused without the token, shown with it (on a phone-sized
// screen), and its report links. Screenshots go to test-output/dashboard/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember } from '../testing';
import { validateSpec } from '../../../core/campaigns/spec';
import { applyCampaign } from '../../../core/campaigns/store';
import { createPnyx, type PnyxApp } from '../../../core/app';
import { DEMO_MODELS_CONFIG } from '../../../core/providers/registry';
import { startWebPlayground, type WebPlayground } from '../server';
import { createDashboard } from './routes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? false : `browser tests skipped: ${CHROMIUM} not found`;
const shots = join(process.cwd(), 'test-output', 'dashboard');
const TOKEN = 'organizer-token-for-tests-0123456789';

async function start(env: NodeJS.ProcessEnv): Promise<{ app: PnyxApp; web: WebPlayground; url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-dashboard-'));
  const config = {
    locale: 'en',
    ...DEMO_MODELS_CONFIG,
    models: DEMO_MODELS_CONFIG.models.filter((m) => m.id !== 'demo-laconic'),
    providers: { demo: { type: 'demo', tokensPerSecond: 400 } },
    battle: { reveal: { private: { after: 'votes', votes: 1 }, group: { after: 'votes', votes: 1 } }, perUserPerMinute: 100, perChatPerMinute: 100 },
  };
  const app = await createPnyx({ config, env: { DATABASE_URL: `file:${join(dir, 'web.db')}`, LOG_LEVEL: 'silent' } });
  const dashboard = createDashboard({ db: app.db.kysely, i18n: app.i18n, log: app.log, env, bootstrap: 50 });
  const web = await startWebPlayground({ app, host: '127.0.0.1', port: 0, dashboard });
  await app.arena.start();
  return {
    app,
    web,
    url: web.url.replace(/\/$/, ''),
    async close() {
      await web.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('organizer dashboard', () => {
  it('is off without PNYX_ORGANIZER_TOKEN, and refuses a token that is too short', async () => {
    const off = await start({});
    try {
      expect((await fetch(`${off.url}/campaigns/example`)).status).toBe(404);
      expect(createDashboard({ db: off.app.db.kysely, i18n: off.app.i18n, log: off.app.log, env: { PNYX_ORGANIZER_TOKEN: 'short' } })).toBeNull();
    } finally {
      await off.close();
    }
  });

  describe.skipIf(missing)('in Chromium', () => {
    let s: Awaited<ReturnType<typeof start>>;
    let browser: Browser;
    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      s = await start({ PNYX_ORGANIZER_TOKEN: TOKEN });
      const spec = validateSpec({
        slug: 'voices',
        title: { en: 'Voices of 2027', fr: 'Voix de 2027' },
        languages: ['fr', 'en', 'ar'],
        goal: { votes: 40, perLanguage: { fr: 20, en: 10, ar: 10 } },
        ends: new Date(Date.now() + 12 * 86_400_000).toISOString(),
        joinCode: 'VOICES-27',
      });
      if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
      await applyCampaign(s.app.db.kysely, spec.spec);
      // A browser as a script (session cookie, CSRF token): Olive names herself first, so she is the room's creator.
      const olive = await newMember(s.url, 'Olive');
      const say = (text: string, n: number) => olive.post('/api/rooms/voices-room/messages', { text, requestId: `dashboard-request-${n}` });
      await say('/arena join VOICES-27', 1);
      await say('Explain in two sentences why bread rises in the oven', 2);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it('refuses without the token and with a wrong one', async () => {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).newPage();
      const res = await page.goto(`${s.url}/campaigns/voices`);
      expect(res?.status()).toBe(401);
      await expect.poll(() => page.getByRole('heading', { name: 'Organizer sign-in' }).count()).toBe(1);
      expect(await page.content()).not.toContain('Voices of 2027');
      await page.screenshot({ path: join(shots, 'refused.png'), fullPage: true });
      await page.getByLabel('Organizer token').fill('not-the-token-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('That token is not right');
      expect((await fetch(`${s.url}/campaigns/voices/report.json`)).status).toBe(401);
      expect((await fetch(`${s.url}/campaigns/voices/report.json`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    });

    it('shows live progress, the boards per language and the chats per platform with the token, on a phone', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', deviceScaleFactor: 2 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${s.url}/campaigns/voices`);
      await page.getByLabel('Organizer token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Voices of 2027');
      expect(await page.getByRole('img', { name: 'Voices of 2027' }).count()).toBeGreaterThan(0);
      const text = await page.locator('main').innerText();
      expect(text).toContain('0 of 40 votes (0 %)');
      expect(text).toContain('French: 0 of 20 (0 %)');
      expect(text).toMatch(/1[12] days left/);
      expect(text).toContain('web: 1 chat');
      for (const heading of ['All languages', 'French', 'English', 'Arabic']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shots, 'campaign-phone.png'), fullPage: true });
      const download = await fetch(`${s.url}/campaigns/voices/report.json`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(download.status).toBe(200);
      expect(await download.json()).toMatchObject({ slug: 'voices', byLanguage: [{ language: 'fr' }, { language: 'en' }, { language: 'ar' }] });
      expect(errors).toEqual([]);
    });
  });
});
