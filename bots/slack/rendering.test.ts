// Replies as Slack shows them: models (an OpenAI-compatible fake) that write every Markdown and Slack hazard there is,
// streamed within Slack's update pace; nothing refused, nothing pinging anyone, no word lost, a 429 waited out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import type { FakeMessage } from '../../test/fakes/slack';
import { scanBlocks, scanMrkdwn } from '../../test/fakes/slack/blocks';
import { battleFinished, expectCleanRun, startSlackHarness, type SlackHarness } from './testing';

const BOT = 'U0PNYXBOT1';
const nasty = [
  'Sure! Here is *the* answer_with_underscores and a stray * star, a_b_c, [brackets] (parens) ~tilde~ `unclosed code',
  '',
  `**bold that never closes, <html> & entities &amp; <!channel> <!here|here> <@${BOT}> @here @channel <#C123|general> <https://evil.example|click me>`,
  '',
  '```',
  'const x = a < b && c > d; // <!everyone>',
  '```',
  '',
  '- item one',
  '  - nested *two*',
  '',
  '> quoted <!subteam^S123|@team>',
  '',
  '[link](javascript:alert(1)) and [ok](https://example.org/?q=a_b*c) \\*escaped\\* the end',
].join('\n');

/** The characters of a message's rich text as Slack shows them: every run's text, as written (no markup parsed). */
function literal(message: FakeMessage): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: unknown; elements?: unknown };
    if ((n.type === 'text' || n.type === 'link') && typeof n.text === 'string') out.push(n.text);
    if (n.type !== 'actions') walk(n.elements);
  };
  walk(message.blocks);
  return out.join('');
}

/** Every version of a message, as Slack stored it: none may ping anyone or hold markup Slack would misread. */
function expectHarmless(message: FakeMessage): void {
  for (const version of message.history) {
    expect(scanBlocks(version.blocks), JSON.stringify(version.blocks).slice(0, 300)).toEqual({ mentions: [], problems: [] });
    expect(scanMrkdwn(version.text, 'text', true)).toEqual({ mentions: [], problems: [] });
  }
}

describe('a reply full of Markdown and mentions', () => {
  let openai: FakeOpenAIServer;
  let h: SlackHarness;
  beforeAll(async () => {
    openai = await startFakeOpenAIServer();
    // Slow enough that the pace of one update per second catches A half-written, even on a loaded machine.
    openai.script('meta-a', { chunks: nasty.match(/[\s\S]{1,12}/g)!, chunkDelayMs: 250 });
    openai.script('meta-b', { chunks: [nasty.replaceAll('*', '_')], chunkDelayMs: 5 });
    h = await startSlackHarness({
      models: {
        providers: { fake: { type: 'openai-compatible', baseURL: openai.url } },
        models: [
          { id: 'meta-a', provider: 'fake' },
          { id: 'meta-b', provider: 'fake' },
        ],
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await openai?.close();
  });

  it('streams it within Slack\'s pace with nothing refused, and shows every word as written, pinging no one', async () => {
    const { slack } = h;
    const { alice, general } = h.people;
    // At most one update per second per message, a burst of two: Slack's pace for chat.update, enforced.
    slack.limitUpdates({ perSecond: 1, burst: 2, retryAfter: 1 });
    try {
      const sent = await slack.mention(alice, general, 'Show me your worst formatting');
      const { replies } = await battleFinished(slack, general, { threadTs: sent.message.ts });
      const calls = slack.calls.filter((c) => ['chat.postMessage', 'chat.update'].includes(c.method) && c.params.channel === general.id);
      expect(calls.filter((c) => c.method === 'chat.update').length).toBeGreaterThan(2);
      expect(calls.filter((c) => !c.ok).map((c) => `${c.method} ${c.httpStatus} ${c.error}`)).toEqual([]);

      // meta-a streams its text in small chunks, meta-b sends it at once; which one is shown as A is drawn at random.
      const a = replies.reduce((x, y) => (y.history.length > x.history.length ? y : x));
      expect(a.history.length).toBeGreaterThan(2);
      expect(a.history.some((v) => JSON.stringify(v.blocks).includes('▍'))).toBe(true);
      for (const reply of replies) expectHarmless(reply);
      const text = literal(a);
      for (const words of [
        'Here is the answer_with_underscores and a stray * star, a_b_c, [brackets] (parens) ~tilde~ `unclosed code',
        '**bold that never closes, <html> & entities & <!channel> <!here|here> <@U0PNYXBOT1> @\u2060here @\u2060channel <#C123|general> <https://evil.example|click me>',
        'const x = a < b && c > d; // <!everyone>',
        'item one',
        'nested two',
        'quoted <!subteam^S123|@team>',
        '*escaped* the end',
      ]) {
        expect(text).toContain(words);
      }
      // Links only where they are safe to follow.
      const links = JSON.stringify(a.blocks).match(/"url":"[^"]*"/g) ?? [];
      expect(links).toEqual(['"url":"https://example.org/?q=a_b*c"']);
      // The thread's other messages are harmless too (the ballot, the replies' final versions).
      for (const m of slack.thread(general, sent.message.ts)) expectHarmless(m);
    } finally {
      slack.limitUpdates(undefined);
    }
  });

  it('waits out Slack\'s ratelimited answers (Retry-After) and still lands every reply\'s final text', async () => {
    const { slack } = h;
    const { bob, general } = h.people;
    slack.rateLimit('chat.update', { times: 2, retryAfter: 1 });
    const sent = await slack.mention(bob, general, 'Again, please');
    const { replies } = await battleFinished(slack, general, { threadTs: sent.message.ts });
    expect(slack.calls.filter((c) => c.method === 'chat.update' && c.httpStatus === 429).length).toBeGreaterThanOrEqual(1);
    for (const reply of replies) {
      expect(literal(reply)).toMatch(/the end$/);
      expect(literal(reply)).not.toContain('▍');
    }
    await h.running.slack.idle();
    expectCleanRun(slack);
  });
});
