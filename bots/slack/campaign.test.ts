// Campaigns on Slack, through the real Bolt app and the fake Slack: `/arena join CODE` by an admin puts the channel in
// the campaign (a member is refused privately), `/arena campaign` posts the gauge, battles are tagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign } from '../../core/campaigns/store';
import { battleFinished, privateAnswer, shownText, startSlackHarness, type SlackHarness } from './testing';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ closeAfterVotes: 3 });
  const spec = validateSpec({ slug: 'slack-27', title: { en: 'Slack voices' }, languages: ['en'], goal: { votes: 10 }, joinCode: 'SLACK-27' });
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  await applyCampaign(h.app.db.kysely, spec.spec);
});
afterAll(async () => h?.close());

describe('campaigns on Slack', () => {
  it('joins by code with /arena join, tags battles and shows the gauge with /arena campaign', async () => {
    const { slack } = h;
    const { alice, bob, general } = h.people;
    const since = Date.now();
    await slack.slashCommand(bob, general, '/arena', 'join SLACK-27');
    await privateAnswer(slack, bob, general, since, /Only the chat's admins/);
    await slack.slashCommand(alice, general, '/arena', 'join slack-27');
    await slack.waitFor(() => slack.botMessages(general).find((m) => /now takes part in “Slack voices”/.test(shownText(m))), 10_000, 'the join announcement');

    await slack.slashCommand(bob, general, '/arena', 'Explain photosynthesis in two sentences');
    const echo = await slack.waitFor(() => slack.botMessages(general).find((m) => /Explain photosynthesis/.test(shownText(m)) && m.threadTs === m.ts), 15_000, 'the prompt');
    await battleFinished(slack, general, { threadTs: echo.ts });
    const tagged = await h.app.db.kysely.selectFrom('Battle').innerJoin('Campaign', 'Campaign.id', 'Battle.campaignId').select('Campaign.slug').execute();
    expect(tagged).toEqual([{ slug: 'slack-27' }]);

    await slack.slashCommand(bob, general, '/arena', 'campaign');
    await slack.waitFor(() => slack.botMessages(general).find((m) => /0 of 10 votes \(0 %\)/.test(shownText(m))), 10_000, 'the gauge');
  });
});
