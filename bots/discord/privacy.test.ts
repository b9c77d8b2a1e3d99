// People's rights on Discord, end to end through the real discord.js client and the fake Discord: the consent notice
// in the first vote's ephemeral answer, /mydata's JSON file as an ephemeral attachment only the person sees, /forget's
// confirm button, and nothing of the person left in the database afterwards.
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personTraces } from '../../test/person-traces';
import { battleFinished, buttonRows, startDiscordHarness, threadUnder, voteId, type DiscordHarness } from './testing';

describe('privacy on Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ closeAfterVotes: 10 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells a voter once, sends their data only to them, and erases it on confirmation', async () => {
    const quill = h.discord.createUser({ username: 'quillon_erasable', globalName: 'Quillon Erasable', locale: 'en-US' });
    h.discord.addMember(h.guild!, quill);
    const command = h.discord.slashCommand(h.people.alice, h.general!, 'arena', { prompt: 'Name three kinds of clouds' });
    // A slash command's public answer is the prompt shown to everyone: the notice waits for Alice's next act.
    const echo = await h.discord.replyTo(command);
    expect(echo.content).toMatch(/asks:/);
    const thread = await threadUnder(h.discord, echo.id);
    const { ballot } = await battleFinished(h.discord, thread);

    const vote = await h.discord.replyTo(h.discord.pressButton(quill, ballot, voteId(ballot, 'b')));
    expect(vote.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(vote.content).toMatch(/^You voted: B is better/);
    expect(vote.content).toContain('About your data in Pnyx');
    // Another choice is a change of mind (the vote is updated): the data notice is not repeated.
    const second = await h.discord.replyTo(h.discord.pressButton(quill, ballot, voteId(ballot, 'a')));
    expect(second.content).toMatch(/^You changed your vote/);
    expect(second.content).not.toContain('About your data');

    // /mydata: an ephemeral answer, then an ephemeral follow-up with the file, both for the person only.
    const asked = h.discord.slashCommand(quill, h.general!, 'mydata');
    const text = await h.discord.replyTo(asked);
    expect(text.content).toBe('Here is everything Pnyx stores about you: 0 prompts, 1 votes, 0 reactions.');
    expect(text.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const withFile = await h.discord.waitFor(() => h.discord.responsesTo(asked).followups.find((m) => m.attachments.length), 10_000, 'the data file');
    expect(withFile.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(withFile.visibleTo).toBe(quill.id);
    const file = withFile.attachments[0]!;
    expect(file.filename).toMatch(/^pnyx-my-data-.*\.json$/);
    const data = JSON.parse(file.bytes.toString('utf8'));
    expect(data.person).toMatchObject({ platformId: quill.id, displayName: 'Quillon Erasable' });
    expect(data.votes).toMatchObject([{ choice: 'a', modelA: null }]);
    // Nothing public: every message in the channel that carries a file is the person's own ephemeral one.
    expect(h.discord.messagesIn(h.general!).filter((m) => m.attachments.length && !(m.flags & MessageFlags.Ephemeral))).toEqual([]);

    // /forget: a confirmation with buttons, for the person only; the erasure within seconds.
    const forget = await h.discord.replyTo(h.discord.slashCommand(quill, h.general!, 'forget'));
    expect(forget.content).toMatch(/^\*\*Erase your data\?\*\*/);
    const erase = buttonRows(forget).flat().find((b) => b.label === '🗑 Erase everything')!;
    const started = Date.now();
    const done = await h.discord.replyTo(h.discord.pressButton(quill, forget, erase.custom_id));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(done.content).toContain('Erased: 0 prompts, 0 replies, 1 votes, 0 reactions.');
    await h.app.arena.idle();
    await h.running.stop();
    await h.app.arena.stop();
    const erased = await h.app.db.kysely.selectFrom('User').select('id').where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(await personTraces(h.app.db.kysely, erased.id, [quill.id, 'Quillon Erasable', 'quillon_erasable'])).toEqual({ rows: [], prompts: 0, votes: 0, reactions: 0 });
  });
});
