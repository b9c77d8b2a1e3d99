// People's rights on Slack, end to end through the real Bolt app and the fake Slack: the consent notice in the first
// vote's ephemeral answer, /arena mydata's JSON file shared in the person's DM with the app, /arena forget's confirm
// button, and nothing of the person left in the database afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personTraces } from '../../test/person-traces';
import { buttonsIn } from '../../test/fakes/slack';
import { battleFinished, privateAnswer, shownText, startSlackHarness, voteButton, type SlackHarness } from './testing';

describe('privacy on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ closeAfterVotes: 10 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells a voter once, sends their data only to them, and erases it on confirmation', async () => {
    const { slack } = h;
    const { alice, general } = h.people;
    const yara = slack.addUser({ name: 'yara_erasable', realName: 'Yara Erasable', locale: 'en-US' });
    slack.invite(general, yara);
    await slack.slashCommand(alice, general, '/arena', 'Name three kinds of clouds');
    const echo = await slack.waitFor(() => slack.botMessages(general).find((m) => /Name three kinds/.test(shownText(m)) && m.threadTs === m.ts), 15_000, 'the prompt');
    const { ballot } = await battleFinished(slack, general, { threadTs: echo.ts });

    let since = Date.now();
    await slack.pressButton(yara, ballot, voteButton(ballot, 'b'));
    const vote = await privateAnswer(slack, yara, general, since, /You voted: B is better/);
    expect(shownText(vote)).toContain('About your data in Pnyx');
    since = Date.now();
    await slack.pressButton(yara, ballot, voteButton(ballot, 'a'));
    // Another choice is a change of mind (the vote is updated): the data notice is not repeated.
    expect(shownText(await privateAnswer(slack, yara, general, since, /You changed your vote/))).not.toContain('About your data');

    // /arena mydata: the notice privately, and the file in Yara's DM with the app (an ephemeral message holds no file).
    since = Date.now();
    await slack.slashCommand(yara, general, '/arena', 'mydata');
    await privateAnswer(slack, yara, general, since, /^Here is everything Pnyx stores about you: 0 prompts, 1 votes, 0 reactions\.$/);
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.completed && u.filename.startsWith('pnyx-my-data-')), 10_000, 'the data file');
    expect(upload.channel).toBe(slack.imWith(yara).id);
    const data = JSON.parse(upload.bytes!.toString('utf8'));
    expect(data.person).toMatchObject({ platformId: yara.id, displayName: 'yara_erasable' });
    expect(data.votes).toMatchObject([{ choice: 'a' }]);
    expect(slack.uploads.filter((u) => u.channel === general.id && u.filename.startsWith('pnyx-my-data-'))).toEqual([]);

    // /arena forget: a confirmation with buttons for Yara only, then the erasure within seconds.
    since = Date.now();
    await slack.slashCommand(yara, general, '/arena', 'forget');
    const confirm = await privateAnswer(slack, yara, general, since, /Erase your data\?/);
    const erase = buttonsIn(confirm.blocks).find((b) => b.text === '🗑 Erase everything');
    expect(erase?.actionId).toBeDefined();
    since = Date.now();
    const started = Date.now();
    await slack.pressButton(yara, confirm, erase!.actionId!);
    await slack.waitFor(() => slack.ephemeralsTo(yara, general).some((m) => /Erased: 0 prompts, 0 replies, 1 votes/.test(shownText(m)) || m.history.some((r) => /Erased:/.test(r.text))), 10_000, 'the erasure');
    expect(Date.now() - started).toBeLessThan(5_000);
    await h.app.arena.idle();
    await h.running.stop();
    await h.app.arena.stop();
    const erased = await h.app.db.kysely.selectFrom('User').select('id').where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(await personTraces(h.app.db.kysely, erased.id, [yara.id, 'Yara Erasable', 'yara_erasable'])).toEqual({ rows: [], prompts: 0, votes: 0, reactions: 0 });
  });
});
