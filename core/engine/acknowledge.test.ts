// The engine's second floor, as people and operators notice it: events are acknowledged before the slow work, a
// redelivered event is handled once, the middleware runs in its order, battles open threads and take forms where the
// platform has them, and two processes on one database serve the same chat as one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { createRecordingPort, type RecordedMessage, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import type { Ack, ChatAddress, PnyxEvent, Person } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { databaseCases } from '../store/test-databases';
import type { RateLimits } from './rate-limits';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const sqliteUrl = () => {
  const folder = mkdtempSync(join(tmpdir(), 'pnyx-ack-'));
  folders.push(folder);
  return `file:${join(folder, 'pnyx.db')}`;
};

let seq = 0;
const id = (prefix: string) => `${prefix}-${++seq}`;
const person = (name: string): Person => ({ platform: 'test', id: name, displayName: name, locale: 'en' });
const group = (name: string, extra: Partial<ChatAddress> = {}): ChatAddress => ({ platform: 'test', id: name, kind: 'group', title: name, ...extra });
const privateChat = (name: string): ChatAddress => ({ platform: 'test', id: name, kind: 'private' });
const isBallot = (m: RecordedMessage) => !m.deleted && (m.current.buttons?.[0]?.[0]?.data.startsWith('v:') ?? false);
const voteData = (ballot: RecordedMessage, choice: 'a' | 'b' | 'tie' | 'both_bad') => {
  const [row, col] = { a: [0, 0], b: [0, 1], tie: [1, 0], both_bad: [1, 1] }[choice] as [number, number];
  return ballot.history.find((x) => x.buttons)!.buttons![row]![col]!.data;
};
const instantDemo = (battle: object = {}) => ({ ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } }, battle });

/** A rate limiter that counts what reached it. */
function countingLimits(): RateLimits & { calls: number } {
  const limits = {
    calls: 0,
    async consume() {
      limits.calls++;
      return 0;
    },
  };
  return limits;
}

async function ballotIn(port: RecordingPort, chatId: string, count = 1): Promise<RecordedMessage> {
  await port.waitFor(() => port.messages.filter((m) => m.chat === chatId && isBallot(m)).length >= count);
  return port.messages.filter((m) => m.chat === chatId && isBallot(m)).at(-1)!;
}

// =========================================================================================================

describe('acknowledge, then work', () => {
  let server: FakeOpenAIServer;
  let app: PnyxApp;
  let port: RecordingPort;
  const limits = countingLimits();

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
    app = await createPnyx({
      config: {
        providers: { fake: { type: 'openai-compatible', baseURL: server.url, maxRetries: 0, retryBaseMs: 0, timeouts: { firstTokenMs: 20_000, chunkMs: 20_000, totalMs: 30_000 } } },
        models: ['fake-a', 'fake-b'].map((m) => ({ id: m, provider: 'fake', displayName: m.toUpperCase() })),
        battle: { boostUnderVoted: false, reveal: { group: { after: 'votes', votes: 10 } } },
      },
      env: { DATABASE_URL: sqliteUrl(), LOG_LEVEL: 'silent' },
      sweepMs: 50,
      rateLimits: limits,
    });
    port = createRecordingPort('test');
    app.arena.attach(port);
    await app.arena.start();
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('acknowledges a prompt at once while the models take 5 s, and the battle streams afterwards', async () => {
    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} answers slowly.`, firstTokenDelayMs: 5_000 });
    const acks: Ack[] = [];
    // One prompt first: what happens once per process (the language detector's data, the first database pages).
    acks.push(await app.arena.handle({ type: 'prompt', delivery: id('slow'), chat: privateChat('slow-warm'), from: person('slow-warm'), text: 'Take five seconds.', addressed: true, messageRef: id('m') }));
    // Seven more in the same chat. Each acknowledgement must come back while its battle's work is still waiting for
    // the models (5 s to a first token): the work has not finished, and no model text has reached the chat. Asserted
    // on what happened, not on a timing, so a machine busy with other tests cannot make it fail.
    const started = Date.now();
    for (let i = 0; i < 7; i++) {
      const ack = await app.arena.handle({ type: 'prompt', delivery: id('slow'), chat: privateChat('slow-warm'), from: person('slow-warm'), text: 'Take five seconds.', addressed: true, messageRef: id('m') });
      let finished = false;
      void ack.done?.then(() => (finished = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(finished).toBe(false);
      acks.push(ack);
    }
    if (Date.now() - started < 5_000) expect(port.messages.filter((m) => m.chat.startsWith('slow-') && /answers slowly/.test(m.current.text))).toHaveLength(0);
    // Nothing to refuse: the acknowledgement says nothing and carries the work, which is still running.
    // (The first one carries the person's consent notice, shown once.)
    for (const ack of acks.slice(1)) {
      expect(ack.notice).toBeUndefined();
      expect(ack.done).toBeInstanceOf(Promise);
    }
    expect(port.messages.filter((m) => m.chat.startsWith('slow-') && isBallot(m))).toHaveLength(0);
    await Promise.all(acks.map((a) => a.done));
    expect(port.messages.filter((m) => m.chat.startsWith('slow-') && isBallot(m))).toHaveLength(8);
  }, 30_000);

  it('answers a vote while a follow-up of the same battle is still streaming', async () => {
    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} first.` });
    const chat = group('follow-vote');
    const asker = person('fv-asker');
    await (await app.arena.handle({ type: 'prompt', delivery: id('fv'), chat, from: asker, text: 'Name a bird.', addressed: true, messageRef: id('m') })).done;
    const ballot = await ballotIn(port, chat.id);
    const replyA = port.messages.find((m) => m.chat === chat.id && m.current.role === 'reply' && m.current.side === 'a')!;
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} second.`, firstTokenDelayMs: 3_000 });
    const follow = await app.arena.handle({ type: 'prompt', delivery: id('fv'), chat, from: asker, text: 'Where does it live?', addressed: true, replyTo: replyA.ref, messageRef: id('m') });
    let followDone = false;
    void follow.done!.then(() => (followDone = true));
    const vote = await app.arena.handle({ type: 'action', delivery: id('fv'), chat, from: person('fv-voter'), data: voteData(ballot, 'b'), messageRef: ballot.ref, privateReply: true });
    expect(vote.notice!.text).toContain('You voted: B is better.');
    expect(followDone).toBe(false);
    // A second follow-up while the first streams is refused: one at a time, across processes (the battle's lease).
    const second = await app.arena.handle({ type: 'prompt', delivery: id('fv'), chat, from: asker, text: 'And what does it eat?', addressed: true, replyTo: replyA.ref, messageRef: id('m') });
    expect(second.notice!.text).toBe('Please wait until both replies are finished before voting.');
    await follow.done;
    await vote.done;
    expect((await app.store.getBattleByToken(voteData(ballot, 'a').split(':')[1]!))!.voteCount).toBe(1);
  }, 30_000);

  it('handles a redelivered event once, and answers the redelivery as the first time', async () => {
    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} says hello.` });
    const chat = group('redelivery');
    const promptEvent: PnyxEvent = { type: 'prompt', delivery: 'update-77', chat, from: person('rd-asker'), text: 'Say hello.', addressed: true, messageRef: id('m') };
    const first = await app.arena.handle(promptEvent);
    const again = await app.arena.handle(promptEvent);
    await first.done;
    expect(again.done).toBeUndefined();
    expect(again.duplicate).toBe(true);
    expect(first.duplicate).toBeUndefined();
    const ballot = await ballotIn(port, chat.id);
    expect(port.messages.filter((m) => m.chat === chat.id && isBallot(m))).toHaveLength(1);
    const chatRow = await app.store.upsertChat(chat);
    expect((await app.store.battlesInStatus('open')).filter((b) => b.chatId === chatRow.id)).toHaveLength(1);

    const press: PnyxEvent = { type: 'action', delivery: 'callback-5', chat, from: person('rd-voter'), data: voteData(ballot, 'a'), messageRef: ballot.ref, privateReply: true };
    const counted = await app.arena.handle(press);
    await counted.done;
    await new Promise((r) => setTimeout(r, 150)); // the acknowledgement is recorded in a batch
    const redelivered = await app.arena.handle(press);
    expect(redelivered.notice!.text).toBe(counted.notice!.text);
    const token = voteData(ballot, 'a').split(':')[1]!;
    expect((await app.store.getBattleByToken(token))!.voteCount).toBe(1);
    // A different delivery of the same press is a second press: "already voted", not a vote.
    const pressedAgain = await app.arena.handle({ ...press, delivery: 'callback-6' });
    expect(pressedAgain.notice!.text).toContain('You already voted');
  });

  it('thanks a voter whose press a dead process counted but never answered, and starts no second battle for a prompt it took', async () => {
    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} ok.` });
    const chat = group('crash-replay');
    await (await app.arena.handle({ type: 'prompt', delivery: id('cr'), chat, from: person('cr-asker'), text: 'Say hi.', addressed: true, messageRef: id('m') })).done;
    const ballot = await ballotIn(port, chat.id);
    const token = voteData(ballot, 'b').split(':')[1]!;
    const battle = (await app.store.getBattleByToken(token))!;
    const voter = person('cr-voter');
    // A process claimed the press, counted the vote and died before answering.
    const press: PnyxEvent = { type: 'action', delivery: 'callback-crash-1', chat, from: voter, data: voteData(ballot, 'b'), messageRef: ballot.ref, privateReply: true };
    const past = new Date(Date.now() - 60_000);
    await app.store.claimDelivery('test:callback-crash-1', past, { owner: 'dead-process', until: new Date(past.getTime() + 15_000) });
    const voterRow = await app.store.upsertUser(voter);
    expect((await app.store.castVote(battle.id, voterRow.id, 'b')).status).toBe('counted');
    const replayed = await app.arena.handle(press);
    expect(replayed.notice!.text).toContain('You voted: B is better.');
    await replayed.done;
    await port.waitFor(() => ballot.current.text.includes('1 vote so far'));
    // The same person pressing again (another delivery) is told they already voted.
    expect((await app.arena.handle({ ...press, delivery: 'callback-crash-2' })).notice!.text).toContain('You already voted');

    // A process took a prompt, stored its battle and died: handled again, it starts no second battle.
    const prompt: PnyxEvent = { type: 'prompt', delivery: 'update-crash-3', chat, from: person('cr-asker'), text: 'Again?', addressed: true, messageRef: id('m') };
    await app.store.claimDelivery('test:update-crash-3', past, { owner: 'dead-process', until: new Date(past.getTime() + 15_000) });
    const chatRow = await app.store.upsertChat(chat);
    const asker = await app.store.upsertUser(person('cr-asker'));
    const orphan = await app.store.startBattle(
      { token: 'ORPHANED01', chatId: chatRow.id, initiatorId: asker.id, modelAId: 'fake-a', modelBId: 'fake-b', mode: 'random', language: null, delivery: 'test:update-crash-3', lease: { owner: 'dead-process', until: new Date(Date.now() + 60_000) } },
      'Again?',
    );
    const again = await app.arena.handle(prompt);
    expect(again).toEqual({});
    expect((await app.store.battlesInStatus('streaming')).filter((b) => b.chatId === chatRow.id).map((b) => b.id)).toEqual([orphan.battle.id]);
  });

  it('hands deliveries an adapter stored but never handled back to it, once', async () => {
    const chat = group('stored');
    const replayed: string[] = [];
    const replaying = createRecordingPort('stored');
    replaying.replay = async (payload) => {
      replayed.push(payload);
      const event = JSON.parse(payload) as PnyxEvent;
      await (await app.arena.handle(event)).done;
    };
    app.arena.attach(replaying);
    const event: PnyxEvent = { type: 'command', delivery: 'stored-1', name: 'privacy', args: '', chat: { ...chat, platform: 'stored' }, from: { ...person('st'), platform: 'stored' }, messageRef: 'm-stored' };
    expect([...(await app.arena.store('stored', [{ delivery: 'stored-1', payload: JSON.stringify(event) }]))]).toEqual(['stored-1']);
    // Stored again (the platform sent it again): not new.
    expect([...(await app.arena.store('stored', [{ delivery: 'stored-1', payload: JSON.stringify(event) }]))]).toEqual([]);
    // The process that stored it "died" before handling it: after a grace period a sweep hands it back.
    await replaying.waitFor(() => replaying.messages.some((m) => /What Pnyx stores/.test(m.current.text)), 15_000);
    expect(replayed).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(replayed).toHaveLength(1);
  }, 20_000);

  it('runs the middleware in order: a paused chat never reaches the rate limits, a duplicate never reaches the arena', async () => {
    const chat = group('paused');
    const admin = person('paused-admin');
    const row = await app.store.upsertChat(chat);
    await app.store.updateChat(row.id, { settings: JSON.stringify({ enabled: false }) });
    await new Promise((r) => setTimeout(r, 1_100)); // chat rows are read again after a second
    const before = limits.calls;
    const paused = await app.arena.handle({ type: 'prompt', delivery: id('p'), chat, from: admin, text: 'Anyone there?', addressed: true, messageRef: id('m') });
    expect(paused.notice!.text).toBe('The arena is paused in this chat. An admin can turn it back on with /settings.');
    expect(limits.calls).toBe(before);
    // Unaddressed chatter in a chat that only answers when addressed stops before anything is claimed or counted.
    expect(await app.arena.handle({ type: 'prompt', delivery: id('p'), chat: group('chatter'), from: admin, text: 'nice weather', addressed: false })).toEqual({});
    expect(limits.calls).toBe(before);

    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} ok.` });
    const open = group('dupes');
    const event: PnyxEvent = { type: 'prompt', delivery: 'dupe-1', chat: open, from: admin, text: 'Once only.', addressed: true, messageRef: id('m') };
    await (await app.arena.handle(event)).done;
    const counted = limits.calls;
    await app.arena.handle(event);
    expect(limits.calls).toBe(counted);
  });

  it('posts a hidden prompt (a slash command) before the replies, as the answer to its event', async () => {
    server.reset();
    for (const m of ['fake-a', 'fake-b']) server.script(m, { text: `${m} answers the command.` });
    const chat = group('slash');
    const ack = await app.arena.handle({ type: 'command', delivery: 'interaction-9', name: 'arena', args: 'What is a comet?', chat, from: person('Ada'), privateReply: true });
    await ack.done;
    const inChat = port.messages.filter((m) => m.chat === chat.id);
    const echo = inChat[0]!;
    expect(echo.current.role).toBe('prompt');
    expect(echo.answering).toBe('interaction-9');
    expect(echo.current.text).toContain('**Ada** asks:');
    expect(echo.current.text).toContain('> What is a comet?');
    const replies = inChat.filter((m) => m.current.role === 'reply');
    expect(replies.map((r) => r.replyTo)).toEqual([echo.ref, echo.ref]);
  });
});

// =========================================================================================================

describe('platforms with threads, private buttons and forms', () => {
  let app: PnyxApp;
  let port: RecordingPort;
  beforeAll(async () => {
    app = await createPnyx({ config: instantDemo({ reveal: { group: { after: 'votes', votes: 5 } } }), env: { DATABASE_URL: sqliteUrl(), LOG_LEVEL: 'silent' }, sweepMs: 50 });
    port = createRecordingPort('threaded', { threads: true, privateButtons: true, forms: true, maxNoticeChars: 2000, maxButtonRows: 5, maxButtonsPerRow: 5 });
    app.arena.attach(port);
    await app.arena.start();
  });
  afterAll(async () => {
    await app?.close();
  });
  const chat = (name: string): ChatAddress => ({ platform: 'threaded', id: name, kind: 'group', title: name });
  const who = (name: string): Person => ({ platform: 'threaded', id: name, displayName: name, locale: 'en' });

  it('opens a thread for a battle in a group; a message in that thread continues the battle', async () => {
    const place = chat('threads');
    await (await app.arena.handle({ type: 'prompt', delivery: id('t'), chat: place, from: who('t-asker'), text: 'Describe the moon.', addressed: true, messageRef: 'user-message-1' })).done;
    expect(port.calls.filter((c) => c.op === 'thread' && c.chat === place.id).map((c) => c.ref)).toEqual(['user-message-1']);
    const inThread = port.messages.filter((m) => m.chat === place.id);
    expect(inThread.length).toBeGreaterThanOrEqual(3);
    expect(new Set(inThread.map((m) => m.thread))).toEqual(new Set(['thread-1']));
    const ballot = await ballotIn(port, place.id);
    const token = voteData(ballot, 'a').split(':')[1]!;
    expect((await app.store.getBattleByToken(token))!.thread).toBe('thread-1');

    await (await app.arena.handle({ type: 'prompt', delivery: id('t'), chat: { ...place, thread: 'thread-1' }, from: who('t-asker'), text: 'And the sun?', addressed: true, messageRef: 'user-message-2' })).done;
    const second = await ballotIn(port, place.id, 1);
    expect(voteData(second, 'a').split(':')[1]).toBe(token);
    expect((await app.store.getTurns((await app.store.getBattleByToken(token))!.id)).map((t) => t.prompt)).toEqual(['Describe the moon.', 'And the sun?']);
  });

  it('continues an open battle from a message in its thread that names no one; other threads and finished battles stay quiet', async () => {
    const place = chat('unaddressed');
    const asker = who('u-asker');
    await (await app.arena.handle({ type: 'prompt', delivery: id('u'), chat: place, from: asker, text: 'Describe a star.', addressed: true, messageRef: 'u-1' })).done;
    const token = voteData(await ballotIn(port, place.id), 'a').split(':')[1]!;
    const battle = (await app.store.getBattleByToken(token))!;
    const chatter = (thread: string, text: string) =>
      app.arena.handle({ type: 'prompt', delivery: id('u'), chat: { ...place, thread }, from: who('u-friend'), text, addressed: false, messageRef: `u-${text}`, privateReply: true });

    expect(await chatter('not-a-battle', 'just chatting')).toEqual({});
    await (await chatter(battle.thread!, 'And a comet?')).done;
    expect((await app.store.getTurns(battle.id)).map((t) => t.prompt)).toEqual(['Describe a star.', 'And a comet?']);

    await app.store.setStatus(battle.id, 'closed', { from: ['open'] });
    expect(await chatter(battle.thread!, 'nice result')).toEqual({});
    expect(await app.store.getTurns(battle.id)).toHaveLength(2);
  });

  it('keeps battles inline where the chat asks for it', async () => {
    const place = chat('inline');
    const row = await app.store.upsertChat(place);
    await app.store.updateChat(row.id, { settings: JSON.stringify({ layout: 'inline' }) });
    await (await app.arena.handle({ type: 'prompt', delivery: id('i'), chat: place, from: who('i-asker'), text: 'Describe a cat.', addressed: true, messageRef: 'inline-1' })).done;
    expect(port.calls.filter((c) => c.op === 'thread' && c.chat === place.id)).toHaveLength(0);
    expect(port.messages.filter((m) => m.chat === place.id && m.current.role === 'reply').map((m) => m.replyTo)).toEqual(['inline-1', 'inline-1']);
  });

  it('lets a voter say why in a form, after voting only', async () => {
    const place = chat('forms');
    await (await app.arena.handle({ type: 'prompt', delivery: id('f'), chat: place, from: who('f-asker'), text: 'Describe rain.', addressed: true, messageRef: 'forms-1' })).done;
    const ballot = await ballotIn(port, place.id);
    const voter = who('f-voter');
    const voted = await app.arena.handle({ type: 'action', delivery: id('f'), chat: place, from: voter, data: voteData(ballot, 'a'), messageRef: ballot.ref, privateReply: true });
    // The full reveal fits this platform's private notices.
    expect(voted.notice!.text).toMatch(/\*\*A\*\* was \*\*.+\*\*.*tokens/);
    const sayWhy = voted.notice!.buttons!.flat().find((b) => b.label === '✍️ Say why')!;
    const opened = await app.arena.handle({ type: 'action', delivery: id('f'), chat: place, from: voter, data: sayWhy.data, privateReply: true });
    expect(opened.form!.fields.map((f) => f.id)).toEqual(['comment']);
    const saved = await app.arena.handle({ type: 'submit', delivery: id('f'), chat: place, from: voter, data: opened.form!.data, values: { comment: 'A was clearer.' }, privateReply: true });
    expect(saved.notice!.text).toBe('Thanks — your explanation is saved with your vote.');
    const stranger = await app.arena.handle({ type: 'submit', delivery: id('f'), chat: place, from: who('f-stranger'), data: opened.form!.data, values: { comment: 'hmm' }, privateReply: true });
    expect(stranger.notice!.text).toBe('Vote first, then add your reasons.');
    const forged = await app.arena.handle({ type: 'submit', delivery: id('f'), chat: place, from: voter, data: 'f:y:NOPE0000', values: { comment: 'x' }, privateReply: true });
    expect(forged.notice!.text).toBe('This button is no longer valid. Start a new battle to vote.');
  });

  it('shows an admin the settings menu privately, paginated, and answers a press with the new page', async () => {
    const place = chat('menu');
    const admin = who('m-admin');
    const opened = await app.arena.handle({ type: 'command', delivery: id('s'), name: 'settings', args: '', chat: place, from: admin, privateReply: true, isAdmin: async () => true });
    expect(opened.notice!.text).toContain('Arena settings for this chat');
    expect(opened.notice!.buttons!.length).toBeLessThanOrEqual(5);
    expect(port.messages.filter((m) => m.chat === place.id)).toHaveLength(0);
    const next = opened.notice!.buttons!.at(-1)!.find((b) => b.label.startsWith('Next'))!;
    const page2 = await app.arena.handle({ type: 'action', delivery: id('s'), chat: place, from: admin, data: next.data, privateReply: true, isAdmin: async () => true });
    expect(page2.replace!.role).toBe('menu');
    expect(page2.replace!.buttons!.at(-1)!.some((b) => b.label === 'Page 2/' + (page2.replace!.buttons!.at(-1)!.find((x) => x.label.startsWith('Page'))!.label.split('/')[1]))).toBe(true);
    const layout = (opened.notice!.buttons!.flat().concat(page2.replace!.buttons!.flat())).find((b) => b.data === 's:lay:inline')!;
    const pressed = await app.arena.handle({ type: 'action', delivery: id('s'), chat: place, from: admin, data: layout.data, privateReply: true, isAdmin: async () => true });
    expect(pressed.notice!.text).toBe('Settings saved.');
    expect(pressed.replace!.text).toContain('Battles appear: in the channel');
  });
});

// =========================================================================================================

for (const db of databaseCases()) {
  describe.skipIf(db.skip)(`two processes on one ${db.name} database`, () => {
    let url: string;
    let one: PnyxApp;
    let two: PnyxApp;
    // One platform, two processes attached to it: what either posts or edits is what the chat shows.
    const port = createRecordingPort('shared');
    const place: ChatAddress = { platform: 'shared', id: 'room', kind: 'group', title: 'Room' };
    const who = (name: string): Person => ({ platform: 'shared', id: name, displayName: name, locale: 'en' });

    beforeAll(async () => {
      url = await db.fresh();
      const config = { ...instantDemo({ reveal: { group: { after: 'votes', votes: 6 } } }), engine: { leaseMs: 1_000, sweepMs: 100 } };
      one = await createPnyx({ config, env: { DATABASE_URL: url, LOG_LEVEL: 'silent' }, instance: 'process-one' });
      two = await createPnyx({ config, env: { DATABASE_URL: url, LOG_LEVEL: 'silent' }, instance: 'process-two' });
      one.arena.attach(port);
      two.arena.attach(port);
      await one.arena.start();
      await two.arena.start();
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
    });

    /** Who holds a battle's lease once the work on it is over (given back: null), waiting up to 3 s for that. */
    const leaseOnceDone = async (battleId: string) => {
      for (const end = Date.now() + 3_000; (await one.store.getBattle(battleId))!.leaseOwner !== null && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      return (await one.store.getBattle(battleId))!.leaseOwner;
    };

    it('counts votes landing on either process once each, on one ballot that shows them all, and reveals once', async () => {
      await (await one.arena.handle({ type: 'prompt', delivery: id('x'), chat: place, from: who('asker'), text: 'Describe a harbour at dawn.', addressed: true, messageRef: 'p-1' })).done;
      const ballot = await ballotIn(port, place.id);
      const apps = [one, two];
      const acks = await Promise.all(
        Array.from({ length: 5 }, (_, i) => apps[i % 2]!.arena.handle({ type: 'action', delivery: id('x'), chat: place, from: who(`voter-${i}`), data: voteData(ballot, i % 2 ? 'a' : 'b'), messageRef: ballot.ref, privateReply: true })),
      );
      for (const ack of acks) expect(ack.notice!.text).toContain('You voted');
      // The same press delivered to both processes counts once.
      const press: PnyxEvent = { type: 'action', delivery: 'twice-delivered', chat: place, from: who('voter-0'), data: voteData(ballot, 'a'), messageRef: ballot.ref, privateReply: true };
      await Promise.all([one.arena.handle(press), two.arena.handle(press)]);
      await Promise.all(acks.map((a) => a.done));
      await port.waitFor(() => ballot.current.text.includes('5 votes so far'));
      expect(port.messages.filter((m) => m.chat === place.id && (isBallot(m) || m.current.role === 'ballot'))).toHaveLength(1);

      // The sixth vote, on the process that did not post the battle, closes it: one reveal, on the one ballot.
      const last = await two.arena.handle({ type: 'action', delivery: id('x'), chat: place, from: who('voter-6'), data: voteData(ballot, 'tie'), messageRef: ballot.ref, privateReply: true });
      await last.done;
      await port.waitFor(() => ballot.current.text.includes('Voting closed'));
      expect(ballot.current.text).toContain('6 votes');
      expect(port.messages.filter((m) => m.chat === place.id && m.current.text.includes('Voting closed'))).toHaveLength(1);
      // The replies, posted by process one, were named by process two.
      await port.waitFor(() => port.messages.filter((m) => m.chat === place.id && m.current.role === 'reply').every((m) => m.current.text.includes('demo model')));
    });

    it('sees a settings change made in the other process within a second', async () => {
      const room: ChatAddress = { ...place, id: 'settings-room' };
      await (await two.arena.handle({ type: 'prompt', delivery: id('y'), chat: room, from: who('s-asker'), text: 'Hello there.', addressed: true, messageRef: 'p-2' })).done;
      const row = await one.store.upsertChat(room);
      await one.store.updateChat(row.id, { settings: JSON.stringify({ enabled: false }) });
      await new Promise((r) => setTimeout(r, 1_100));
      const refused = await two.arena.handle({ type: 'prompt', delivery: id('y'), chat: room, from: who('s-asker'), text: 'Hello again.', addressed: true, messageRef: 'p-3' });
      expect(refused.notice!.text).toContain('The arena is paused');
    });

    it('takes over the battles of a process that is gone (once), and never touches another live process\'s', async () => {
      const room: ChatAddress = { ...place, id: 'crash-room' };
      const chatRow = await one.store.upsertChat(room);
      const user = await one.store.upsertUser(who('crash-asker'));
      const cards = one.models.cards;
      const base = { chatId: chatRow.id, initiatorId: user.id, modelAId: cards[0]!.id, modelBId: cards[1]!.id, mode: 'random', language: null };
      // A process that died mid-stream (its lease ran out), and one still alive (renewing far ahead).
      const dead = await one.store.startBattle({ ...base, token: 'DEADPROC01', lease: { owner: 'process-dead', until: new Date(Date.now() - 1) } }, 'Name a mountain.');
      const alive = await one.store.startBattle({ ...base, token: 'LIVEPROC01', lease: { owner: 'process-alive', until: new Date(Date.now() + 60_000) } }, 'Still streaming');
      // The dead one's turn runs again in one of the live processes, and its ballot is shown: once, although two sweep.
      await port.waitFor(() => port.messages.some((m) => m.chat === room.id && isBallot(m) && m.current.buttons![0]![0]!.data.includes('DEADPROC01')), 5_000);
      expect((await one.store.getBattle(dead.battle.id))!.status).toBe('open');
      expect((await one.store.getBattle(dead.battle.id))!.resumes).toBe(1);
      expect(port.messages.filter((m) => m.chat === room.id && m.current.role === 'reply')).toHaveLength(2);
      expect(port.messages.filter((m) => m.chat === room.id && isBallot(m))).toHaveLength(1);
      expect(port.messages.some((m) => m.chat === room.id && m.current.text.includes('was interrupted because'))).toBe(false);
      expect((await one.store.getBattle(alive.battle.id))!.status).toBe('streaming');

      // Interrupted again after its one resume: failed, and its chat told once.
      const twice = await one.store.startBattle({ ...base, token: 'DEADPROC02', lease: { owner: 'process-dead', until: new Date(Date.now() - 1_000) } }, 'Name a lake.');
      expect(await one.store.takeOverBattle(twice.battle.id, { owner: 'process-dead-too', until: new Date(Date.now() - 1) }, new Date(), 1)).toBe(true);
      await port.waitFor(() => port.messages.some((m) => m.chat === room.id && m.current.text.includes('was interrupted because')), 5_000);
      expect((await one.store.getBattle(twice.battle.id))!.status).toBe('failed');
      expect(port.messages.filter((m) => m.chat === room.id && m.current.text.includes('was interrupted because'))).toHaveLength(1);
    });

    it('shows the ballot of a battle whose process died after its replies, once, and gives the lease back', async () => {
      const room: ChatAddress = { ...place, id: 'ballot-crash-room' };
      const chatRow = await one.store.upsertChat(room);
      const user = await one.store.upsertUser(who('ballot-asker'));
      const cards = one.models.cards;
      // What a process leaves when SIGKILLed between opening the battle (its replies done) and posting the ballot, or
      // what a reaper leaves when SIGKILLed while that ballot waited its turn: an open battle, a lease running out.
      const { battle, turn } = await one.store.startBattle(
        { chatId: chatRow.id, initiatorId: user.id, modelAId: cards[0]!.id, modelBId: cards[1]!.id, mode: 'random', language: null, token: 'NOBALLOT01', lease: { owner: 'process-dead', until: new Date(Date.now() + 400) } },
        'Name a forest.',
      );
      for (const [side, model] of [['a', cards[0]!.id], ['b', cards[1]!.id]] as const) await one.store.saveReply(turn.id, side, { modelId: model, text: `A forest, says ${side}.`, finishReason: 'stop', latencyMs: 5 });
      expect(await one.store.setStatus(battle.id, 'open', { from: ['streaming'] })).toBe(true);
      await port.waitFor(() => port.messages.some((m) => m.chat === room.id && isBallot(m) && m.current.buttons![0]![0]!.data.includes('NOBALLOT01')), 5_000);
      // Given back once shown, so that neither process reaps it again (and no second ballot follows).
      expect(await leaseOnceDone(battle.id)).toBeNull();
      await new Promise((r) => setTimeout(r, 1_200));
      expect(port.messages.filter((m) => m.chat === room.id && isBallot(m))).toHaveLength(1);
      expect((await one.store.getBattle(battle.id))!.status).toBe('open');
    });

    it('tells the chat about a battle its reaper failed but died before telling, once, and gives the lease back', async () => {
      const room: ChatAddress = { ...place, id: 'untold-room' };
      const chatRow = await one.store.upsertChat(room);
      const user = await one.store.upsertUser(who('untold-asker'));
      const cards = one.models.cards;
      // What a reaper leaves when SIGKILLed between failing an interrupted battle and the chat seeing it: failed, and
      // the reaper's lease running out.
      const { battle } = await one.store.startBattle(
        { chatId: chatRow.id, initiatorId: user.id, modelAId: cards[0]!.id, modelBId: cards[1]!.id, mode: 'random', language: null, token: 'UNTOLD0001', lease: { owner: 'reaper-dead', until: new Date(Date.now() + 400) } },
        'Name a valley.',
      );
      expect(await one.store.setStatus(battle.id, 'failed', { from: ['streaming'], failure: 'Pnyx restarted while the models were answering.' })).toBe(true);
      await port.waitFor(() => port.messages.some((m) => m.chat === room.id && m.current.text.includes('was interrupted because')), 5_000);
      expect(await leaseOnceDone(battle.id)).toBeNull();
      await new Promise((r) => setTimeout(r, 1_200));
      expect(port.messages.filter((m) => m.chat === room.id && m.current.text.includes('was interrupted because'))).toHaveLength(1);
      expect((await one.store.getBattle(battle.id))!.status).toBe('failed');
    });

    it('shows the result of a battle whose process died while closing it at its deadline', async () => {
      const room: ChatAddress = { ...place, id: 'close-crash-room' };
      await (await one.arena.handle({ type: 'prompt', delivery: id('z'), chat: room, from: who('close-asker'), text: 'Name a river.', addressed: true, messageRef: 'p-4' })).done;
      const ballot = await ballotIn(port, room.id);
      const battle = (await one.store.getBattleByToken(voteData(ballot, 'a').split(':')[1]!))!;
      // What a process leaves when SIGKILLed between closing the battle (its lease held) and showing the result.
      expect(await one.store.setStatus(battle.id, 'closed', { from: ['open'] })).toBe(true);
      expect(await one.store.claimBattle(battle.id, { owner: 'process-dead', until: new Date(Date.now() - 1) }, ['closed'], new Date(Date.now() - 10))).toBe(true);
      await port.waitFor(() => ballot.current.text.includes('Voting closed'), 5_000);
      expect(ballot.current.text).toMatch(/no votes[\s\S]*\*\*A\*\* was/);
      expect(port.messages.filter((m) => m.chat === room.id && m.current.text.includes('Voting closed'))).toHaveLength(1);
    });
  });
}
