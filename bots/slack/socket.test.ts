// Socket Mode end to end: the app connects out with the app-level token (no public URL), and battles, votes, slash
// commands and modals travel as envelopes acked by envelope_id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn } from '../../test/fakes/slack';
import { battleFinished, expectCleanRun, privateAnswer, shownText, startSlackHarness, voteButton, type SlackHarness } from './testing';

describe('Socket Mode', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ mode: 'socket', closeAfterVotes: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('connects with the app-level token and runs a battle, votes and a slash command over the socket', async () => {
    const { slack } = h;
    const { alice, bob, general } = h.people;
    expect(h.running.mode).toBe('socket');
    expect(slack.callsOf('apps.connections.open').at(-1)).toMatchObject({ ok: true, token: 'app' });
    expect(slack.requestUrl).toBeUndefined();

    const sent = await slack.mention(alice, general, 'Which is heavier, a kilo of feathers or a kilo of iron?');
    expect(sent.deliveries.every((d) => d.transport === 'socket' && !d.late)).toBe(true);
    const { ballot } = await battleFinished(slack, general, { threadTs: sent.message.ts });
    let since = Date.now();
    const press = await slack.pressButton(bob, ballot, voteButton(ballot, 'a'));
    expect(press).toMatchObject({ transport: 'socket', late: false });
    await privateAnswer(slack, bob, general, since, /You voted: A is better/);
    await slack.pressButton(alice, ballot, voteButton(ballot, 'b'));
    await slack.waitFor(() => /Voting closed/.test(shownText(slack.message(general, ballot.ts)!)), 10_000, 'the close after two votes');
    expect(buttonsIn(slack.message(general, ballot.ts)!.blocks).filter((b) => b.value?.startsWith('v:'))).toEqual([]);

    since = Date.now();
    const command = await slack.slashCommand(bob, general, '/arena', 'privacy');
    expect(command).toMatchObject({ transport: 'socket', late: false });
    await privateAnswer(slack, bob, general, since, /What Pnyx stores, and why/);
  });

  it('reports itself not ready while the socket reconnects after Slack\'s disconnect, and ready again once it is back', async () => {
    expect(h.running.ready()).toBe(true);
    const opened = h.slack.callsOf('apps.connections.open').length;
    let sawNotReady = false;
    const watch = setInterval(() => (sawNotReady ||= !h.running.ready()), 5);
    try {
      h.slack.sendDisconnect('refresh_requested');
      // Polled: the fake's waitFor looks again only when Slack-side things happen, and "connected" comes after them.
      for (let i = 0; i < 300 && !(h.slack.callsOf('apps.connections.open').length > opened && h.running.ready()); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      clearInterval(watch);
    }
    expect(sawNotReady).toBe(true);
    expect(h.slack.callsOf('apps.connections.open').length).toBeGreaterThan(opened);
    expect(h.running.ready()).toBe(true);
  });

  it('stops cleanly: the socket closes normally and nothing was late', async () => {
    await h.running.stop();
    expect(h.running.ready()).toBe(false);
    await h.slack.waitForSocketsClosed(10_000);
    expect(h.slack.sockets.at(-1)).toMatchObject({ closeCode: 1000, closedBy: 'app' });
    expectCleanRun(h.slack);
  });
});
