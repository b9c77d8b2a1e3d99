// Model replies as Discord shows them, with scripted models (an OpenAI-compatible fake): Markdown and code fences
// streamed half-finished, mass mentions, a reply longer than Discord's 2,000 characters — every message within the
// limit, nothing lost, nothing refused, nobody pinged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { battleFinished, replies, startDiscordHarness, threadUnder, type DiscordHarness } from './testing';

const nasty = [
  '# Heading',
  'Here is *bold, _italic with a stray * star and an unclosed [link(',
  '@everyone look, and @here too, and <@&123456789012345678>',
  '```js',
  'const a = b < c && d > e; // <script>alert(1)</script>',
  '```',
  '1. first',
  '- item with `code` and \\ backslash ||spoiler||',
].join('\n');

/** Over 2,000 characters, with a code block that a split must not leave open. */
const long = [
  'Intro paragraph. '.repeat(40),
  '```python',
  ...Array.from({ length: 60 }, (_, i) => `print("line ${i} of a long listing")`),
  '```',
  'Closing words after the code, the last one is omega.',
].join('\n');

describe('model replies on Discord', () => {
  let openai: FakeOpenAIServer;
  let h: DiscordHarness;

  beforeAll(async () => {
    openai = await startFakeOpenAIServer();
    // Chunked and slow enough that the pacer sends half-written Markdown.
    openai.script('fmt-a', { chunks: nasty.match(/[\s\S]{1,12}/g)!, chunkDelayMs: 60 });
    openai.script('fmt-b', { chunks: long.match(/[\s\S]{1,200}/g)!, chunkDelayMs: 40 });
    h = await startDiscordHarness({
      closeAfterVotes: 3,
      models: {
        providers: { fake: { type: 'openai-compatible', baseURL: openai.url } },
        models: [
          { id: 'fmt-a', provider: 'fake' },
          { id: 'fmt-b', provider: 'fake' },
        ],
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await openai?.close();
  });

  it('streams Markdown and code fences as they are, pings nobody, and splits a long reply within 2,000 characters', async () => {
    const command = h.discord.slashCommand(h.people.alice, h.general!, 'arena', { prompt: 'Show me your worst formatting' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    await battleFinished(h.discord, thread);
    // Wait for the long reply's last part.
    await h.discord.waitFor(() => h.discord.botMessages(thread).some((m) => m.content.includes('omega.')), 20_000, 'the end of the long reply');
    await h.app.arena.idle();

    const messages = h.discord.botMessages(thread);
    for (const m of messages) for (const revision of m.history) expect(revision.content.length).toBeLessThanOrEqual(2000);
    const nastyReply = messages.find((m) => m.content.includes('stray * star'))!;
    expect(nastyReply.content).toContain('```js\nconst a = b < c && d > e; // <script>alert(1)</script>\n```');
    expect(nastyReply.content).toContain('＠everyone look, and ＠here too, and <＠&123456789012345678>');
    expect(nastyReply.content).not.toMatch(/(^|[^＠])@everyone|<@&/);

    // The long reply: several messages, the code block closed at each cut and reopened, every line there once.
    const parts = messages.filter((m) => /print\("line|Intro paragraph|omega/.test(m.content) && !m.content.includes('stray'));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const joined = parts.map((m) => m.content).join('\n');
    for (let i = 0; i < 60; i += 1) expect(joined.split(`print("line ${i} of a long listing")`).length - 1).toBe(1);
    for (const part of parts) expect((part.content.match(/```/g) ?? []).length % 2).toBe(0);
    // Later parts answer the one before.
    expect(parts.slice(1).every((m) => m.referenceId !== undefined)).toBe(true);

    // Every send and edit went through: Discord refused nothing, and nothing mentioned anyone.
    const posts = h.discord.calls.filter((c) => ['POST /channels/:channel/messages', 'PATCH /channels/:channel/messages/:message'].includes(c.route));
    expect(posts.filter((c) => c.status >= 400)).toEqual([]);
    for (const call of posts) expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(replies(h.discord, thread)).toHaveLength(2);
    expect(h.discord.failures).toEqual([]);
  });
});
