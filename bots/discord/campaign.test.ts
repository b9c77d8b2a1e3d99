// Campaigns on Discord, through the real discord.js client and the fake Discord: the server owner joins with
// `/arena prompt:join CODE`, the channel's battles are tagged, `/campaign` answers with the gauge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign } from '../../core/campaigns/store';
import { battleFinished, startDiscordHarness, threadUnder, type DiscordHarness } from './testing';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
  const spec = validateSpec({ slug: 'discord-27', title: { en: 'Discord voices' }, languages: ['en'], goal: { votes: 10 }, joinCode: 'DISC-27' });
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  await applyCampaign(h.app.db.kysely, spec.spec);
});
afterAll(async () => h?.close());

describe('campaigns on Discord', () => {
  it('joins by code, tags battles, and /campaign shows the gauge', async () => {
    const general = h.general!;
    const join = h.discord.slashCommand(h.people.owner, general, 'arena', { prompt: 'join DISC-27' });
    const joined = await h.discord.replyTo(join);
    expect(joined.content).toContain('now takes part in “Discord voices”');

    const command = h.discord.slashCommand(h.people.alice, general, 'arena', { prompt: 'Explain photosynthesis in two sentences' });
    const echo = await h.discord.replyTo(command);
    await battleFinished(h.discord, await threadUnder(h.discord, echo.id));
    const tagged = await h.app.db.kysely.selectFrom('Battle').innerJoin('Campaign', 'Campaign.id', 'Battle.campaignId').select('Campaign.slug').execute();
    expect(tagged).toEqual([{ slug: 'discord-27' }]);

    const progress = h.discord.slashCommand(h.people.bob, general, 'campaign');
    const gauge = await h.discord.replyTo(progress);
    expect(gauge.content).toContain('0 of 10 votes (0 %)');
  });
});
