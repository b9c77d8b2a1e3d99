// End to end in headless Chromium (Debian's `chromium`, driven by playwright-core): two browser contexts are two
// members of one room, against the real engine with the demo models. Screenshots go to test-output/web/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from './testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? false : `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`;
if (missing) console.warn(missing);

const shots = join(process.cwd(), 'test-output', 'web');
const ROOM = 'e2e';

describe.skipIf(missing)('web playground in Chromium', () => {
  let pg: TestPlayground;
  let browser: Browser;
  let aliceCtx: BrowserContext;
  let bobCtx: BrowserContext;
  let alice: Page;
  let bob: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    pg = await startTestPlayground({ tokensPerSecond: 25, closeAfterVotes: 2 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    aliceCtx = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    // Bob is on a phone-sized screen.
    bobCtx = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'en-US', deviceScaleFactor: 2 });
    alice = await aliceCtx.newPage();
    bob = await bobCtx.newPage();
    for (const page of [alice, bob]) {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('dialog', (dialog) => {
        pageErrors.push(`unexpected dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  const join_ = async (page: Page, name: string) => {
    await page.goto(`${pg.url}/r/${ROOM}`);
    await expect.poll(() => page.locator('#connection').getAttribute('data-state')).toBe('live');
    // Keyboard only: type the name, press Enter.
    await page.getByRole('textbox', { name: 'Your display name' }).fill(name);
    await page.getByRole('textbox', { name: 'Your display name' }).press('Enter');
  };

  /** Full-page screenshots with the composer in the flow (a sticky bar would be painted mid-page). */
  const shot = async (page: Page, name: string, options: { full?: boolean } = {}) => {
    const style = options.full ? await page.addStyleTag({ content: '.composer { position: static !important; }' }) : null;
    await page.screenshot({ path: join(shots, name), fullPage: options.full ?? false });
    await style?.evaluate((node) => (node as HTMLElement).remove());
  };

  const replyBodies = (page: Page, pair = 0) => page.locator('li.pair').nth(pair).locator('article.reply .body');

  it('runs a whole battle for two members: stream, vote, private then public reveal, follow-up, leaderboard', async () => {
    await join_(alice, 'Alice');
    await join_(bob, 'Bob <i>the</i> tester');
    // Presence: each sees the other; a name with markup is shown as text.
    await expect.poll(() => alice.locator('#members').innerText()).toContain('Bob <i>the</i> tester');
    expect(await alice.locator('#members i').count()).toBe(0);
    await expect.poll(() => bob.locator('#members').innerText()).toContain('Alice');
    await shot(alice, '01-joined.png');

    // Alice asks; the prompt box is a labelled textarea, Enter sends.
    const prompt = alice.getByRole('textbox', { name: 'Your prompt' });
    await prompt.fill('Explain what a **volcano** is. <img src=x onerror=alert(1)>');
    await prompt.press('Enter');

    // Both members see both replies stream side by side.
    for (const page of [alice, bob]) {
      await expect.poll(() => page.locator('li.pair').first().locator('article.reply').count(), { timeout: 15_000 }).toBe(2);
    }
    // Snapshots of the two replies while a cursor shows they are still being written: they keep changing.
    const seen = new Set<string>();
    for (let i = 0; i < 80 && seen.size < 4; i++) {
      const texts = await replyBodies(bob).allInnerTexts();
      if (texts.some((t) => t.includes('▍'))) seen.add(texts.join('\u0000'));
      await bob.waitForTimeout(50);
    }
    expect(seen.size, 'the replies grew while streaming on the other member’s page').toBeGreaterThanOrEqual(3);
    await shot(alice, '02-streaming-desktop.png');
    await shot(bob, '03-streaming-phone.png', { full: true });
    // The prompt's markup is text, not an element.
    expect(await alice.locator('#messages img[src="x"]').count()).toBe(0);
    await expect.poll(() => alice.locator('li.msg.member.mine .text').first().innerText()).toContain('<img src=x onerror=alert(1)>');
    // Alice's prompt left her box once it was shown.
    expect(await prompt.inputValue()).toBe('');

    // The ballot, with the engine's labels, for both.
    const voteA = (page: Page) => page.getByRole('button', { name: '👈 A is better' }).last();
    for (const page of [alice, bob]) {
      await voteA(page).waitFor({ timeout: 30_000 });
      for (const label of ['👉 B is better', '🤝 Tie', '👎 Both are bad']) {
        await expect.poll(() => page.getByRole('button', { name: label }).count()).toBeGreaterThan(0);
      }
    }
    // On the phone, replies stack and nothing scrolls sideways.
    const [boxA, boxB] = await Promise.all([0, 1].map((i) => bob.locator('li.pair').first().locator('article.reply').nth(i).boundingBox()));
    expect(boxB!.y).toBeGreaterThan(boxA!.y + boxA!.height - 1);
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // On the desktop, side by side.
    const [deskA, deskB] = await Promise.all([0, 1].map((i) => alice.locator('li.pair').first().locator('article.reply').nth(i).boundingBox()));
    expect(Math.abs(deskA!.y - deskB!.y)).toBeLessThan(2);
    expect(deskB!.x).toBeGreaterThan(deskA!.x);

    // Alice votes with the keyboard: she learns the models at once, privately.
    await voteA(alice).focus();
    await alice.keyboard.press('Enter');
    // The answer appears under the ballot, for Alice only.
    const aliceNotice = alice.locator('li.msg.bot').filter({ has: alice.getByRole('button', { name: '👈 A is better' }) }).locator('.notice[role="alert"]');
    await expect.poll(() => aliceNotice.innerText(), { timeout: 10_000 }).toMatch(/You voted/);
    expect(await aliceNotice.innerText()).toMatch(/A was .*demo/i);
    await aliceNotice.scrollIntoViewIfNeeded();
    await shot(alice, '04-alice-voted-private-reveal.png');
    // Bob sees no model name yet.
    await expect.poll(() => bob.locator('#messages').innerText()).toMatch(/1 vote/);
    // The reveal's own line (as Alice's reads), not any " was ": a demo reply may say "Garfield was assassinated".
    expect(await bob.locator('#messages').innerText()).not.toMatch(/\b[AB] was .*demo/i);
    expect(await bob.locator('.notice').count()).toBe(0);
    await shot(bob, '05-bob-before-reveal.png', { full: true });

    // The ballot shows her choice.
    await expect.poll(() => voteA(alice).getAttribute('aria-pressed')).toBe('true');
    // Voting twice is refused, with what she chose.
    await voteA(alice).click();
    await expect.poll(() => aliceNotice.innerText()).toMatch(/already voted/);

    // Bob reacts to reply A: like, then a reason tag from his private notice.
    await bob.getByRole('button', { name: '👍 Like A' }).first().click();
    const bobPrivate = bob.locator('li.pair').first().locator('.notice');
    await expect.poll(() => bobPrivate.innerText()).toMatch(/liked/);
    await bobPrivate.scrollIntoViewIfNeeded();
    await shot(bob, '05b-bob-reaction-reasons-phone.png');
    await bobPrivate.getByRole('button', { name: 'Useful' }).click();
    await expect.poll(() => bobPrivate.innerText()).toMatch(/Reason saved: Useful/);

    // Bob asks a follow-up in the same battle.
    await bob.getByRole('button', { name: 'Ask a follow-up in this battle' }).first().click();
    await expect.poll(() => bob.locator('#follow-up').isVisible()).toBe(true);
    await bob.getByRole('textbox', { name: 'Your prompt' }).fill('And under the sea?');
    await bob.getByRole('textbox', { name: 'Your prompt' }).press('Enter');
    for (const page of [alice, bob]) {
      await expect.poll(() => page.locator('li.pair').count(), { timeout: 15_000 }).toBe(2);
      await expect.poll(() => page.locator('li.pair').nth(1).locator('article.reply').count()).toBe(2);
    }
    await expect.poll(() => bob.locator('#follow-up').isVisible()).toBe(false);
    // The first ballot now points to the newest one; a new ballot opens when the replies are done.
    await expect.poll(() => alice.getByRole('button', { name: '👉 B is better' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => alice.locator('#messages').innerText(), { timeout: 30_000 }).toMatch(/vote on the newest ballot/);
    await shot(bob, '06-follow-up-phone.png', { full: true });

    // Bob's vote closes the battle (two votes): everyone sees the reveal in the ballot.
    await bob.getByRole('button', { name: '👉 B is better' }).last().click();
    for (const page of [alice, bob]) {
      await expect.poll(() => page.locator('#messages').innerText(), { timeout: 15_000 }).toMatch(/Voting closed/);
      const text = await page.locator('#messages').innerText();
      expect(text).toMatch(/A was .*demo model/i);
      expect(text).toMatch(/B was .*demo model/i);
      expect(await page.getByRole('button', { name: '👈 A is better' }).count()).toBe(0);
    }
    await shot(alice, '07-revealed-desktop.png', { full: true });
    await shot(bob, '08-revealed-phone.png', { full: true });

    // The leaderboard page shows the two models of this battle on the room's own board; the shared one has no web votes.
    const revealed = await alice.locator('#messages').innerText();
    await alice.getByRole('link', { name: 'Leaderboard' }).click();
    await alice.waitForURL(/\/leaderboard/);
    expect(await alice.locator('#lb-global ~ * table.leaderboard, section:has(#lb-global) table.leaderboard').count()).toBe(0);
    const rows = alice.locator('section:has(#lb-room) table.leaderboard tbody tr');
    expect(await rows.count()).toBe(2);
    for (const name of await rows.locator('th[scope="row"] .name').allInnerTexts()) expect(revealed).toContain(`was ${name}`);
    expect(await rows.first().getAttribute('data-votes')).toBe('2');
    await shot(alice, '09-leaderboard.png', { full: true });

    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("keeps the room live after a reload, in the room's language", async () => {
    await bob.goto(`${pg.url}/r/${ROOM}`);
    expect(await bob.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => bob.locator('#connection').innerText()).toBe('Live');
    // The member and the conversation survive the reload (snapshot on connect).
    expect(await bob.getByRole('textbox', { name: 'Your display name' }).inputValue()).toBe('Bob <i>the</i> tester');
    await expect.poll(() => bob.locator('li.pair').count()).toBe(2);
    // An empty prompt is refused by the engine with its own message, shown to Bob only.
    await bob.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => bob.locator('#composer-notice').innerText()).not.toBe('');
    expect(await bob.locator('#composer-notice').innerText()).toMatch(/Only you can see this/i);
    await shot(bob, '10-refusal-phone.png', { full: true });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
