// Security and delivery: every HTTP request is verified (Bolt's v0 signature check, proven here on the real receiver),
// and an event Slack sends again is handled once: by the same process, by another process on the same database, and
// by a process started after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, startFakeSlack, type Delivery, type FakeSlack } from '../../test/fakes/slack';
import {
  battleFinished,
  createTestApp,
  createWorkspace,
  deliveriesSettled,
  expectCleanRun,
  runAgainst,
  shownText,
  startSlackHarness,
  threadMessages,
  voteButton,
  type SlackHarness,
  type Workspace,
} from './testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('request verification', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses unsigned, badly signed and 10-minute-old requests with 401, and nothing is posted', async () => {
    const { slack } = h;
    const { alice, bob, general } = h.people;
    const mention = await slack.mention(alice, general, 'What is 2 + 2?');
    const { ballot } = await battleFinished(slack, general, { threadTs: mention.message.ts });
    await h.running.slack.idle();
    const calls = slack.calls.length;
    const messages = slack.messages.length;
    const forged: Delivery[] = [
      ...(await slack.mention(alice, general, 'unsigned question', { forge: 'unsigned' })).deliveries,
      await slack.slashCommand(bob, general, '/arena', 'badly signed question', { forge: 'bad-signature' }),
      await slack.pressButton(bob, ballot, voteButton(ballot, 'b'), undefined, { forge: 'stale' }),
      await slack.directMessage(bob, 'a stale question', { forge: 'stale' }).then((s) => s.deliveries[0]!),
    ];
    for (const d of forged) expect(d).toMatchObject({ status: 401, failure: 'http_401' });
    await sleep(500);
    // Only the people's own (forged) messages were added; the app called nothing and posted nothing.
    expect(slack.calls.length).toBe(calls);
    expect(slack.messages.slice(messages).filter((m) => m.user === slack.id.botUserId)).toEqual([]);
    expect(/No votes yet/.test(shownText(slack.message(general, ballot.ts)!))).toBe(true);
    expectCleanRun(slack, { forged: true });
  });
});

describe('an event Slack sends again', () => {
  let slack: FakeSlack;
  let people: Workspace;
  let dir: string;
  beforeAll(async () => {
    slack = await startFakeSlack();
    people = createWorkspace(slack);
    dir = mkdtempSync(join(tmpdir(), 'pnyx-slack-retries-'));
  });
  afterAll(async () => {
    await slack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const battlesIn = (threadTs: string) => threadMessages(slack, people.general, threadTs).filter((m) => buttonsIn(m.blocks).some((b) => b.value?.startsWith('v:'))).length;

  it('is handled once: again to the same process, to a second process on the same database, and after a restart', async () => {
    const databaseFile = join(dir, 'shared.db');
    const one = await createTestApp({ databaseFile });
    const two = await createTestApp({ databaseFile });
    await one.app.arena.start();
    await two.app.arena.start();
    const first = await runAgainst(slack, one.app, 'http');
    const firstUrl = slack.requestUrl;
    const second = await runAgainst(slack, two.app, 'http');
    const secondUrl = slack.requestUrl;
    try {
      slack.requestUrl = firstUrl;
      const sent = await slack.mention(people.bob, people.general, 'Why is the sea salty?');
      const mention = sent.deliveries.find((d) => d.type === 'app_mention')!;
      await battleFinished(slack, people.general, { threadTs: sent.message.ts });

      // Slack retries (X-Slack-Retry-Num: 1) the same event_id to the same process...
      expect(await slack.redeliver(mention, 'http_timeout')).toMatchObject({ status: 200, retryNum: 1, eventId: mention.eventId });
      // ...and to another process behind the same Request URL.
      slack.requestUrl = secondUrl;
      expect(await slack.redeliver(mention, 'http_timeout')).toMatchObject({ status: 200, retryNum: 1 });
      await sleep(1000);
      await Promise.all([first.slack.idle(), second.slack.idle()]);
      expect(battlesIn(sent.message.ts)).toBe(1);
      expect([...one.logs, ...two.logs].filter((l) => l.msg === 'redelivered event answered once')).toHaveLength(2);
    } finally {
      await deliveriesSettled(slack);
      await first.stop();
      await second.stop();
      await one.app.close();
      await two.app.close();
    }

    // A restart: a new process on the same database receives Slack's last retry.
    const again = await createTestApp({ databaseFile });
    await again.app.arena.start();
    const third = await runAgainst(slack, again.app, 'http');
    try {
      const mention = slack.deliveries.find((d) => d.type === 'app_mention' && (d.body.event as { text: string }).text.includes('sea salty'))!;
      expect(await slack.redeliver({ ...mention, retryNum: 2 }, 'http_timeout')).toMatchObject({ status: 200, retryNum: 3 });
      await sleep(1000);
      await third.slack.idle();
      const thread = (mention.body.event as { ts: string }).ts;
      expect(battlesIn(thread)).toBe(1);
      expect(again.logs.filter((l) => l.msg === 'redelivered event answered once')).toHaveLength(1);

      // The battle started before the restart still takes votes in the new process.
      const ballot = threadMessages(slack, people.general, thread).find((m) => buttonsIn(m.blocks).some((b) => b.value?.startsWith('v:')))!;
      await slack.pressButton(people.carol, ballot, voteButton(ballot, 'a'));
      await slack.waitFor(() => /1 vote so far|1 vote\b/.test(shownText(slack.message(people.general, ballot.ts)!)), 10_000, 'the vote counted after the restart');
    } finally {
      await deliveriesSettled(slack);
      await third.stop();
      await again.app.close();
    }
    expectCleanRun(slack);
  });
});
