// Campaigns in the web playground: a room joins with its code like any chat, its battles are tagged, /campaign posts
// the gauge (text and picture), and a room cannot be in two running campaigns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign } from '../../core/campaigns/store';
import type { WebMessage } from './rooms';
import { newMember, startTestPlayground, type TestMember, type TestPlayground } from './testing';

let pg: TestPlayground;
beforeAll(async () => {
  pg = await startTestPlayground({ tokensPerSecond: 200 });
  for (const [slug, code] of [
    ['web-2027', 'WEB-2027'],
    ['rival', 'RIVAL-01'],
  ] as const) {
    const spec = validateSpec({ slug, title: { en: `Campaign ${slug}` }, languages: ['en'], goal: { votes: 10 }, joinCode: code });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    await applyCampaign(pg.app.db.kysely, spec.spec);
  }
});
afterAll(async () => pg?.close());

// Olive is the first to name herself in the room: its creator, who may join and leave campaigns (its admin).
let olive: TestMember | undefined;
let request = 0;
const say = async (room: string, text: string) => {
  olive ??= await newMember(pg.url, 'Olive');
  const res = await olive.post(`/api/rooms/${room}/messages`, { text, requestId: `req-campaign-${++request}` });
  return (await res.json()) as { ok: boolean; notice?: { html: string } };
};
async function waitForMessage(room: string, match: (m: WebMessage) => boolean): Promise<WebMessage> {
  for (let i = 0; i < 200; i++) {
    const { messages } = (await (await fetch(`${pg.url}/api/rooms/${room}/messages`)).json()) as { messages: WebMessage[] };
    const found = messages.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no such message in room ${room}`);
}

describe('campaigns in the web playground', () => {
  it('joins by code, tags battles, shows progress, and refuses a second campaign', async () => {
    await say('campaign-room', '/arena join web-2027');
    await waitForMessage('campaign-room', (m) => /now takes part in “Campaign web-2027”/.test(m.html ?? ''));
    const busy = await say('campaign-room', '/arena join RIVAL-01');
    expect(busy.notice?.html).toMatch(/already takes part in the campaign “web-2027”/);

    await say('campaign-room', 'Explain why bread rises in the oven');
    await waitForMessage('campaign-room', (m) => m.role === 'ballot');
    const battles = await pg.app.db.kysely
      .selectFrom('Battle')
      .innerJoin('Campaign', 'Campaign.id', 'Battle.campaignId')
      .select('Campaign.slug')
      .execute();
    expect(battles).toEqual([{ slug: 'web-2027' }]);

    await say('campaign-room', '/campaign');
    const gauge = await waitForMessage('campaign-room', (m) => m.role === 'board' && /0 of 10 votes/.test(m.html ?? ''));
    expect(gauge.image?.alt).toContain('Campaign web-2027');

    await say('campaign-room', '/arena leave');
    await waitForMessage('campaign-room', (m) => /left “Campaign web-2027”/.test(m.html ?? ''));
    await say('campaign-room', '/arena join RIVAL-01');
    await waitForMessage('campaign-room', (m) => /now takes part in “Campaign rival”/.test(m.html ?? ''));

    // The campaign collects English prompts: one in French gets a hint, not a battle.
    const before = await pg.app.db.kysely.selectFrom('Battle').select('id').execute();
    const french = await say('campaign-room', 'Pourquoi le pain gonfle-t-il dans le four quand on le fait cuire ?');
    expect(french.notice?.html).toMatch(/This chat collects prompts in .*English/);
    expect(await pg.app.db.kysely.selectFrom('Battle').select('id').execute()).toHaveLength(before.length);
  });
});
