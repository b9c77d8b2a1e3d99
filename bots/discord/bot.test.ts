// The Discord bot end to end: the real discord.js Client over the fake Discord's gateway and REST, the real engine on
// SQLite with demo models. What a server's members do — /arena, mentions, DMs, votes, follow-ups in a battle's
// thread, settings, leaderboards — and what Discord would refuse or let expire: none of it happens.
import { MessageFlags, PermissionFlagsBits as P } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import type { FakeChannel, FakeInteraction, FakeMessage } from '../../test/fakes/discord';
import { battleFinished, buttonRows, customIds, openBallot, replies, startDiscordHarness, threadUnder, until, voteId, type DiscordHarness } from './testing';

describe('a Discord server with Pnyx', () => {
  let h: DiscordHarness;
  let general: FakeChannel;
  const mention = () => h.discord.mention(h.discord.botUser);
  const press = (who: keyof DiscordHarness['people'], message: FakeMessage | string, id: string): FakeInteraction => h.discord.pressButton(h.people[who], message, id);
  const answer = async (interaction: FakeInteraction) => {
    const reply = await h.discord.replyTo(interaction);
    return reply;
  };

  beforeAll(async () => {
    // The talkative demo models only: the one-line "laconic" model finishes in one edit, and a battle drawn between it
    // and a quick reply would show no streaming to assert on (the pair is drawn at random).
    const models = { ...DEMO_MODELS_CONFIG, models: DEMO_MODELS_CONFIG.models.filter((m) => m.model !== 'laconic') };
    h = await startDiscordHarness({ closeAfterVotes: 3, models });
    general = h.general!;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs in with the fewest intents, registers the localised slash commands and prints no invite (it is in a server)', () => {
    expect(h.discord.gateway.identifies[0]!.intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    const names = h.discord.commands.get('global')!.map((c) => c.name).sort();
    expect(names).toEqual(['arena', 'campaign', 'forget', 'help', 'leaderboard', 'mydata', 'privacy', 'settings']);
    expect(h.printed).toEqual([]);
  });

  let firstBattle: { thread: FakeChannel; ballot: FakeMessage; replies: FakeMessage[] };

  it('runs /arena as a battle in a thread under the prompt: acknowledged at once, two streamed replies A and B, a ballot', async () => {
    const command = h.discord.slashCommand(h.people.alice, general, 'arena', { prompt: 'Explain photosynthesis in two sentences' });
    await h.discord.acknowledged(command);
    expect(command.callbacks[0]).toMatchObject({ type: 5, status: 204 });
    // In time: Discord's 3 s (the first event of a cold process may take the safety defer).
    expect(command.expired).toBe(false);
    expect(command.acknowledged!.at - command.createdAt).toBeLessThan(3_000);
    // The prompt is shown (a slash command's text is not), as the interaction's own public answer.
    const echo = await h.discord.replyTo(command);
    expect(echo.content).toMatch(/Alice.*asks:\n> Explain photosynthesis in two sentences/);
    expect(echo.flags & MessageFlags.Ephemeral).toBe(0);
    const thread = await threadUnder(h.discord, echo.id);
    expect(thread.name).toBe('Explain photosynthesis in two sentences');
    const { replies: pair, ballot } = await battleFinished(h.discord, thread);
    expect(pair.map((m) => m.content.split('\n')[0])).toEqual(['**Model A**', '**Model B**']);
    // Streamed by edits, at most about one a second per message.
    expect(pair.some((m) => m.history.length > 2 && m.history.some((r) => r.content.endsWith('▍')))).toBe(true);
    for (const m of pair) expect(h.discord.editStats(m).peakPerSecond).toBeLessThanOrEqual(2);
    expect(h.discord.callsTo('POST /channels/:channel/typing').some((c) => c.params.channel === thread.id)).toBe(true);
    expect(buttonRows(ballot).map((row) => row.map((b) => b.label))).toEqual([
      ['👈 A is better', '👉 B is better'],
      ['🤝 Tie', '👎 Both are bad'],
    ]);
    for (const id of customIds(ballot)) {
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id).not.toMatch(/demo|lexicon|markov|outline|laconic/i);
    }
    expect(ballot.content).toMatch(/No votes yet/);
    // Nothing went to the channel itself but the prompt.
    expect(h.discord.botMessages(general).filter((m) => !m.visibleTo).map((m) => m.id)).toEqual([echo.id]);
    firstBattle = { thread, ballot, replies: pair };
  });

  it('counts three members\' votes, each revealed privately at once; a second press is refused and moves nothing', async () => {
    const { ballot, thread } = firstBattle;
    const first = await answer(press('alice', ballot, voteId(ballot, 'a')));
    expect(first).toMatchObject({ visibleTo: h.people.alice.id });
    expect(first.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(first.content).toMatch(/^You voted: A is better\./);
    expect(first.content).toMatch(/demo model/);
    // Reason tags and "Say why", for this person only.
    expect(buttonRows(first).flat().map((b) => b.label)).toEqual(['Useful', 'Complete', 'Creative', 'Clear formatting', '✍️ Say why']);
    await h.discord.waitFor(() => /1 vote so far/.test(h.discord.message(ballot.id)!.content), 10_000, 'the count to show 1 vote');
    // The ballot says how many voted, not how, and names nobody.
    expect(h.discord.message(ballot.id)!.content).not.toMatch(/demo|A better/);

    const second = await answer(press('bob', ballot, voteId(ballot, 'b')));
    expect(second.content).toMatch(/^You voted: B is better\./);
    await h.discord.waitFor(() => /2 votes so far/.test(h.discord.message(ballot.id)!.content), 10_000, 'the count to show 2 votes');

    const again = press('bob', ballot, voteId(ballot, 'a'));
    const refused = await answer(again);
    // Another choice is a change of mind: the vote is updated, never counted twice.
    expect(refused.content).toMatch(/You changed your vote: A is better \(was B is better\)/);
    expect(refused.content).not.toMatch(/^You voted/);
    expect(refused.visibleTo).toBe(h.people.bob.id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(h.discord.message(ballot.id)!.content).toMatch(/2 votes so far/);

    // Carol's Discord is in French: her answer is too. The third vote closes the battle.
    const third = await answer(press('carol', ballot, voteId(ballot, 't')));
    expect(third.content).toMatch(/^Votre vote : Égalité/);
    await h.discord.waitFor(() => /Voting closed/.test(h.discord.message(ballot.id)!.content), 10_000, 'the ballot to close');
    const closed = h.discord.message(ballot.id)!;
    expect(closed.content).toMatch(/A better: 1 · B better: 1 · Tie: 1 · Both bad: 0/);
    expect(closed.content).toMatch(/\*\*A\*\* was \*\*.*demo model/);
    expect(closed.components).toEqual([]);
    // The replies are named too, where they are, in the thread.
    await h.discord.waitFor(() => replies(h.discord, thread).every((m) => /^\*\*Model [AB]\*\* · /.test(m.content)), 10_000, 'the replies to be named');
  });

  it('"Say why" opens a modal; the explanation is saved with the vote', async () => {
    const { ballot } = firstBattle;
    const reveal = h.discord.messagesIn(ballot.channelId).find((m) => m.visibleTo === h.people.alice.id && /You voted/.test(m.content))!;
    const why = customIds(reveal).find((id) => id.startsWith('y:'))!;
    const opened = press('alice', reveal, why);
    await h.discord.acknowledged(opened);
    expect(opened.acknowledged!.type).toBe(9);
    expect(opened.modal!.title).toBe('Why this vote?');
    const submitted = h.discord.submitModal(h.people.alice, opened.modal!.custom_id, { comment: 'A explained the light reactions; B only listed words.' });
    const thanks = await answer(submitted);
    expect(thanks).toMatchObject({ content: 'Thanks — your explanation is saved with your vote.', visibleTo: h.people.alice.id });
    // A reason tag from the same private answer.
    const tag = await answer(press('alice', reveal, customIds(reveal)[1]!));
    expect(tag.content).toBe('Reason saved: Complete.');
  });

  let mentionThread: FakeChannel;

  it('starts a battle when someone mentions the bot, in a thread under their message', async () => {
    const asked = h.discord.sendMessage(h.people.bob, general, `${mention()} Name three rivers in Europe`);
    const thread = await threadUnder(h.discord, asked.id);
    const { replies: pair } = await battleFinished(h.discord, thread);
    expect(pair).toHaveLength(2);
    expect(thread.name).toBe('Name three rivers in Europe');
    mentionThread = thread;
  });

  it('continues the battle from a message in its thread that mentions the bot, and moves the ballot', async () => {
    const thread = mentionThread;
    const before = openBallot(h.discord, thread)!;
    const token = voteId(before, 'a').split(':')[1];
    h.discord.sendMessage(h.people.carol, thread, `${mention()} And which one is the longest?`);
    const second = await battleFinished(h.discord, thread, 2);
    expect(second.ballot.id).not.toBe(before.id);
    expect(h.discord.message(before.id)!.content).toMatch(/conversation continued/);
    expect(h.discord.message(before.id)!.components).toEqual([]);
    expect(voteId(second.ballot, 'a').split(':')[1]).toBe(token);
    // The follow-up is answered where it was asked, quoting it.
    expect(second.replies.every((m) => m.referenceId !== undefined)).toBe(true);
  });

  /** A vote button of the DM battle: from another chat, so as good as forged in the server. */
  let dmVote: string;

  it('runs a DM battle: every message is a prompt, one vote closes it', async () => {
    const dm = h.discord.createDm(h.people.alice);
    const asked = h.discord.sendMessage(h.people.alice, dm, 'What is a volcano?');
    const { replies: pair, ballot } = await battleFinished(h.discord, dm);
    expect(pair.every((m) => m.referenceId === asked.id)).toBe(true);
    dmVote = voteId(ballot, 'a');
    const voted = await answer(press('alice', ballot, voteId(ballot, 'b')));
    expect(voted.content).toMatch(/You voted: B is better/);
    await h.discord.waitFor(() => /Voting closed/.test(h.discord.message(ballot.id)!.content), 10_000, 'the DM ballot to close');
    // Slash commands work in the DM too.
    const help = h.discord.slashCommand(h.people.alice, dm, 'help');
    expect((await answer(help)).content).toMatch(/Pnyx — a blind arena/);
  });

  it('refuses forged or stale buttons privately, naming no model', async () => {
    const foreign = dmVote;
    const forged = await h.running.calls.post(general.id, {
      content: 'Old ballot',
      components: [{ type: 1, components: ['v:ZZZZZZZZZZ:a', 'garbage', foreign, 'v:../../etc:a'].map((custom_id, i) => ({ type: 2, style: 1, label: `b${i}`, custom_id })) }],
      allowed_mentions: { parse: [], replied_user: false },
    });
    for (const id of ['v:ZZZZZZZZZZ:a', 'garbage', foreign, 'v:../../etc:a']) {
      const refusal = await answer(press('bob', forged.id, id));
      expect(refusal.content).toBe('This button is no longer valid. Start a new battle to vote.');
      expect(refusal.visibleTo).toBe(h.people.bob.id);
    }
  });

  it('posts /leaderboard with its chart attached as a PNG, and the table', async () => {
    const command = h.discord.slashCommand(h.people.bob, general, 'leaderboard');
    const board = await answer(command);
    expect(board.content).toMatch(/```/);
    expect(board.flags & MessageFlags.Ephemeral).toBe(0);
    expect(board.attachments).toEqual([expect.objectContaining({ filename: 'pnyx-leaderboard.png', contentType: 'image/png', width: expect.any(Number) })]);
    expect(board.attachments[0]!.width).toBeGreaterThan(100);
  });

  it('posts scheduled leaderboards into the channel, chart attached (the existing schedules, unchanged)', async () => {
    const row = await h.app.store.upsertChat({ platform: 'discord', id: general.id, kind: 'group', space: h.guild!.id });
    expect(await h.app.arena.postLeaderboard(row.id)).toBe(true);
    const posted = h.discord.botMessages(general).at(-1)!;
    expect(posted.content).toMatch(/```/);
    expect(posted.attachments).toEqual([expect.objectContaining({ filename: 'pnyx-leaderboard.png', contentType: 'image/png' })]);
    expect(posted.interaction).toBeUndefined();
  });

  describe('settings', () => {
    let room: FakeChannel;
    beforeAll(() => {
      room = h.discord.createChannel(h.guild!, { name: 'settings-room' });
    });

    it('are refused privately to a member without Manage Server (when a server lets members see /settings)', async () => {
      // Discord hides /settings from members (default_member_permissions); a server can widen it in its Integrations
      // settings, as here. The bot checks again, from the interaction's member permissions.
      const settings = h.discord.commands.get('global')!.find((c) => c.name === 'settings')!;
      expect(() => h.discord.slashCommand(h.people.bob, room, 'settings')).toThrow(/cannot see \/settings/);
      settings.default_member_permissions = null;
      const refusal = await answer(h.discord.slashCommand(h.people.bob, room, 'settings'));
      expect(refusal).toMatchObject({ content: "Only the chat's admins can change the arena settings.", visibleTo: h.people.bob.id });
      expect(h.discord.callsTo(/GET \/guilds\/\d+\/members/)).toEqual([]);
    });

    it('open for the owner as a private menu, paginated within 5 rows of 5, whose presses apply', async () => {
      const menu = await answer(h.discord.slashCommand(h.people.owner, room, 'settings'));
      expect(menu.visibleTo).toBe(h.people.owner.id);
      expect(menu.content).toMatch(/Arena settings for this chat/);
      expect(menu.content).toMatch(/in a thread of their own/);
      const rows = buttonRows(menu);
      expect(rows.length).toBeLessThanOrEqual(5);
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
      const next = rows.flat().find((b) => /Next/.test(b.label))!;
      expect(rows.flat().some((b) => /Page 1\//.test(b.label))).toBe(true);

      const paged = press('owner', menu, next.custom_id);
      await h.discord.acknowledged(paged);
      expect(paged.acknowledged!.type).toBe(7);
      await h.discord.waitFor(() => buttonRows(h.discord.message(menu.id)).flat().some((b) => /Page 2\//.test(b.label)), 5_000, 'page 2');
      for (const row of buttonRows(h.discord.message(menu.id))) expect(row.length).toBeLessThanOrEqual(5);

      // Every page, in turn: all within 5×5, and every setting reachable.
      const seen = new Set<string>(rows.flat().map((b) => b.custom_id.split(':')[1]!));
      let page = h.discord.message(menu.id)!;
      for (let i = 0; i < 8; i += 1) {
        for (const b of buttonRows(page).flat()) seen.add(b.custom_id.split(':')[1]!);
        const forward = buttonRows(page).flat().find((b) => /Next/.test(b.label));
        if (!forward) break;
        const revisions = page.history.length;
        await h.discord.acknowledged(press('owner', page, forward.custom_id));
        await h.discord.waitFor(() => h.discord.message(menu.id)!.history.length > revisions, 5_000, 'the next page');
        page = h.discord.message(menu.id)!;
        expect(buttonRows(page).length).toBeLessThanOrEqual(5);
      }
      expect([...seen].sort()).toEqual(expect.arrayContaining(['lay', 'lb', 'm', 'on', 'rev', 'trig', 'tz']));
    });

    it('pauses the arena from the menu; /arena then explains privately', async () => {
      const menu = await answer(h.discord.slashCommand(h.people.owner, room, 'settings'));
      const pause = buttonRows(menu).flat().find((b) => /Pause/.test(b.label))!;
      const pressed = press('owner', menu, pause.custom_id);
      await h.discord.waitFor(() => pressed.followupIds.length > 0, 5_000, 'the saved notice');
      expect(h.discord.message(pressed.followupIds[0]!)).toMatchObject({ content: 'Settings saved.', visibleTo: h.people.owner.id });
      expect(h.discord.message(menu.id)!.content).toMatch(/paused/);
      const paused = await answer(h.discord.slashCommand(h.people.alice, room, 'arena', { prompt: 'hello?' }));
      expect(paused.content).toMatch(/paused/);
      expect(paused.visibleTo).toBe(h.people.alice.id);
    });

    it('sets the time zone through a modal', async () => {
      const menu = await answer(h.discord.slashCommand(h.people.owner, room, 'settings'));
      let page = menu;
      let zone = buttonRows(page).flat().find((b) => b.custom_id === 's:tz:ask');
      while (!zone) {
        const forward = buttonRows(page).flat().find((b) => /Next/.test(b.label))!;
        const revisions = page.history.length;
        await h.discord.acknowledged(press('owner', page, forward.custom_id));
        await h.discord.waitFor(() => h.discord.message(menu.id)!.history.length > revisions, 5_000, 'the next page');
        page = h.discord.message(menu.id)!;
        zone = buttonRows(page).flat().find((b) => b.custom_id === 's:tz:ask');
      }
      const opened = press('owner', page, zone.custom_id);
      await h.discord.acknowledged(opened);
      expect(opened.modal).toMatchObject({ custom_id: 'f:tz', title: 'Time zone' });
      const saved = await answer(h.discord.submitModal(h.people.owner, 'f:tz', { timezone: 'Europe/Paris' }));
      expect(saved.content).toBe('Time zone set to Europe/Paris.');
    });
  });

  describe('permissions', () => {
    /** Waits until discord.js's cache knows the bot lost a permission in a channel (CHANNEL_UPDATE processed). */
    const botLacks = (channel: FakeChannel, bit: bigint) =>
      until(() => {
        const cached = h.running.client.channels.cache.get(channel.id);
        const me = h.running.client.guilds.cache.get(h.guild!.id)?.members.me;
        return cached && !cached.isDMBased() && me && !cached.permissionsFor(me).has(bit);
      }, 'the cache to see the overwrite');

    it('a channel where the bot cannot post: the person is told privately which permission to grant, nothing else happens', async () => {
      const locked = h.discord.createChannel(h.guild!, { name: 'announcements' });
      h.discord.overwrite(locked, 'bot', { deny: P.SendMessages });
      await botLacks(locked, P.SendMessages);
      const before = h.logs.length;
      const command = h.discord.slashCommand(h.people.alice, locked, 'arena', { prompt: 'Why is the sea salty?' });
      const refusal = await answer(command);
      expect(refusal.visibleTo).toBe(h.people.alice.id);
      expect(refusal.content).toMatch(/I need the \*\*Send Messages\*\* permission here/);
      expect(refusal.content).toMatch(/Permissions → Pnyx/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(h.discord.messagesIn(locked).filter((m) => !m.visibleTo)).toEqual([]);
      expect(h.discord.callsTo('POST /channels/:channel/messages').filter((c) => c.params.channel === locked.id)).toEqual([]);
      expect(h.logs.slice(before).filter((l) => l.level >= 40)).toEqual([]);
    });

    it('a channel without thread permissions: the battle runs in the channel and the person learns why', async () => {
      const plain = h.discord.createChannel(h.guild!, { name: 'no-threads' });
      h.discord.overwrite(plain, 'bot', { deny: P.CreatePublicThreads });
      await botLacks(plain, P.CreatePublicThreads);
      const before = h.logs.length;
      const command = h.discord.slashCommand(h.people.carol, plain, 'arena', { prompt: 'Pourquoi le ciel est-il bleu ?' });
      const { replies: pair } = await battleFinished(h.discord, plain);
      expect(pair).toHaveLength(2);
      await h.discord.waitFor(() => command.followupIds.length > 0, 5_000, 'the private explanation');
      const told = h.discord.message(command.followupIds[0]!)!;
      expect(told.visibleTo).toBe(h.people.carol.id);
      expect(told.content).toMatch(/Créer des fils publics/);
      expect(h.discord.callsTo('POST /channels/:channel/messages/:message/threads').filter((c) => c.params.channel === plain.id)).toEqual([]);
      expect(h.logs.slice(before).filter((l) => l.level >= 40)).toEqual([]);

      // In the channel, a reply to one of the battle's messages (which pings the bot, as Discord replies do) continues it.
      const followUp = h.discord.sendMessage(h.people.bob, plain, 'Shorter, please.', { replyTo: pair[1]!.id });
      const second = await battleFinished(h.discord, plain, 2);
      expect(second.replies.every((m) => m.referenceId === followUp.id)).toBe(true);
    });
  });

  it('answered every interaction in time and made no request Discord refused', () => {
    expect(h.discord.failures).toEqual([]);
    for (const interaction of h.discord.interactions.values()) expect(interaction.expired).toBe(false);
    const refused = h.discord.calls.filter((c) => c.status >= 400 && !c.injected);
    expect(refused.map((c) => `${c.route} ${c.status} ${c.code}`)).toEqual([]);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
