// A newcomer's first hour, in headless Chromium on a desktop and on a 390×844 phone, against the real engine: what they
// see, asserted as they would notice it (where the page is scrolled, which vote is marked, a countdown that moves, the
// language of every visible string). Screenshots go to test-output/web/first-hour/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from './testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? false : `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`;
if (missing) console.warn(missing);

const shots = join(process.cwd(), 'test-output', 'web', 'first-hour');
const ROOM = 'first-hour';
const PHONE = { width: 390, height: 844 };

describe.skipIf(missing)('the first hour in Chromium (desktop and phone)', () => {
  let pg: TestPlayground;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Group ballots close after 10 minutes here, so they count down.
    pg = await startTestPlayground({ tokensPerSecond: 120, revealGroupMinutes: 10 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    alice = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
    bob = await (await browser.newContext({ viewport: PHONE, locale: 'fr-FR', deviceScaleFactor: 2, hasTouch: true })).newPage();
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

  const join_ = async (page: Page, name: string, room = ROOM) => {
    await page.goto(`${pg.url}/r/${room}`);
    await expect.poll(() => page.locator('#connection').getAttribute('data-state')).toBe('live');
    await page.locator('#name').fill(name);
    await page.locator('#name').press('Enter');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('named'))).toBe(true);
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name) });
  const ask = async (page: Page, text: string) => {
    await page.locator('#prompt').fill(text);
    await page.locator('#prompt').press('Enter');
  };
  /** How far the page is from its bottom, in pixels. */
  const fromBottom = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight - (window.scrollY + window.innerHeight));
  /** The element is in the part of the viewport the sticky composer does not cover. */
  const inView = async (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const nodes = document.querySelectorAll(sel);
      const node = nodes[nodes.length - 1];
      if (!node) return false;
      const box = node.getBoundingClientRect();
      const composer = document.getElementById('composer')!.getBoundingClientRect();
      return box.bottom > 0 && box.top < composer.top;
    }, selector);
  const ballots = (page: Page) => page.locator('li.msg.bot').filter({ has: page.getByRole('button', { name: '🤝 Tie' }) });

  it('clears commands from the box, counts the prompt against the one limit, and follows the battle as it comes', async () => {
    await join_(alice, 'Alice');
    await join_(bob, 'Bob');
    // The room is in the room's language (English here), even for Bob's French browser.
    expect(await bob.locator('html').getAttribute('lang')).toBe('en');

    await ask(alice, '/help');
    await expect.poll(() => alice.locator('#composer-notice').innerText()).toMatch(/blind arena/);
    expect(await alice.locator('#prompt').inputValue()).toBe('');

    await alice.locator('#prompt').fill('x'.repeat(5000));
    await expect.poll(() => alice.locator('#prompt-count').innerText()).toBe('5000 / 4000');
    expect(await alice.locator('#send').isDisabled()).toBe(true);
    await shot(alice, '01-counted-before-sending.png');
    await alice.locator('#prompt').fill('');

    await ask(alice, 'Explain tides to a child.');
    await ballots(alice).first().waitFor({ timeout: 30_000 });
    await ballots(bob).first().waitFor({ timeout: 30_000 });
    // Both pages followed the battle down to its ballot.
    await expect.poll(() => inView(alice, 'li.msg.bot .buttons')).toBe(true);
    await expect.poll(() => inView(bob, 'li.msg.bot .buttons')).toBe(true);
    await expect.poll(() => fromBottom(bob)).toBeLessThan(150);
    await shot(alice, '02-followed-desktop.png');
    await shot(bob, '03-followed-phone.png');
  }, 90_000);

  it('counts down, marks the vote, keeps several reasons and a "why", and lets the voter change their mind', async () => {
    const ballot = ballots(alice).first();
    const countdown = ballot.locator('.countdown');
    const first = await countdown.innerText();
    expect(first).toMatch(/^Voting closes in (10:00|9:\d\d)$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(first);

    await ballot.getByRole('button', { name: '👈 A is better' }).click();
    const notice = ballot.locator('.notice');
    await expect.poll(() => notice.innerText()).toMatch(/You voted: A is better/);
    expect(await ballot.getByRole('button', { name: '👈 A is better' }).getAttribute('aria-pressed')).toBe('true');
    expect(await ballot.locator('.your-choice').innerText()).toBe('Your vote: 👈 A is better');

    // Two reasons: both stay, both marked.
    await notice.getByRole('button', { name: 'Useful' }).click();
    await expect.poll(() => notice.getByRole('button', { name: 'Useful' }).getAttribute('aria-pressed')).toBe('true');
    await notice.getByRole('button', { name: 'Complete' }).click();
    await expect.poll(() => notice.getByRole('button', { name: 'Complete' }).getAttribute('aria-pressed')).toBe('true');
    expect(await notice.getByRole('button', { name: 'Useful' }).getAttribute('aria-pressed')).toBe('true');
    // And in their own words.
    await notice.getByRole('button', { name: '✍️ Say why' }).click();
    const form = ballot.locator('form.notice');
    await form.locator('textarea').fill('A used an example a child knows.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => ballot.locator('.notice').last().innerText()).toMatch(/explanation is saved/);
    await shot(alice, '04-vote-reasons-why.png');

    // A change of mind: the mark moves, the count stays at one vote.
    await ballot.getByRole('button', { name: '🤝 Tie' }).click();
    await expect.poll(() => ballot.getByRole('button', { name: '🤝 Tie' }).getAttribute('aria-pressed')).toBe('true');
    expect(await ballot.getByRole('button', { name: '👈 A is better' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => ballot.locator('.notice').first().innerText()).toMatch(/You changed your vote: Tie/);
    await expect.poll(() => ballot.locator('.body').innerText()).toMatch(/1 vote\b/);
    await shot(alice, '05-changed-mind.png');

    // Reactions and "both bad" read differently.
    expect(await alice.getByRole('button', { name: '👎 Dislike B' }).count()).toBeGreaterThan(0);
    expect(await alice.getByRole('button', { name: '👎 Both are bad' }).count()).toBeGreaterThan(0);
  }, 60_000);

  it('refuses follow-ups from someone who saw the names', async () => {
    await alice.getByRole('button', { name: 'Ask a follow-up in this battle' }).first().click();
    await ask(alice, 'And on Mars?');
    await expect.poll(() => alice.locator('#composer-notice').innerText()).toMatch(/can no longer add prompts/);
    await alice.getByRole('button', { name: 'Cancel follow-up' }).click();
  }, 30_000);

  it('stays where a reader scrolled up, offers "new messages", and reopens at the latest', async () => {
    await bob.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => bob.evaluate(() => window.scrollY)).toBe(0);
    await ask(alice, 'Name three clouds.');
    const pill = bob.getByRole('button', { name: 'New messages ↓' });
    await expect.poll(() => pill.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await bob.evaluate(() => window.scrollY)).toBeLessThan(50);
    await shot(bob, '06-new-messages-pill-phone.png');
    await pill.click();
    await expect.poll(() => fromBottom(bob)).toBeLessThan(150);
    expect(await pill.isVisible()).toBe(false);

    await ballots(bob).nth(1).waitFor({ timeout: 30_000 });
    await bob.reload();
    await expect.poll(() => bob.locator('li.pair').count()).toBe(2);
    await expect.poll(() => fromBottom(bob)).toBeLessThan(150);
    await expect.poll(() => inView(bob, 'li.msg.bot .buttons')).toBe(true);
    await shot(bob, '07-reopened-at-latest-phone.png');
  }, 60_000);

  it('gives the battle the phone screen: a compact header and composer', async () => {
    const header = await bob.locator('header.top').boundingBox();
    const composer = await bob.locator('#composer').boundingBox();
    expect(header!.height).toBeLessThan(60);
    expect(composer!.height).toBeLessThan(PHONE.height * 0.2);
    await bob.getByRole('button', { name: 'Ask a follow-up in this battle' }).last().click();
    expect((await bob.locator('#composer').boundingBox())!.height).toBeLessThan(PHONE.height * 0.25);
    await shot(bob, '08-phone-follow-up-composer.png');
    await bob.getByRole('button', { name: 'Cancel follow-up' }).click();
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Bob votes on the phone: his private reveal shows above the composer, not behind it.
    await ballots(bob).last().getByRole('button', { name: '👉 B is better' }).click();
    await expect.poll(() => ballots(bob).last().locator('.notice').innerText()).toMatch(/You voted: B is better/);
    await expect.poll(() => inView(bob, 'li.msg.bot .notice')).toBe(true);
    await shot(bob, '08b-phone-private-reveal.png');
  }, 30_000);

  it("lets the room's creator switch its language from /settings, and the page follows", async () => {
    await join_(alice, 'Alice', 'switch');
    await join_(bob, 'Bob', 'switch');
    await ask(alice, '/settings');
    const menu = alice.locator('#composer-notice');
    await expect.poll(() => menu.innerText()).toMatch(/Arena settings/);
    expect(await alice.locator('#prompt').inputValue()).toBe('');
    await menu.getByRole('button', { name: 'Français' }).click({ timeout: 5_000 });
    await expect.poll(() => alice.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('fr');
    await expect.poll(() => alice.locator('#connection').getAttribute('data-state')).toBe('live');
    expect(await alice.locator('#send').innerText()).toBe('Envoyer');
    // Bob's page follows too, and Bob (not the creator) cannot change it back.
    await expect.poll(() => bob.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('fr');
    await expect.poll(() => bob.locator('#connection').getAttribute('data-state')).toBe('live');
    await ask(bob, '/settings');
    await expect.poll(() => bob.locator('#composer-notice').innerText()).toMatch(/admin/i);
    await shot(bob, '10-room-switched-to-french-phone.png');
  }, 30_000);

  it('shows a French room entirely in French', async () => {
    const chat = await pg.app.store.upsertChat({ platform: 'web', id: 'salon', kind: 'group' });
    await pg.app.store.updateChat(chat.id, { settings: JSON.stringify({ locale: 'fr' }) });
    await join_(alice, 'Alice', 'salon');
    expect(await alice.locator('html').getAttribute('lang')).toBe('fr');
    await ask(alice, 'Explique les marées.');
    await ballots(alice).or(alice.locator('li.msg.bot').filter({ has: alice.getByRole('button', { name: '🤝 Égalité' }) })).first().waitFor({ timeout: 30_000 });
    const french = alice.locator('li.msg.bot').filter({ has: alice.getByRole('button', { name: '🤝 Égalité' }) }).first();
    await french.getByRole('button', { name: /A est meilleur/ }).click();
    await expect.poll(() => french.locator('.notice').innerText()).toMatch(/Votre vote/);
    const visible = await alice.locator('body').innerText();
    expect(visible).toMatch(/Modèle A/);
    expect(visible).toMatch(/Quelle réponse est la meilleure/);
    // Only the models' own text (demo replies) may be English; none of the page's or the core's words are.
    const chrome = await alice.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('article.reply .body').forEach((reply) => reply.remove());
      return clone.innerText;
    });
    for (const english of ['Model A', 'Which reply', 'is better', 'Both are bad', 'Your prompt', 'Send', 'Leaderboard', 'Voting closes', 'You voted', 'Only you can see', 'Dismiss', 'Ask a follow-up']) {
      expect(chrome, english).not.toContain(english);
    }
    await shot(alice, '09-french-room.png');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('has a favicon', async () => {
    const res = await fetch(`${pg.url}/favicon.ico`, { redirect: 'follow' });
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await alice.locator('link[rel="icon"]').getAttribute('href')).toBe('/static/favicon.svg');
  });
});
