// Paying for API models, as an admin sees it: each reply's cost is stored from the model's prices, a chat's daily limit
// stops new battles there (and only there) with a clear message, everyone's limit stops them everywhere, and a chat's
// admins can raise their chat's limit from the settings menu.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { createRecordingPort, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import type { ChatAddress, PnyxEvent, Person } from '../port/types';
import { replyCost, startOfUtcDay } from './spend';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-spend-'));
let server: FakeOpenAIServer;
let seq = 0;

async function arena(spend: object): Promise<{ app: PnyxApp; port: RecordingPort }> {
  const app = await createPnyx({
    config: {
      providers: { fake: { type: 'openai-compatible', baseURL: server.url, maxRetries: 0 } },
      models: ['fake-a', 'fake-b'].map((id) => ({ id, provider: 'fake', displayName: id.toUpperCase(), price: { inputPerMillion: 2_000, outputPerMillion: 8_000 } })),
      spend,
    },
    env: { DATABASE_URL: `file:${join(folder, `spend-${++seq}.db`)}`, LOG_LEVEL: 'silent' },
  });
  const port = createRecordingPort('test');
  app.arena.attach(port);
  await app.arena.start();
  return { app, port };
}

const person = (id: string): Person => ({ platform: 'test', id, locale: 'en' });
const group = (id: string): ChatAddress => ({ platform: 'test', id, kind: 'group', title: id });
const ask = async (app: PnyxApp, chat: ChatAddress, text = 'Say something.') => {
  const { done, ...ack } = await app.arena.handle({ type: 'prompt', delivery: `d-${++seq}`, chat, from: person('asker'), text, addressed: true, messageRef: `m-${seq}` } as PnyxEvent);
  await done;
  return ack;
};

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  for (const id of ['fake-a', 'fake-b']) server.script(id, { text: `${id} answers.`, usage: { prompt_tokens: 100, completion_tokens: 400 } });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('spending on paid models', () => {
  it('prices a reply from its tokens: $2/M in, $8/M out → 100 in + 400 out = $0.0034', () => {
    expect(replyCost({ price: { inputPerMillion: 2_000, outputPerMillion: 8_000 } }, 100, 400)).toBeCloseTo(3.4, 10);
    expect(replyCost({ price: { inputPerMillion: 2, outputPerMillion: 8 } }, 100, 400)).toBeCloseTo(0.0034, 10);
    expect(replyCost({}, 100, 400)).toBeUndefined();
    expect(replyCost({ price: { inputPerMillion: 2, outputPerMillion: 8 } }, undefined, undefined)).toBeUndefined();
  });

  it('stores each reply\'s cost, and stops a chat at its daily limit while other chats go on', async () => {
    // Each reply: 100 tokens in at $2,000/M + 400 out at $8,000/M = $3.40; a battle (two replies) = $6.80.
    const { app, port } = await arena({ chatDailyCapUsd: 5 });
    try {
      const club = group('club');
      expect((await ask(app, club)).notice).toBeUndefined();
      const spent = await app.store.spendSince(startOfUtcDay());
      expect(spent.reduce((sum, r) => sum + r.usd, 0)).toBeCloseTo(6.8, 6);
      expect(spent.map((r) => r.modelId).sort()).toEqual(['fake-a', 'fake-b']);

      const refused = await ask(app, club);
      expect(refused.notice!.text).toMatch(/^This chat has used today's spending limit on paid models \(\$5\.00\)\. Battles start again in about (an hour|\d+ hours) \(at midnight UTC\)\.$/);
      // Another chat has its own limit.
      expect((await ask(app, group('other'))).notice).toBeUndefined();

      // The club's admins raise their limit to $20 a day: battles start again there.
      const menu = await app.arena.handle({ type: 'command', delivery: `d-${++seq}`, name: 'settings', args: '', chat: club, from: person('admin'), isAdmin: async () => true });
      await menu.done;
      const posted = port.messages.filter((m) => m.chat === 'club' && m.current.role === 'menu').at(-1)!;
      expect(posted.current.text).toContain('Daily limit on paid models: $5.00');
      const twenty = posted.current.buttons!.flat().find((b) => b.label.includes('$20/day'))!;
      const pressed = await app.arena.handle({ type: 'action', delivery: `d-${++seq}`, chat: club, from: person('admin'), data: twenty.data, messageRef: posted.ref, privateReply: true, isAdmin: async () => true });
      expect(pressed.replace!.text).toContain('Daily limit on paid models: $20.00');
      await new Promise((r) => setTimeout(r, 1_100)); // chat settings are read again after a second
      expect((await ask(app, club)).notice).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('stops every chat once everyone\'s daily limit is reached', async () => {
    const { app } = await arena({ dailyCapUsd: 10 });
    try {
      expect((await ask(app, group('one'))).notice).toBeUndefined();
      expect((await ask(app, group('two'))).notice).toBeUndefined();
      // $13.60 spent: past $10 for everyone.
      const refused = await ask(app, group('three'));
      expect(refused.notice!.text).toMatch(/^Pnyx has used today's spending limit on paid models \(\$10\.00\) across all chats\./);
    } finally {
      await app.close();
    }
  });
});
