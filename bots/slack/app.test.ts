// The Slack app end to end in HTTP mode: the real Bolt App (its HTTP receiver, signed requests) run by startSlackApp
// and the real engine on SQLite with demo models, against the fake Slack on 127.0.0.1, played as a workspace's members
// would: slash commands, mentions, DMs, thread replies, button presses, modals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, type FakeMessage } from '../../test/fakes/slack';
import { battleFinished, deliveriesSettled, expectCleanRun, privateAnswer, shownText, startSlackHarness, threadMessages, voteButton, type SlackHarness } from './testing';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ closeAfterVotes: 3 });
});
afterAll(async () => {
  await h?.close();
});

const buttonLabels = (m: FakeMessage) => buttonsIn(m.blocks).map((b) => b.text);
const findButton = (m: FakeMessage, label: RegExp) => {
  const button = buttonsIn(m.blocks).find((b) => label.test(b.text));
  if (!button?.actionId) throw new Error(`no button ${label} on ${m.ts}: ${buttonLabels(m).join(', ')}`);
  return button.actionId;
};

describe('battles', () => {
  it('runs /arena as a battle in a thread under the prompt it posts; three members vote, one twice; the reveal closes it', async () => {
    const { slack } = h;
    const { alice, bob, carol, general } = h.people;
    const command = await h.slack.slashCommand(alice, general, '/arena', 'Explain photosynthesis in two sentences');
    expect(command).toMatchObject({ status: 200, late: false });
    expect(command.ackDelayMs).toBeLessThan(3000);

    // A slash command leaves no message: the app posts the prompt, and the battle lives in that message's thread.
    const echo = await slack.waitFor(() => slack.botMessages(general).find((m) => /Explain photosynthesis/.test(shownText(m)) && m.threadTs === m.ts), 15_000, 'the prompt');
    expect(shownText(echo)).toMatch(/^💬 alice asks:\nExplain photosynthesis in two sentences$/);
    const { replies, ballot } = await battleFinished(slack, general, { threadTs: echo.ts });
    expect(replies.map((r) => shownText(r).split('\n')[0])).toEqual(['Model A', 'Model B']);
    expect(buttonLabels(ballot)).toEqual(['👈 A is better', '👉 B is better', '🤝 Tie', '👎 Both are bad']);
    for (const b of buttonsIn(ballot.blocks)) expect(b.value).not.toMatch(/demo|lexicon|markov|outline|laconic/i);
    expect(shownText(ballot)).toMatch(/No votes yet/);
    expect(shownText(ballot)).toMatch(/closes after 3 votes/);

    // Alice: her vote, and privately, both models named and why she chose.
    let since = Date.now();
    expect(await slack.pressButton(alice, ballot, voteButton(ballot, 'a'))).toMatchObject({ status: 200, late: false });
    const reveal = await privateAnswer(slack, alice, general, since, /You voted: A is better/);
    expect(reveal.threadTs).toBe(echo.ts);
    expect(shownText(reveal)).toMatch(/A was .*demo model/);
    expect(buttonLabels(reveal)).toEqual(expect.arrayContaining(['Useful', 'Complete', '✍️ Say why']));
    await slack.waitFor(() => /1 vote so far/.test(shownText(slack.message(general, ballot.ts)!)), 10_000, 'the count to show 1 vote');

    // A reason tag, then "Say why" in a modal.
    since = Date.now();
    await slack.pressButton(alice, reveal, findButton(reveal, /^Useful$/));
    await privateAnswer(slack, alice, general, since, /Reason saved: Useful/);
    await slack.pressButton(alice, reveal, findButton(reveal, /Say why/));
    const view = await slack.waitFor(() => slack.views.find((v) => v.user === alice.id && v.open), 5000, 'the modal');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Why this vote?' });
    since = Date.now();
    expect(await slack.submitView(alice, view, { comment: { value: 'A named the chloroplasts; B did not.' } })).toMatchObject({ status: 200, late: false });
    const thanks = await privateAnswer(slack, alice, general, since, /your explanation is saved/);
    expect(thanks.threadTs).toBe(echo.ts);

    since = Date.now();
    await slack.pressButton(bob, ballot, voteButton(ballot, 'b'));
    await privateAnswer(slack, bob, general, since, /You voted: B is better/);
    // The ballot shows how many voted, not how.
    await slack.waitFor(() => /2 votes so far/.test(shownText(slack.message(general, ballot.ts)!)), 10_000, 'the count to show 2 votes');
    expect(shownText(slack.message(general, ballot.ts)!)).not.toMatch(/A better|B better/);

    // A second press: privately told, nothing counted twice.
    since = Date.now();
    await slack.pressButton(alice, ballot, voteButton(ballot, 'b'));
    // Another choice is a change of mind: the vote is updated, never counted twice.
    await privateAnswer(slack, alice, general, since, /You changed your vote: B is better \(was A is better\)/);

    // Carol reads Slack in French: her answer is in French; her vote is the third, which closes the battle.
    since = Date.now();
    await slack.pressButton(carol, ballot, voteButton(ballot, 't'));
    await privateAnswer(slack, carol, general, since, /Votre vote/);
    const closed = await slack.waitFor(() => {
      const m = slack.message(general, ballot.ts)!;
      return /Voting closed/.test(shownText(m)) && m;
    }, 10_000, 'the ballot to close');
    expect(shownText(closed)).toMatch(/A better: 1 · B better: 1 · Tie: 1/);
    expect(shownText(closed)).toMatch(/A was .*demo model/);
    expect(buttonLabels(closed).filter((l) => /better|Tie|bad/.test(l))).toEqual([]);
    await slack.waitFor(() => /^Model A · /.test(shownText(slack.message(general, replies[0]!.ts)!)), 10_000, 'reply A to be named');
    // Everything the battle said publicly is in its thread.
    expect(slack.botMessages(general).filter((m) => !m.threadTs || m.threadTs === m.ts).filter((m) => /Model|Which reply/.test(shownText(m)))).toEqual([]);
  });

  it('runs a battle for @Pnyx in a channel once (Slack sends app_mention and message), in a thread under the mention', async () => {
    const { slack } = h;
    const { bob, general } = h.people;
    const sent = await slack.mention(bob, general, 'What is a volcano?');
    expect(sent.deliveries.map((d) => d.type).sort()).toEqual(['app_mention', 'message']);
    const { ballot } = await battleFinished(slack, general, { threadTs: sent.message.ts });
    const thread = threadMessages(slack, general, sent.message.ts);
    expect(thread.filter((m) => /^Model [AB]/.test(shownText(m)))).toHaveLength(2);
    expect(thread.filter((m) => buttonsIn(m.blocks).some((b) => b.value?.startsWith('v:')))).toEqual([ballot]);
  });

  it('continues a battle from a reply in its thread, and ignores other threads', async () => {
    const { slack } = h;
    const { bob, dave, general } = h.people;
    const sent = await slack.mention(dave, general, 'Name a large desert.');
    const first = await battleFinished(slack, general, { threadTs: sent.message.ts });
    const token = voteButton(first.ballot, 'a').split(':')[2];

    await slack.threadReply(bob, general, sent.message.ts, 'And how hot does it get?');
    const second = await slack.waitFor(() => {
      const ballots = threadMessages(slack, general, sent.message.ts).filter((m) => buttonsIn(m.blocks).some((b) => b.value?.startsWith('v:')));
      return ballots.length === 1 && ballots[0]!.ts !== first.ballot.ts && ballots[0];
    }, 30_000, 'the follow-up ballot');
    expect(threadMessages(slack, general, sent.message.ts).filter((m) => /^Model [AB]/.test(shownText(m)))).toHaveLength(4);
    expect(shownText(slack.message(general, first.ballot.ts)!)).toMatch(/conversation continued/);
    // The same battle: its ballot moved under the newest turn.
    expect(voteButton(second, 'a').split(':')[2]).toBe(token);

    // People talking in their own thread are left alone.
    const lunch = await slack.say(bob, general, 'Lunch at noon?');
    await slack.threadReply(dave, general, lunch.message.ts, 'Sure');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(threadMessages(slack, general, lunch.message.ts)).toEqual([]);
  });

  it('runs a battle in a direct message, inline, closing after one vote', async () => {
    const { slack } = h;
    const { dave } = h.people;
    const dm = slack.imWith(dave);
    const sent = await slack.directMessage(dave, 'Name three rivers in Europe.');
    const { ballot } = await battleFinished(slack, dm, { after: sent.message.ts });
    expect(ballot.threadTs).toBeUndefined();
    const since = Date.now();
    await slack.pressButton(dave, ballot, voteButton(ballot, 'x'));
    await privateAnswer(slack, dave, dm, since, /You voted: Both are bad/);
    await slack.waitFor(() => /Voting closed/.test(shownText(slack.message(dm, ballot.ts)!)), 10_000, 'the ballot to close');

    // /arena there too: the prompt is posted, the battle follows it in the conversation.
    await slack.slashCommand(dave, dm, '/arena', 'Name three lakes.');
    const echo = await slack.waitFor(() => slack.botMessages(dm).find((m) => /Name three lakes/.test(shownText(m))), 10_000, 'the prompt');
    await battleFinished(slack, dm, { after: echo.ts });
  });

  it('refuses a forged or stale button value privately, naming no model', async () => {
    const { slack } = h;
    const { bob, general } = h.people;
    const sent = await slack.mention(bob, general, 'Is a tomato a fruit?');
    const { ballot } = await battleFinished(slack, general, { threadTs: sent.message.ts });
    for (const value of ['v:NotAToken99:a', 'constructor', 'v:' + 'x'.repeat(90), 's:on:1']) {
      const since = Date.now();
      const press = await slack.pressButton(bob, ballot, voteButton(ballot, 'a'), value);
      expect(press).toMatchObject({ status: 200, late: false });
      const refusal = await privateAnswer(slack, bob, general, since, /no longer valid|Only the chat's admins/);
      expect(shownText(refusal)).not.toMatch(/demo|lexicon|markov|outline|laconic/i);
    }
    expect(/No votes yet/.test(shownText(slack.message(general, ballot.ts)!))).toBe(true);
  });
});

describe('what the app says besides battles', () => {
  it('shows settings to admins and channel creators only, paginated, changing one in place', async () => {
    const { slack } = h;
    const { alice, bob, carol, general, lab } = h.people;
    let since = Date.now();
    await slack.slashCommand(bob, general, '/arena-settings');
    await privateAnswer(slack, bob, general, since, /Only the chat's admins can change/);

    // A workspace admin anywhere; the menu is hers alone, split in pages within Slack's limits.
    since = Date.now();
    await slack.slashCommand(alice, general, '/arena', 'settings');
    const menu = await privateAnswer(slack, alice, general, since, /Arena settings for this chat/);
    expect(buttonLabels(menu)).toEqual(expect.arrayContaining(['Page 1/2', 'Next ▶']));
    await slack.pressButton(alice, menu, findButton(menu, /Next/));
    const page2 = await slack.waitFor(() => {
      const m = slack.message(general, menu.ts)!;
      return buttonLabels(m).includes('Page 2/2') && m;
    }, 10_000, 'page 2 in place of page 1');
    expect(buttonLabels(page2)).toContain('◀ Previous');
    expect(slack.botMessages(general).filter((m) => /Arena settings/.test(shownText(m)))).toEqual([]);

    // The channel's creator changes where battles appear; the menu speaks the channel's language, the confirmation hers.
    since = Date.now();
    await slack.slashCommand(carol, lab, '/arena-settings');
    const hers = await privateAnswer(slack, carol, lab, since, /Arena settings for this chat/);
    since = Date.now();
    await slack.pressButton(carol, hers, findButton(hers, /In the channel/));
    await privateAnswer(slack, carol, lab, since, /Réglages enregistrés/);
    await slack.waitFor(() => buttonLabels(slack.message(lab, hers.ts)!).includes('• 💬 In the channel •'), 10_000, 'the menu to show the new layout');
  });

  it('tells a person privately to invite the app where it is not, and posts nothing there', async () => {
    const { slack } = h;
    const { bob, outside } = h.people;
    const since = Date.now();
    expect(await slack.slashCommand(bob, outside, '/arena', 'Anyone here?')).toMatchObject({ status: 200, late: false });
    const hint = await privateAnswer(slack, bob, outside, since, /Invite me with \/invite @pnyx/);
    expect(hint.via).toBe('response_url');
    // Help is private, so it works there too.
    await slack.slashCommand(bob, outside, '/arena', 'help');
    await privateAnswer(slack, bob, outside, since, /blind arena/);
    expect(slack.messages.filter((m) => m.channel === outside.id && !m.ephemeralTo)).toEqual([]);
    expect(slack.calls.filter((c) => c.error === 'not_in_channel')).toEqual([]);
  });

  it('tells the person when it was removed since, stops posting where it left, and posts again once invited back', async () => {
    const { slack } = h;
    const { carol, lab } = h.people;
    // Removed without Slack saying so yet: the app still thinks it is in #lab, and learns otherwise from its post.
    slack.kick(lab);
    let since = Date.now();
    await slack.slashCommand(carol, lab, '/arena', 'Qui a peint la Joconde ?');
    await privateAnswer(slack, carol, lab, since, /Invitez-moi avec \/invite @pnyx/);
    // Slack's event for it: the core stops updating anything there.
    await slack.sendEvent({ type: 'member_left_channel', user: slack.id.botUserId, channel: lab.id, channel_type: 'C', team: slack.id.teamId });
    await slack.waitFor(() => h.logs.some((l) => l.msg === 'the bot was removed from a chat' && l.chat === lab.id) || undefined, 5000, 'the removal');
    await h.running.slack.idle();
    since = Date.now();
    await slack.slashCommand(carol, lab, '/arena', 'Et la Vénus de Milo ?');
    await privateAnswer(slack, carol, lab, since, /Invitez-moi/);
    expect(slack.messages.filter((m) => m.channel === lab.id && !m.ephemeralTo && m.user === slack.id.botUserId)).toEqual([]);

    // Invited back: Slack says so, and the next battle is posted at once.
    slack.invite(lab);
    await slack.sendEvent({ type: 'member_joined_channel', user: slack.id.botUserId, channel: lab.id, channel_type: 'C', team: slack.id.teamId });
    await slack.slashCommand(carol, lab, '/arena', 'Who painted the Mona Lisa?');
    await slack.waitFor(() => slack.botMessages(lab).find((m) => /Mona Lisa/.test(shownText(m))), 10_000, 'the prompt posted in #lab');
    await h.running.slack.idle();
  });

  it('posts /leaderboard with its chart', async () => {
    const { slack } = h;
    const { dave, general } = h.people;
    await slack.slashCommand(dave, general, '/leaderboard');
    const board = await slack.waitFor(() => slack.botMessages(general).find((m) => /^Leaderboard/.test(shownText(m))), 20_000, 'the board');
    expect(board.threadTs).toBeUndefined();
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.channel === general.id && u.completed), 10_000, 'the chart');
    expect(upload.isPng).toBe(true);
    expect(upload.size).toBeGreaterThan(1000);
    // A scheduled post reaches the channel the same way.
    const row = (await h.app.store.getChatByAddress('slack', general.id))!;
    expect(await h.app.arena.postLeaderboard(row.id)).toBe(true);
    expect(slack.botMessages(general).filter((m) => /^Leaderboard/.test(shownText(m)))).toHaveLength(2);
    await slack.waitFor(() => slack.uploads.filter((u) => u.channel === general.id && u.completed).length === 2 || undefined, 10_000, 'the second chart');
  });

  it('ignores other bots and edits, and asks for a question after a bare mention', async () => {
    const { slack } = h;
    const { alice, general } = h.people;
    const before = slack.botMessages(general).length;
    const robot = slack.addUser({ name: 'robot', isBot: true, botId: 'B0ROBOT001' });
    await slack.botPosts(robot, general, `<@${slack.id.botUserId}> battle me`);
    const own = await slack.say(alice, general, 'typo in this mesage');
    await slack.edit(own.message, 'typo in this message');
    const since = Date.now();
    await slack.mention(alice, general, '');
    await privateAnswer(slack, alice, general, since, /Write your question after my name/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.botMessages(general)).toHaveLength(before);
  });
});

describe('the run as Slack saw it', () => {
  it('had no ack later than 3 s, no refused blocks or text, no failed delivery', async () => {
    await h.running.slack.idle();
    await deliveriesSettled(h.slack);
    expectCleanRun(h.slack);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
