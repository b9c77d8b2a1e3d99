// The arena end to end, as people in a chat see it: through createPnyx (real config parsing, real Prisma store,
// real model providers — the bundled demo models and an OpenAI-compatible HTTP server on 127.0.0.1) and an in-memory
// chat platform that records every message and edit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { createRecordingPort, type RecordedMessage, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import type { ChatAddress, Person, PromptEvent, VoteChoice } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { databaseCases } from '../store/test-databases';
import { encodeAction } from './actions';
import type { ModelReplaced } from './arena';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function sqliteUrl(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pnyx-arena-'));
  folders.push(folder);
  return `file:${join(folder, 'pnyx.db')}`;
}

interface Harness {
  app: PnyxApp;
  port: RecordingPort;
  /** What the engine reported through onModelReplaced. */
  replaced: ModelReplaced[];
}

async function harness(options: { config: object; url?: string; sweepMs?: number; random?: () => number; start?: boolean }): Promise<Harness> {
  const replaced: ModelReplaced[] = [];
  const app = await createPnyx({
    config: options.config,
    env: { DATABASE_URL: options.url ?? sqliteUrl(), LOG_LEVEL: 'silent' },
    sweepMs: options.sweepMs ?? 50,
    random: options.random,
    onModelReplaced: (event) => replaced.push(event),
  });
  const port = createRecordingPort('test');
  app.arena.attach(port);
  if (options.start ?? true) await app.arena.start();
  return { app, port, replaced };
}

const instantDemo = (battle: object = {}) => ({ ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } }, battle });

let seq = 0;
const privateChat = (id: string, locale?: string): ChatAddress => ({ platform: 'test', id, kind: 'private', ...(locale ? { locale } : {}) });
const groupChat = (id: string): ChatAddress => ({ platform: 'test', id, kind: 'group', title: `Group ${id}` });
const person = (id: string, locale = 'en'): Person => ({ platform: 'test', id, locale, displayName: id });

const delivery = () => `d-${++seq}`;

/** Sends a prompt and waits for the work it started (the battle streamed and its ballot shown, or nothing). */
async function prompt(h: Harness, chat: ChatAddress, from: Person, text: string, extra: Partial<PromptEvent> = {}) {
  const { done, ...ack } = await h.app.arena.handle({ type: 'prompt', delivery: delivery(), chat, from, text, addressed: true, messageRef: `msg-${++seq}`, ...extra });
  await done;
  return ack;
}

const inChat = (h: Harness, chatId: string) => h.port.messages.filter((m) => m.chat === chatId);
const isBallot = (m: RecordedMessage) => m.current.buttons?.[0]?.[0]?.data.startsWith('v:') ?? false;
const everBallot = (m: RecordedMessage) => m.history.some((x) => x.buttons?.[0]?.[0]?.data.startsWith('v:'));

/** The newest ballot of a chat, once it is shown. */
async function ballotIn(h: Harness, chatId: string): Promise<RecordedMessage> {
  await h.port.waitFor(() => inChat(h, chatId).some(isBallot));
  return inChat(h, chatId).filter(isBallot).at(-1)!;
}

const CHOICE_POSITION: Record<VoteChoice, [number, number]> = { a: [0, 0], b: [0, 1], tie: [1, 0], both_bad: [1, 1] };
const voteData = (ballot: RecordedMessage, choice: VoteChoice) => {
  const [row, col] = CHOICE_POSITION[choice];
  return ballot.history.find((x) => x.buttons)!.buttons![row]![col]!.data;
};
const tokenOf = (ballot: RecordedMessage) => voteData(ballot, 'a').split(':')[1]!;

/** Presses a button and waits for the work it started; a new menu page replaces the pressed message, as adapters do. */
async function press(h: Harness, chat: ChatAddress, from: Person, data: string, extra: { messageRef?: string; isAdmin?: () => Promise<boolean> } = {}) {
  const { done, ...ack } = await h.app.arena.handle({ type: 'action', delivery: delivery(), chat, from, data, ...extra });
  await done;
  if (ack.replace && extra.messageRef) await h.port.edit(chat, extra.messageRef, ack.replace);
  return ack;
}
const vote = (h: Harness, chat: ChatAddress, from: Person, ballot: RecordedMessage, choice: VoteChoice) => press(h, chat, from, voteData(ballot, choice));

/** What the reveal calls a model: demo models are labelled as such. */
function shownName(h: Harness, modelId: string): string {
  const card = h.app.models.cards.find((c) => c.id === modelId)!;
  return card.demo ? `${card.displayName.replace(/\s*\(demo\)\s*$/i, '')} (demo model)` : card.displayName;
}

async function battleRow(h: Harness, token: string) {
  const battle = await h.app.store.getBattleByToken(token);
  if (!battle) throw new Error(`no battle ${token}`);
  return battle;
}

async function openSettings(h: Harness, chat: ChatAddress, admin: Person): Promise<RecordedMessage> {
  const before = h.port.messages.length;
  const result = await h.app.arena.handle({ type: 'command', delivery: delivery(), name: 'settings', args: '', chat, from: admin, messageRef: `msg-${++seq}`, isAdmin: async () => true });
  expect(result.notice).toBeUndefined();
  await result.done;
  return h.port.messages.slice(before).find((m) => m.chat === chat.id)!;
}
async function setSetting(h: Harness, chat: ChatAddress, admin: Person, menu: RecordedMessage, key: string, value: string) {
  const result = await press(h, chat, admin, encodeAction({ kind: 'setting', key, value }), { messageRef: menu.ref, isAdmin: async () => true });
  expect(result.notice?.text).toMatch(/Settings saved|Réglages enregistrés/);
}

// =========================================================================================================

describe('arena with the demo models', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ config: instantDemo({ perUserPerMinute: 3 }) });
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it('runs a private battle end to end: two replies, a ballot, a vote, the reveal', async () => {
    const chat = privateChat('private-1');
    const ada = person('ada');
    const started = await prompt(h, chat, ada, 'What is a dog and why do people keep dogs as pets?');
    // The one notice of a first prompt is the consent notice (short here: this platform's notices hold 200 characters).
    expect(started.notice!.text).toMatch(/^🔒 Pnyx stores your prompts and votes/);

    const ballot = await ballotIn(h, chat.id);
    const replies = inChat(h, chat.id).filter((m) => m !== ballot);
    expect(replies.map((m) => m.current.text.split('\n')[0])).toEqual(['**Model A**', '**Model B**']);
    for (const reply of replies) {
      expect(reply.replyTo).toMatch(/^msg-/); // both answer the prompt
      expect(reply.current.text.split('\n\n').slice(1).join('').trim().length).toBeGreaterThan(0);
    }
    expect(ballot.current.text).toContain('Which reply is better?');
    expect(ballot.current.buttons!.flat().map((b) => b.label)).toEqual(['👈 A is better', '👉 B is better', '🤝 Tie', '👎 Both are bad']);
    // Before the vote nobody can tell which model is which.
    for (const m of inChat(h, chat.id)) expect(m.current.text).not.toContain('demo model');

    const token = tokenOf(ballot);
    const battle = await battleRow(h, token);
    expect(battle.status).toBe('open');
    expect(battle.modelAId).not.toBe(battle.modelBId);

    const voted = await vote(h, chat, ada, ballot, 'a');
    expect(voted.notice!.text).toContain('You voted: A is better.');
    expect(voted.notice!.text).toContain(shownName(h, battle.modelAId));
    expect(voted.notice!.text).toContain(shownName(h, battle.modelBId));

    // The voter may say why, with the reason tags of a preferred reply; pressing one stores it on the vote.
    const why = voted.notice!.buttons!.flat();
    expect(why.map((b) => b.label)).toEqual(['Useful', 'Complete', 'Creative', 'Clear formatting']);
    expect((await press(h, chat, ada, why[1]!.data)).notice!.text).toBe('Reason saved: Complete.');
    await press(h, chat, ada, why[0]!.data);
    const stored = await h.app.db.kysely.selectFrom('Vote').select('reasons').where('battleId', '=', battle.id).executeTakeFirst();
    expect(JSON.parse(stored!.reasons)).toEqual(['complete', 'useful']);
    // Someone who did not vote cannot attach reasons.
    expect((await press(h, chat, person('nobody'), why[0]!.data)).notice!.text).toBe('Vote first, then add your reasons.');

    // A private chat closes on its one vote: the ballot turns into the reveal and the tally.
    await h.port.waitFor(() => ballot.current.text.includes('Voting closed'));
    expect(ballot.current.text).toContain('A better: 1 · B better: 0 · Tie: 0 · Both bad: 0');
    expect(ballot.current.text).toContain(`**A** was **${shownName(h, battle.modelAId)}**`);
    expect(ballot.current.text).toContain(`**B** was **${shownName(h, battle.modelBId)}**`);
    expect(ballot.current.buttons ?? []).toEqual([]);
    await h.port.waitFor(() => replies.every((r) => r.current.text.includes('demo model')));
    expect((await battleRow(h, token)).status).toBe('closed');

    // Pressing a button of the closed battle tells the person, with the names.
    const late = await vote(h, chat, ada, ballot, 'b');
    expect(late.notice!.text).toContain('Voting on this battle is closed.');
    expect(await h.app.store.tally(battle.id)).toEqual({ a: 1, b: 0, tie: 0, both_bad: 0 });
  });

  it('group battle: each member votes once, a second press is told its first choice, the reveal waits for the close', async () => {
    const chat = groupChat('group-1');
    const admin = person('group-1-admin');
    const menu = await openSettings(h, chat, admin);
    await setSetting(h, chat, admin, menu, 'rev', 'v3');

    await prompt(h, chat, person('group-1-asker'), 'Explain how a bicycle stays upright while moving.');
    const ballot = await ballotIn(h, chat.id);
    expect(ballot.current.text).toContain('Voting closes after 3 votes.');
    const [m1, m2, m3] = [person('g1-m1'), person('g1-m2'), person('g1-m3')];

    expect((await vote(h, chat, m1, ballot, 'a')).notice!.text).toContain('You voted: A is better.');
    expect((await vote(h, chat, m2, ballot, 'b')).notice!.text).toContain('You voted: B is better.');
    // A second press on the same choice is told the choice; another choice changes the vote (not a second one), and
    // the tally keeps the blind first choice.
    expect((await vote(h, chat, m1, ballot, 'a')).notice!.text).toContain('You already voted on this battle: A is better.');
    const again = await vote(h, chat, m1, ballot, 'tie');
    expect(again.notice!.text).toContain('You changed your vote: Tie (was A is better)');
    expect(again.selected).toBe(voteData(ballot, 'tie'));
    await h.port.waitFor(() => ballot.current.text.includes('2 votes so far'));
    // Still open: the voters know, the chat does not.
    const battle = await battleRow(h, tokenOf(ballot));
    expect(battle.status).toBe('open');
    expect(battle.voteCount).toBe(2);
    for (const m of inChat(h, chat.id).filter((x) => x !== menu)) expect(m.current.text).not.toContain('demo model');

    await vote(h, chat, m3, ballot, 'b');
    await h.port.waitFor(() => ballot.current.text.includes('Voting closed'));
    expect(ballot.current.text).toContain('3 votes');
    expect(ballot.current.text).toContain('A better: 1 · B better: 2 · Tie: 0 · Both bad: 0');
    expect(ballot.current.text).toContain(shownName(h, battle.modelAId));
    expect(await h.app.store.tally(battle.id)).toEqual({ a: 1, b: 2, tie: 0, both_bad: 0 });
  });

  it('refuses forged, garbled and cross-chat buttons politely, and counts nothing', async () => {
    const chat = groupChat('group-forge');
    await prompt(h, chat, person('forge-asker'), 'What makes bread rise in the oven?');
    const ballot = await ballotIn(h, chat.id);
    const token = tokenOf(ballot);
    const intruder = person('forge-intruder');
    const stale = 'This button is no longer valid. Start a new battle to vote.';
    for (const data of ['v:ZZZZZZZZZZ:a', 'garbage', 'v:short:a', `v:${token}:q`, `v:${token}`, `v:${token}:a:junk`, 'x'.repeat(500), `r:${token}:9:a:+`, '', 'constructor', '__proto__:x', 'toString:1']) {
      expect((await press(h, chat, intruder, data)).notice!.text).toBe(stale);
    }
    // The right token pressed in another chat is as good as forged.
    const elsewhere = groupChat('group-forge-other');
    expect((await press(h, elsewhere, intruder, voteData(ballot, 'a'))).notice!.text).toBe(stale);
    expect((await battleRow(h, token)).voteCount).toBe(0);
  });

  it('answers empty and oversized prompts with a notice and starts nothing', async () => {
    const chat = privateChat('private-limits');
    const bob = person('bob-limits');
    expect((await prompt(h, chat, bob, '   ')).notice!.text).toContain('Write a question or a task');
    const long = 'word '.repeat(1000);
    expect((await prompt(h, chat, bob, long)).notice!.text).toBe(
      `Your message is ${long.trim().length.toLocaleString('en')} characters long; the limit is 4,000. Please shorten it.`,
    );
    expect(inChat(h, chat.id)).toHaveLength(0);
  });

  it('tells a person going too fast when to try again', async () => {
    const chat = privateChat('private-rate');
    const eve = person('eve-rate');
    // (the first prompt's notice is the consent notice, shown once)
    for (let i = 0; i < 3; i++) expect((await prompt(h, chat, eve, `Question ${i}: what is a river delta?`)).notice?.text ?? '').not.toMatch(/going a bit fast/);
    const refused = await prompt(h, chat, eve, 'Question 4: what is a glacier?');
    expect(refused.notice!.text).toMatch(/^You are going a bit fast\. Please try again in (\d+ seconds|1 second)\.$/);
    const seconds = Number(refused.notice!.text.match(/in (\d+)/)![1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(inChat(h, chat.id).filter(everBallot)).toHaveLength(3);
  });

  it('settings: non-admins are refused; admins change trigger, reveal and language and the menu is edited in place', async () => {
    const chat = groupChat('group-settings');
    const member = person('settings-member');
    const admin = person('settings-admin');
    const refused = await h.app.arena.handle({ type: 'command', delivery: delivery(), name: 'settings', args: '', chat, from: member, isAdmin: async () => false });
    expect(refused.notice!.text).toBe("Only the chat's admins can change the arena settings.");
    expect(inChat(h, chat.id)).toHaveLength(0);

    const menu = await openSettings(h, chat, admin);
    expect(menu.current.text).toContain('Battles start on: commands, mentions and replies');
    const pressed = await press(h, chat, member, encodeAction({ kind: 'setting', key: 'trig', value: 'all' }), { messageRef: menu.ref, isAdmin: async () => false });
    expect(pressed.notice!.text).toBe("Only the chat's admins can change the arena settings.");
    expect(menu.history).toHaveLength(1);

    // Not addressed to the bot, trigger 'addressed': ignored silently.
    expect(await prompt(h, chat, member, 'Lovely weather today, everyone, is it not?', { addressed: false })).toEqual({});
    expect(inChat(h, chat.id).filter(everBallot)).toHaveLength(0);

    await setSetting(h, chat, admin, menu, 'trig', 'all');
    expect(menu.current.text).toContain('Battles start on: every message');
    await setSetting(h, chat, admin, menu, 'rev', 'v5');
    expect(menu.current.text).toContain('Voting closes: after 5 votes');
    await prompt(h, chat, member, 'What is the tallest mountain on Earth?', { addressed: false });
    const ballot = await ballotIn(h, chat.id);
    expect(ballot.current.text).toContain('Voting closes after 5 votes.');

    await setSetting(h, chat, admin, menu, 'lang', 'fr');
    expect(menu.current.text).toContain('Réglages de l’arène');
    expect(menu.history.length).toBe(4);
    await prompt(h, chat, member, 'Quelle est la plus haute montagne du monde ?', { addressed: false });
    await h.port.waitFor(() => inChat(h, chat.id).filter(isBallot).length === 2);
    expect(inChat(h, chat.id).filter(isBallot).at(-1)!.current.text).toContain('Quelle réponse est la meilleure ?');
    // Stale or forged setting values are refused.
    expect((await press(h, chat, admin, 's:lang:tr', { messageRef: menu.ref, isAdmin: async () => true })).notice!.text).not.toMatch(/enregistr|saved/i);
  });

  it('stores a reaction to one reply, then its reasons, and offers the reasons that fit', async () => {
    const chat = groupChat('group-react');
    await prompt(h, chat, person('react-asker'), 'Give me a tip for sleeping better at night.');
    const ballot = await ballotIn(h, chat.id);
    const replyB = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model B**'))!;
    const fan = person('react-fan');
    const [like, dislike] = replyB.current.buttons![0]!;
    expect([like!.label, dislike!.label]).toEqual(['👍 Like B', '👎 Dislike B']);
    const liked = await press(h, chat, fan, like!.data);
    expect(liked.notice!.text).toBe('Thanks! You liked reply B. Add reasons if you like:');
    expect(liked.notice!.buttons!.flat().map((b) => b.label)).toEqual(['Useful', 'Complete', 'Creative', 'Clear formatting']);
    for (const reason of liked.notice!.buttons!.flat().slice(0, 2)) await press(h, chat, fan, reason.data);
    const battle = await battleRow(h, tokenOf(ballot));
    const reply = (await h.app.store.getReply(battle.id, 'b', 0))!;
    const user = await h.app.store.upsertUser(fan);
    expect(await h.app.store.getReaction(reply.id, user.id)).toEqual({ kind: 'like', reasons: ['useful', 'complete'] });
    // Changing one's mind to a dislike offers the negative reasons and drops the positive ones.
    const disliked = await press(h, chat, fan, dislike!.data);
    expect(disliked.notice!.buttons!.flat().map((b) => b.label)).toEqual(['Incorrect', 'Superficial', 'Instructions not followed']);
    expect(await h.app.store.getReaction(reply.id, user.id)).toEqual({ kind: 'dislike', reasons: [] });
    // Reactions are not votes.
    expect((await battleRow(h, tokenOf(ballot))).voteCount).toBe(0);
  });

  it('stores each battle\'s categories, and /leaderboard switches between them with buttons', async () => {
    const chat = groupChat('categories');
    const asker = person('cat-asker');
    await prompt(h, chat, asker, 'Write a Python function that reverses a linked list, with a short explanation.');
    const coding = await ballotIn(h, chat.id);
    await prompt(h, chat, asker, 'Write a short poem about the sea at night.');
    await h.port.waitFor(() => inChat(h, chat.id).filter(isBallot).length === 2);
    const poem = inChat(h, chat.id).filter(isBallot).at(-1)!;
    expect((await battleRow(h, tokenOf(coding))).id).toBeTruthy();
    const categoriesOf = async (ballot: RecordedMessage) =>
      JSON.parse((await h.app.db.kysely.selectFrom('Battle').select('categories').where('token', '=', tokenOf(ballot)).executeTakeFirstOrThrow()).categories ?? '[]');
    expect(await categoriesOf(coding)).toContain('coding');
    expect(await categoriesOf(poem)).toContain('creative-writing');
    // Boards list the categories of battles people voted on.
    await vote(h, chat, person('cat-voter'), coding, 'a');
    await vote(h, chat, person('cat-voter'), poem, 'b');

    const before = h.port.messages.length;
    const asked = await h.app.arena.handle({ type: 'command', delivery: `d-${++seq}`, name: 'leaderboard', args: '', chat, from: asker, messageRef: `msg-${++seq}` });
    await asked.done;
    const board = h.port.messages.slice(before).find((m) => m.current.role === 'board')!;
    const labels = board.current.buttons!.flat().map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['• all prompts •', 'coding', 'creative writing']));
    const codingButton = board.current.buttons!.flat().find((b) => b.label === 'coding')!;
    await press(h, chat, asker, codingButton.data, { messageRef: board.ref });
    const switched = h.port.messages.filter((m) => m.current.role === 'board').at(-1)!;
    expect(switched).not.toBe(board);
    expect(switched.current.buttons!.flat().map((b) => b.label)).toContain('• coding •');
  });

  it('speaks French to a French-speaking person in private', async () => {
    const chat = privateChat('private-fr', 'fr');
    const zoe = person('zoe-fr', 'fr-FR');
    expect((await prompt(h, chat, zoe, '')).notice!.text).toContain('Écrivez une question');
    await prompt(h, chat, zoe, 'Pourquoi le ciel est-il bleu pendant la journée ?');
    const ballot = await ballotIn(h, chat.id);
    expect(ballot.current.text).toContain('Quelle réponse est la meilleure ?');
    expect(ballot.current.buttons!.flat().map((b) => b.label)).not.toContain('👈 A is better');
    const voted = await vote(h, chat, zoe, ballot, 'a');
    expect(voted.notice!.text).toContain('Votre vote');
  });
});

// =========================================================================================================

describe('arena with an OpenAI-compatible server', () => {
  let server: FakeOpenAIServer;
  let h: Harness;
  const neutral = (model: string) => `The ${model.replace('fake-', '')} side answers calmly.`;
  const scriptAll = () => {
    server.reset();
    for (const id of ['fake-a', 'fake-b', 'fake-c']) server.script(id, { text: neutral(id) });
  };
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
    scriptAll();
    h = await harness({
      config: {
        providers: { fake: { type: 'openai-compatible', baseURL: server.url, maxRetries: 0, retryBaseMs: 0, timeouts: { firstTokenMs: 5_000, chunkMs: 5_000, totalMs: 20_000 } } },
        models: ['fake-a', 'fake-b', 'fake-c'].map((id) => ({ id, provider: 'fake', displayName: id.toUpperCase(), organisation: 'Fake Labs' })),
        battle: { boostUnderVoted: false },
      },
      // Always draws the first candidates: the pair is fake-a (A) and fake-b (B), and a replacement is fake-c.
      random: () => 0,
    });
  });
  beforeEach(() => scriptAll());
  afterAll(async () => {
    await h?.app.close();
    await server?.close();
  });

  it('a follow-up that replies to the battle keeps the pair, and each side sees only its own history', async () => {
    const chat = groupChat('oa-follow');
    const asker = person('oa-follow-asker');
    server.script('fake-a', { text: 'Alpha first answer.' });
    server.script('fake-b', { text: 'Bravo first answer.' });
    await prompt(h, chat, asker, 'Name a colour.');
    const firstBallot = await ballotIn(h, chat.id);
    const replyA = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model A**'))!;
    const token = tokenOf(firstBallot);

    server.script('fake-a', { text: 'Alpha second answer.' });
    server.script('fake-b', { text: 'Bravo second answer.' });
    const follow = await prompt(h, chat, asker, 'Now name a fruit of that colour.', { replyTo: replyA.ref });
    expect(follow.notice).toBeUndefined();
    await h.port.waitFor(() => inChat(h, chat.id).filter(isBallot).length === 1 && !isBallot(firstBallot));
    expect(firstBallot.current.text).toContain('vote on the newest ballot below');
    const secondBallot = await ballotIn(h, chat.id);
    expect(tokenOf(secondBallot)).toBe(token); // same battle, same pair
    const battle = await battleRow(h, token);
    expect([battle.modelAId, battle.modelBId]).toEqual(['fake-a', 'fake-b']);

    const [, secondA] = server.requestsFor('fake-a');
    const [, secondB] = server.requestsFor('fake-b');
    const messagesOf = (r: typeof secondA) => (r!.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messagesOf(secondA)).toEqual([
      { role: 'user', content: 'Name a colour.' },
      { role: 'assistant', content: 'Alpha first answer.' },
      { role: 'user', content: 'Now name a fruit of that colour.' },
    ]);
    expect(messagesOf(secondB)).toEqual([
      { role: 'user', content: 'Name a colour.' },
      { role: 'assistant', content: 'Bravo first answer.' },
      { role: 'user', content: 'Now name a fruit of that colour.' },
    ]);
    const turns = await h.app.store.getTurns(battle.id);
    expect(turns.map((t) => [t.replies.a?.text, t.replies.b?.text])).toEqual([
      ['Alpha first answer.', 'Bravo first answer.'],
      ['Alpha second answer.', 'Bravo second answer.'],
    ]);
  });

  it('refuses follow-ups from a voter (they saw the names), and records the turn each vote judged', async () => {
    const chat = groupChat('oa-follow-voter');
    const asker = person('oa-fv-asker');
    const voter = person('oa-fv-voter');
    server.script('fake-a', { text: 'Alpha one.' });
    server.script('fake-b', { text: 'Bravo one.' });
    await prompt(h, chat, asker, 'Name a river.');
    const ballot = await ballotIn(h, chat.id);
    const replyA = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model A**'))!;
    await vote(h, chat, voter, ballot, 'a');
    const refused = await prompt(h, chat, voter, 'Which one is longer?', { replyTo: replyA.ref });
    expect(refused.notice!.text).toMatch(/can no longer add prompts/);
    const battle = await battleRow(h, tokenOf(ballot));
    expect(await h.app.store.getTurns(battle.id)).toHaveLength(1);

    // Someone who has not voted may go on; their vote then judges the second turn.
    server.script('fake-a', { text: 'Alpha two.' });
    server.script('fake-b', { text: 'Bravo two.' });
    expect((await prompt(h, chat, asker, 'Which one is longer?', { replyTo: replyA.ref })).notice).toBeUndefined();
    await h.port.waitFor(() => !isBallot(ballot));
    await vote(h, chat, asker, await ballotIn(h, chat.id), 'b');
    const turns = await h.app.db.kysely.selectFrom('Vote').select(['voterId', 'turn']).where('battleId', '=', battle.id).orderBy('createdAt').execute();
    expect(turns.map((v) => v.turn)).toEqual([0, 1]);
  });

  it('keeps a battle and its votes when a follow-up fails, and leaves the failed turn out of later history', async () => {
    const chat = groupChat('oa-follow-fail');
    const asker = person('oa-ff-asker');
    server.script('fake-a', { text: 'Alpha answer.' });
    server.script('fake-b', { text: 'Bravo answer.' });
    await prompt(h, chat, asker, 'Name a river.');
    const ballot = await ballotIn(h, chat.id);
    expect((await vote(h, chat, person('oa-ff-voter'), ballot, 'a')).notice!.text).toContain('You voted');
    const replyA = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model A**'))!;

    server.script('fake-b', { fail: { status: 400, message: 'context too long' } });
    await prompt(h, chat, asker, 'And its length?', { replyTo: replyA.ref });
    await h.port.waitFor(() => inChat(h, chat.id).some((m) => m.current.text.includes('The follow-up could not be answered')));
    const battle = await battleRow(h, tokenOf(ballot));
    expect(battle.status).toBe('open');
    expect(battle.voteCount).toBe(1);
    // Voting goes on, on a fresh ballot below.
    const next = await ballotIn(h, chat.id);
    expect((await vote(h, chat, person('oa-ff-voter-2'), next, 'b')).notice!.text).toContain('You voted');

    server.script('fake-a', { text: 'Alpha third.' });
    server.script('fake-b', { text: 'Bravo third.' });
    await prompt(h, chat, asker, 'Which sea does it reach?', { replyTo: replyA.ref });
    await h.port.waitFor(() => server.requestsFor('fake-b').some((r) => JSON.stringify(r.body).includes('Which sea')));
    const last = server.requestsFor('fake-b').at(-1)!;
    expect((last.body as { messages: Array<{ content: string }> }).messages.map((m) => m.content)).toEqual([
      'Name a river.',
      'Bravo answer.',
      'Which sea does it reach?',
    ]);
  });

  it('asks voters to wait until both replies are finished', async () => {
    const chat = groupChat('oa-early');
    server.script('fake-b', { text: 'A slow and careful answer.', firstTokenDelayMs: 1_500 });
    const running = prompt(h, chat, person('oa-early-asker'), 'Take your time with this one.');
    await h.port.waitFor(() => inChat(h, chat.id).some((m) => m.current.text.startsWith('**Model A**') && !!m.current.buttons));
    const reactA = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model A**'))!.current.buttons![0]![0]!.data;
    const token = reactA.split(':')[1]!;
    const early = await press(h, chat, person('oa-early-voter'), `v:${token}:a`);
    expect(early.notice!.text).toBe('Please wait until both replies are finished before voting.');
    await running;
    const ballot = await ballotIn(h, chat.id);
    expect((await vote(h, chat, person('oa-early-voter'), ballot, 'a')).notice!.text).toContain('You voted');
  });

  it('swaps in another model, once and transparently, when one fails before any text', async () => {
    const chat = privateChat('oa-swap');
    server.script('fake-a', { fail: { status: 500 } }); // fails forever
    await prompt(h, chat, person('oa-swap-asker'), 'Say something kind.');
    const ballot = await ballotIn(h, chat.id);
    const battle = await battleRow(h, tokenOf(ballot));
    expect(battle.modelAId).toBe('fake-c');
    expect(battle.modelBId).toBe('fake-b');
    expect(server.requestsFor('fake-a')).toHaveLength(1);
    // The chat sees nothing of it; whoever runs the arena is told which model failed and why.
    expect(h.replaced.filter((r) => r.battleId === battle.id)).toEqual([
      { battleId: battle.id, side: 'a', failed: 'fake-a', error: expect.stringContaining('500'), replacement: 'fake-c' },
    ]);
    const replyA = inChat(h, chat.id).find((m) => m.current.text.startsWith('**Model A**'))!;
    expect(replyA.current.text).toContain(neutral('fake-c'));
    for (const m of inChat(h, chat.id)) expect(m.current.text).not.toMatch(/fail|⚠️/i);
    const voted = await vote(h, chat, person('oa-swap-asker'), ballot, 'b');
    expect(voted.notice!.text).toContain('A was FAKE-C');
  });

  it('says plainly when a battle cannot complete, and takes no vote on it', async () => {
    const chat = privateChat('oa-fail');
    server.script('fake-a', { fail: { status: 500, message: 'model overloaded' } });
    server.script('fake-c', { fail: { status: 500, message: 'model overloaded' } });
    const asker = person('oa-fail-asker');
    await prompt(h, chat, asker, 'Say something kind.');
    await h.port.waitFor(() => inChat(h, chat.id).some((m) => m.current.text.includes('could not complete')));
    const notice = inChat(h, chat.id).find((m) => m.current.text.includes('could not complete'))!;
    // The failing model (A's replacement, which failed too) is named with a category people understand; the provider's
    // words (and its host) are not.
    expect(notice.current.text).toBe("⚠️ This battle could not complete (FAKE-C hit an error on its provider's side). No votes are taken on it; please ask again.");
    for (const m of inChat(h, chat.id)) expect(m.current.text).not.toMatch(/127\.0\.0\.1|http|overloaded|HTTP 500/);
    expect(inChat(h, chat.id).some(everBallot)).toBe(false);
    const chatRow = await h.app.store.upsertChat(chat);
    const failed = (await h.app.store.battlesInStatus('failed')).filter((b) => b.chatId === chatRow.id);
    expect(failed).toHaveLength(1);
    const refused = await press(h, chat, asker, `v:${failed[0]!.token}:b`);
    expect(refused.notice!.text).toBe('This battle could not complete, so it takes no votes.');
    expect(await h.app.store.tally(failed[0]!.id)).toEqual({ a: 0, b: 0, tie: 0, both_bad: 0 });
  });

  it('flags a battle whose reply names a model or lab, and says its votes do not count', async () => {
    const chat = privateChat('oa-leak');
    server.script('fake-b', { text: 'I am ChatGPT, a model trained by OpenAI.' });
    const asker = person('oa-leak-asker');
    await prompt(h, chat, asker, 'Who are you?');
    const ballot = await ballotIn(h, chat.id);
    const battle = await battleRow(h, tokenOf(ballot));
    expect(battle.identityLeak).toBe(true);
    expect(battle.leakTerms.sort()).toEqual(['chatgpt', 'openai']);
    await vote(h, chat, asker, ballot, 'a');
    await h.port.waitFor(() => ballot.current.text.includes('Voting closed'));
    expect(ballot.current.text).toContain('does not count in the leaderboard');
  });

  it('a clean battle is not flagged', async () => {
    const chat = privateChat('oa-clean');
    await prompt(h, chat, person('oa-clean-asker'), 'Describe a calm lake.');
    const ballot = await ballotIn(h, chat.id);
    expect((await battleRow(h, tokenOf(ballot))).identityLeak).toBe(false);
  });

  // Last in this block: it stops the arena.
  it('stop() during streaming leaves no battle streaming and tells the chat', async () => {
    const chat = privateChat('oa-stop');
    server.script('fake-a', { chunks: ['Partial ', 'answer ', 'never ', 'finished.'], stallAfterChunks: 1 });
    const running = prompt(h, chat, person('oa-stop-asker'), 'Tell me a long story.');
    await h.port.waitFor(() => inChat(h, chat.id).some((m) => m.current.text.includes('Partial')));
    await h.app.arena.stop();
    await running;
    expect(await h.app.store.battlesInStatus('streaming')).toEqual([]);
    const chatRow = await h.app.store.upsertChat(chat);
    const [battle] = (await h.app.store.battlesInStatus('failed')).filter((b) => b.chatId === chatRow.id);
    expect(battle).toBeDefined();
    expect(inChat(h, chat.id).some((m) => m.current.text.includes('Pnyx is shutting down'))).toBe(true);
  });
});

// =========================================================================================================

describe('arena lifecycle: restarts and timed closes', () => {
  let h: Harness;
  let leftStreaming: string;
  const chat = groupChat('timed-1');
  beforeAll(async () => {
    // Groups close 0.6 s after their ballot opens; the sweep runs every 50 ms.
    h = await harness({ config: instantDemo({ reveal: { group: { after: 'minutes', minutes: 0.01 } } }), start: false });
    // A battle the previous process left half-streamed (it crashed or was killed).
    const chatRow = await h.app.store.upsertChat(groupChat('crashed-chat'));
    const user = await h.app.store.upsertUser(person('crash-user'));
    const cards = h.app.models.cards;
    const battle = await h.app.store.createBattle({ token: 'CRASHED123', chatId: chatRow.id, initiatorId: user.id, modelAId: cards[0]!.id, modelBId: cards[1]!.id, mode: 'random', language: null });
    leftStreaming = battle.id;
    expect(battle.status).toBe('streaming');
    await h.app.arena.start();
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it('marks a battle left streaming by a restart as failed and tells its chat', async () => {
    const battle = await h.app.store.getBattle(leftStreaming);
    expect(battle!.status).toBe('failed');
    expect(battle!.failure).toBeTruthy();
    await h.port.waitFor(() => inChat(h, 'crashed-chat').length === 1);
    expect(inChat(h, 'crashed-chat')[0]!.current.text).toContain('interrupted because Pnyx restarted');
    const refused = await press(h, groupChat('crashed-chat'), person('crash-voter'), 'v:CRASHED123:a');
    expect(refused.notice!.text).toBe('This battle could not complete, so it takes no votes.');
  });

  it('closes a group battle after its time even with few votes, and only then reveals', async () => {
    await prompt(h, chat, person('timed-asker'), 'What is the speed of sound in air?');
    const ballot = await ballotIn(h, chat.id);
    expect(ballot.current.text).toContain('Voting closes in 1 minute.');
    const battle = await battleRow(h, tokenOf(ballot));
    expect(battle.closesAt).not.toBeNull();
    await vote(h, chat, person('timed-voter'), ballot, 'tie');
    expect(ballot.current.text).not.toContain('Voting closed');
    await h.port.waitFor(() => ballot.current.text.includes('Voting closed'), 5_000);
    expect(ballot.current.text).toContain('Tie: 1');
    expect(ballot.current.text).toContain(shownName(h, battle.modelAId));
    const closed = await battleRow(h, tokenOf(ballot));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(battle.closesAt!.getTime());
  });
});

// =========================================================================================================

for (const db of databaseCases()) {
  describe.skipIf(db.skip)(`concurrent votes through the arena on ${db.name}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness({ config: instantDemo(), url: await db.fresh() });
    });
    afterAll(async () => {
      await h?.app.close();
    });

    it('50 members voting on one battle at once are all counted, once each', async () => {
      const chat = groupChat(`crowd-${db.name}`);
      await prompt(h, chat, person('crowd-asker'), 'What is the best way to learn a new language?');
      const ballot = await ballotIn(h, chat.id);
      const choices: VoteChoice[] = ['a', 'b', 'tie', 'both_bad'];
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => vote(h, chat, person(`crowd-${i}`), ballot, choices[i % 4]!)));
      for (const r of results) expect(r.notice!.text).toContain('You voted');
      const battle = await battleRow(h, tokenOf(ballot));
      expect(battle.voteCount).toBe(50);
      expect(await h.app.store.tally(battle.id)).toEqual({ a: 13, b: 13, tie: 12, both_bad: 12 });
      await h.port.waitFor(() => ballot.current.text.includes('50 votes so far'));
    });

    it('one member pressing twice at once is counted once', async () => {
      const chat = groupChat(`double-${db.name}`);
      await prompt(h, chat, person('double-asker'), 'Which is heavier, a kilo of feathers or a kilo of lead?');
      const ballot = await ballotIn(h, chat.id);
      const twice = person('double-voter');
      const results = await Promise.all([vote(h, chat, twice, ballot, 'a'), vote(h, chat, twice, ballot, 'b')]);
      const texts = results.map((r) => r.notice!.text);
      expect(texts.filter((t) => t.startsWith('You voted'))).toHaveLength(1);
      // The other press found the vote and changed it (a change of mind), never a second vote.
      expect(texts.filter((t) => t.startsWith('You changed your vote'))).toHaveLength(1);
      const battle = await battleRow(h, tokenOf(ballot));
      expect(battle.voteCount).toBe(1);
      const tally = await h.app.store.tally(battle.id);
      expect(tally.a + tally.b + tally.tie + tally.both_bad).toBe(1);
    });
  });
}
