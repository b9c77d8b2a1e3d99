// The playground in Arabic, in headless Chromium: the page is right to left (lang="ar" dir="rtl", chosen from the
// browser's Accept-Language), the room's posts are in Arabic, and text in another script keeps its own direction (an
// English prompt reads left to right inside the Arabic page; names are isolated). Screenshots: test-output/web/rtl-*.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from './testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? false : `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`;
const shots = join(process.cwd(), 'test-output', 'web');

describe.skipIf(missing)('web playground right to left (Arabic)', () => {
  let pg: TestPlayground;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    pg = await startTestPlayground({ tokensPerSecond: 200, closeAfterVotes: 2, locale: 'ar' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'ar-EG' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  /** The direction the browser resolved for an element (dir="auto" included). */
  const direction = (selector: string, nth = 0) => page.locator(selector).nth(nth).evaluate((node) => getComputedStyle(node).direction);

  it('lays the page out right to left, keeps English text left to right, and screenshots it', async () => {
    await page.goto(`${pg.url}/r/rtl`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await direction('body')).toBe('rtl');
    await expect.poll(() => page.locator('#connection').getAttribute('data-state')).toBe('live');
    // The page's own words are Arabic; the heading and the labels sit on the right.
    await page.getByRole('textbox', { name: 'اسمك الظاهر' }).fill('ليلى');
    await page.getByRole('textbox', { name: 'اسمك الظاهر' }).press('Enter');
    const heading = (await page.locator('h1').boundingBox())!;
    // Where the label's words are drawn (the label itself is as wide as the form).
    const label = await page.locator('label[for="prompt"]').evaluate((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    });
    expect(heading.x + heading.width / 2).toBeGreaterThan(900 / 2);
    expect(label.x).toBeGreaterThan(900 / 2);

    // An English prompt in the Arabic page: the message keeps its left-to-right direction.
    const prompt = page.getByRole('textbox', { name: 'طلبك' });
    await prompt.fill('Explain in two sentences what a volcano is.');
    expect(await direction('#prompt')).toBe('ltr');
    await prompt.press('Enter');
    await expect.poll(() => page.locator('li.msg.member p.text').count()).toBe(1);
    expect(await direction('li.msg.member p.text')).toBe('ltr');
    // The room speaks Arabic: the replies' headers and the ballot, right to left.
    await expect.poll(() => page.locator('li.msg.bot .body').filter({ hasText: 'أيّ الردّين أفضل؟' }).count(), { timeout: 20_000 }).toBe(1);
    const ballot = page.locator('li.msg.bot .body').filter({ hasText: 'أيّ الردّين أفضل؟' });
    expect(await ballot.locator('p').first().evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    await expect.poll(async () => (await page.locator('article.reply .body').first().innerText()).replace(/[\u2066-\u2069]/g, '')).toMatch(/النموذج A/);
    // Nothing pushes the page sideways (an off-screen element on the wrong side would make it scroll for metres).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    await page.addStyleTag({ content: '.composer { position: static !important; }' });
    await page.screenshot({ path: join(shots, 'rtl-ar-room.png'), fullPage: true });

    // An Arabic prompt is right to left too, on its own.
    await prompt.fill('ما هو البركان؟ اشرح ذلك في جملتين.');
    expect(await direction('#prompt')).toBe('rtl');
    await prompt.press('Enter');
    await expect.poll(() => page.locator('li.msg.member p.text').count()).toBe(2);
    expect(await direction('li.msg.member p.text', 1)).toBe('rtl');

    // The leaderboard page is right to left as well.
    await page.goto(`${pg.url}/leaderboard?room=rtl`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').innerText()).toBe('لوحة الترتيب');
    await page.screenshot({ path: join(shots, 'rtl-ar-leaderboard.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('keeps English pages left to right, with no dir attribute to undo', async () => {
    // The leaderboard page follows the browser's languages (a room's page follows the room's: Arabic here).
    const res = await fetch(`${pg.url}/leaderboard`, { headers: { 'Accept-Language': 'ar;q=0.4, en-GB;q=0.9' } });
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    const arabic = await (await fetch(`${pg.url}/leaderboard`, { headers: { 'Accept-Language': 'en;q=0.3, ar-SA;q=0.8' } })).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
  });
});
