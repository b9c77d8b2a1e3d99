// The playground's HTTP and SSE endpoints against the real engine (demo models, SQLite) on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebMessage } from './rooms';
import { newMember, openSse, startTestPlayground, type TestMember, type TestPlayground } from './testing';

let pg: TestPlayground;
let alice: TestMember;
let bob: TestMember;
beforeAll(async () => {
  pg = await startTestPlayground({ tokensPerSecond: 30, maxPromptChars: 200 });
  alice = await newMember(pg.url, 'Alice');
  bob = await newMember(pg.url, 'Bob');
});
afterAll(async () => {
  await pg?.close();
});

/** The ballot is posted through the engine's paced queue, possibly just after the prompt's request returns. */
async function roomMessages(room: string, atLeast: number): Promise<WebMessage[]> {
  for (let i = 0; i < 100; i++) {
    const { messages } = (await (await fetch(`${pg.url}/api/rooms/${room}/messages`)).json()) as { messages: WebMessage[] };
    if (messages.length >= atLeast) return messages;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`room ${room} never reached ${atLeast} messages`);
}

const messageOf = (data: string) => (JSON.parse(data) as { message: WebMessage }).message;

describe('pages', () => {
  it("sends / to the lobby and serves the room page in the room's language, whatever the browser asks", async () => {
    const root = await fetch(`${pg.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/r/lobby');

    const en = await fetch(`${pg.url}/r/lobby`, { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } });
    expect(en.headers.get('content-security-policy')).toContain("script-src 'self'");
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('Your prompt');

    // A French browser in an English room reads the room in English, like the models' replies and the ballot.
    const fr = await (await fetch(`${pg.url}/r/lobby`, { headers: { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' } })).text();
    expect(fr).toContain('<html lang="en">');
    expect(fr).toContain('Room language: English');
  });

  it('remembers the language switch in a cookie for the leaderboard and only redirects inside the site', async () => {
    const res = await fetch(`${pg.url}/lang?lang=fr&back=/leaderboard`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/leaderboard');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(`${pg.url}/leaderboard`, { headers: { Cookie: cookie, 'Accept-Language': 'en' } })).text();
    expect(page).toContain('<html lang="fr">');

    const away = await fetch(`${pg.url}/lang?lang=en&back=//evil.example/`, { redirect: 'manual' });
    expect(away.headers.get('location')).toBe('/');
  });

  it('refuses a malformed room name with a page, not a crash', async () => {
    const res = await fetch(`${pg.url}/r/Not_A_Room!`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Room names use lowercase letters');
  });

  it('serves the page script and stylesheet, and 404s anything else', async () => {
    const js = await fetch(`${pg.url}/static/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('EventSource');
    expect((await fetch(`${pg.url}/static/../server.ts`)).status).toBe(404);
    expect((await fetch(`${pg.url}/api/nothing`)).status).toBe(404);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with a localised 400 and keeps serving', async () => {
    const res = await alice.post('/api/rooms/lobby/messages', '{"member": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid-json');
    expect(body.error.message).toContain('valid JSON');
    expect((await fetch(`${pg.url}/r/lobby`)).status).toBe(200);
  });

  it('names the missing or wrong fields', async () => {
    // A member id in the body is refused: who a browser is comes from its session cookie only.
    const res = await alice.post('/api/rooms/lobby/messages', { member: { id: 'alice-0001', name: '\u200b\u200d' }, text: 5 });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toMatch(/member/);
    expect(error.message).toMatch(/member\.name/);
    expect(error.message).toMatch(/text/);
  });

  it('refuses a prompt over the one configured limit with one message, however long', async () => {
    const messages: string[] = [];
    for (const length of [201, 5_000, 100_000]) {
      const res = await alice.post('/api/rooms/lobby/messages', { text: 'x'.repeat(length) });
      expect(res.status).toBe(413);
      messages.push(((await res.json()) as { error: { message: string } }).error.message);
    }
    for (const message of messages) expect(message).toMatch(/the limit is 200\./);
    expect(messages[0]).toContain('201');
  });

  it('refuses an invalid room in the API', async () => {
    const res = await alice.post('/api/rooms/BAD ROOM/actions', { data: 'v:abcdefgh:a' });
    expect(res.status).toBe(400);
  });

  it("shows the engine's refusal of an empty or oversized prompt to its author only", async () => {
    const sse = await openSse(`${pg.url}/api/rooms/refusals/events`);
    await sse.next((e) => e.event === 'snapshot');
    const empty = (await (await alice.post('/api/rooms/refusals/messages', { text: '   ' })).json()) as {
      published: boolean;
      notice?: { html: string };
    };
    expect(empty.published).toBe(false);
    expect(empty.notice?.html).toBeTruthy();

    // Zero-width characters alone are an empty prompt too.
    const invisible = (await (await bob.post('/api/rooms/refusals/messages', { text: '\u200b\u200c\u200d\u2060' })).json()) as {
      published: boolean;
      notice?: { html: string };
    };
    expect(invisible.published).toBe(false);
    expect(invisible.notice?.html).toBe(empty.notice?.html);
    // Nobody else saw the refused prompts.
    expect(sse.events.filter((e) => e.event === 'message')).toHaveLength(0);
    sse.close();
  });

  it('answers a forged button politely', async () => {
    const res = await alice.post('/api/rooms/lobby/actions', { data: 'v:ZZZZZZZZ:a' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { notice?: { html: string } };
    expect(body.notice?.html).toBeTruthy();
  });
});

describe('a battle over HTTP and SSE', () => {
  it('streams both replies, takes one vote per member, reveals privately then to everyone', async () => {
    const room = 'battle-room';
    const watcher = await bob.sse(room);
    const hello = await watcher.next((e) => e.event === 'hello');
    expect(JSON.parse(hello.data).tag).toMatch(/^[\w-]{12}$/);
    await watcher.next((e) => e.event === 'snapshot');

    const prompt = alice.post(`/api/rooms/${room}/messages`, { text: 'What is a <script>alert(1)</script> black hole?' });

    const shown = messageOf((await watcher.next((e) => e.event === 'message')).data);
    expect(shown.kind).toBe('member');
    expect(shown.author?.name).toBe('Alice');
    expect(shown.text).toContain('<script>');
    expect(shown.html).toBeUndefined();

    const first = messageOf((await watcher.next((e) => e.event === 'message')).data);
    const second = messageOf((await watcher.next((e) => e.event === 'message')).data);
    expect(first.replyTo).toBe(shown.ref);
    expect(second.replyTo).toBe(shown.ref);
    expect(first.pair).toEqual({ id: first.ref, index: 0 });
    expect(second.pair).toEqual({ id: first.ref, index: 1 });
    expect(first.html).toContain('Model A');
    expect(second.html).toContain('Model B');

    // Replies stream: A is edited while half-written (the streaming cursor shows), then once more when complete.
    const edits = [] as WebMessage[];
    const ofA = () => edits.filter((m) => m.ref === first.ref);
    while (!ofA().some((m) => m.html?.includes('▍'))) edits.push(messageOf((await watcher.next((e) => e.event === 'edit')).data));

    const result = (await (await prompt).json()) as { published: boolean; ref: string };
    expect(result.published).toBe(true);
    expect(result.ref).toBe(shown.ref);

    const ballot = messageOf((await watcher.next((e) => e.event === 'message' && messageOf(e.data).buttons.length > 0)).data);
    const labels = ballot.buttons.flat().map((b) => b.label);
    expect(labels).toEqual(['👈 A is better', '👉 B is better', '🤝 Tie', '👎 Both are bad']);
    // The prompt's markup never became HTML anywhere.
    expect(watcher.events.every((e) => !e.data.includes('<script>alert(1)</script>') || e.data.includes('"text"'))).toBe(true);

    const replyA = watcher.events.filter((e) => e.event === 'edit').map((e) => messageOf(e.data)).filter((m) => m.ref === first.ref).at(-1)!;
    expect(replyA.buttons.flat().length).toBeGreaterThan(0); // like / dislike

    const voteA = ballot.buttons[0]![0]!.data;
    const aliceVote = (await (await alice.post(`/api/rooms/${room}/actions`, { data: voteA, messageRef: ballot.ref })).json()) as {
      notice: { html: string; alert: boolean };
      selected?: string;
    };
    expect(aliceVote.notice.alert).toBe(true);
    expect(aliceVote.selected).toBe(voteA);
    expect(aliceVote.notice.html).toMatch(/demo/i); // the voter learns the models at once

    // Not yet for everyone: the ballot is edited (vote count) but names no model.
    const afterOne = messageOf((await watcher.next((e) => e.event === 'edit' && messageOf(e.data).ref === ballot.ref)).data);
    expect(afterOne.html).not.toMatch(/demo model/i);

    const again = (await (await alice.post(`/api/rooms/${room}/actions`, { data: voteA, messageRef: ballot.ref })).json()) as {
      notice: { html: string };
    };
    expect(again.notice.html).toMatch(/already/i);

    // Alice changes her mind: her vote now reads "tie", it is not a second vote (the count stays at one).
    const tie = ballot.buttons[1]![0]!.data;
    const changed = (await (await alice.post(`/api/rooms/${room}/actions`, { data: tie, messageRef: ballot.ref })).json()) as { notice: { html: string }; selected?: string };
    expect(changed.selected).toBe(tie);
    expect(changed.notice.html).toMatch(/changed your vote/);
    const battle = (await pg.app.store.getBattleByMessageRef((await pg.app.store.getChatByAddress('web', room))!.id, ballot.ref))!;
    expect(battle.voteCount).toBe(1);

    const bobVote = (await (await bob.post(`/api/rooms/${room}/actions`, { data: ballot.buttons[1]![1]!.data, messageRef: ballot.ref })).json()) as {
      notice: { html: string };
    };
    expect(bobVote.notice.html).toBeTruthy();
    const closed = messageOf((await watcher.next((e) => e.event === 'edit' && messageOf(e.data).ref === ballot.ref && /demo/i.test(messageOf(e.data).html!))).data);
    expect(closed.buttons).toHaveLength(0);
    // A late vote (a stale page still showing the buttons) gets a clear answer, not an error.
    const carol = await newMember(pg.url, 'Carol');
    const late = await carol.post(`/api/rooms/${room}/actions`, { data: voteA, messageRef: ballot.ref });
    expect(late.status).toBe(200);
    expect(((await late.json()) as { notice: { html: string } }).notice.html).toMatch(/closed/i);

    // Web votes stay out of the shared rankings (web.countInRankings is off): the global board has none of them...
    const board = (await (await fetch(`${pg.url}/api/leaderboard`)).json()) as { models: Array<{ model: string; votes: number; score: number | null }> };
    expect(board.models.length).toBe(0);
    const shared = await pg.app.leaderboard.board!({});
    expect(shared.models).toHaveLength(0);
    // ...while the room's own board counts both votes.
    const chat = (await pg.app.store.getChatByAddress('web', room))!;
    const own = await pg.app.leaderboard.board!({ chat: chat.id });
    expect(own.models.map((m) => m.votes)).toEqual([2, 2]);
    watcher.close();
  });

  it('replays what a reconnecting member missed after Last-Event-ID, and sends a snapshot otherwise', async () => {
    const room = 'replay-room';
    const first = await openSse(`${pg.url}/api/rooms/${room}/events`);
    const snapshot = await first.next((e) => e.event === 'snapshot');
    expect(JSON.parse(snapshot.data).messages).toEqual([]);
    first.close();

    // While disconnected, a battle happens.
    const res = (await (await alice.post(`/api/rooms/${room}/messages`, { text: 'Tell me about owls' })).json()) as { ref: string };
    expect(res.ref).toBeTruthy();
    await roomMessages(room, 4); // prompt, A, B, ballot

    const again = await openSse(`${pg.url}/api/rooms/${room}/events`, { 'Last-Event-ID': snapshot.id! });
    const replayed = await again.next((e) => e.event === 'message');
    expect(messageOf(replayed.data).ref).toBe(res.ref);
    expect(again.events.some((e) => e.event === 'snapshot')).toBe(false);
    again.close();

    const stranger = await openSse(`${pg.url}/api/rooms/${room}/events`, { 'Last-Event-ID': 'other-epoch-3' });
    const fresh = await stranger.next((e) => e.event === 'snapshot');
    const messages = JSON.parse(fresh.data).messages as WebMessage[];
    expect(messages[0]!.ref).toBe(res.ref);
    expect(messages.length).toBeGreaterThanOrEqual(4); // prompt, A, B, ballot
    stranger.close();
  });

  it('continues the battle when a prompt replies to one of its messages', async () => {
    const room = 'follow-room';
    const sse = await openSse(`${pg.url}/api/rooms/${room}/events`);
    await (await alice.post(`/api/rooms/${room}/messages`, { text: 'Name a bird' })).json();
    const replyA = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).pair?.index === 0)).data);
    const firstBallot = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).buttons.length === 2)).data);
    const followUp = (await (await bob.post(`/api/rooms/${room}/messages`, { text: 'And a fish?', replyTo: replyA.ref })).json()) as {
      published: boolean;
      notice?: unknown;
    };
    expect(followUp.notice).toBeUndefined();
    expect(followUp.published).toBe(true);
    // The follow-up and its two replies, in the same battle: a new ballot, and the first one points to it.
    const asked = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).kind === 'member' && messageOf(e.data).author?.name === 'Bob')).data);
    expect(asked.replyTo).toBe(replyA.ref);
    const secondA = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).replyTo === asked.ref)).data);
    expect(secondA.pair?.index).toBe(0);
    const secondBallot = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).buttons.length === 2)).data);
    expect(secondBallot.ref).not.toBe(firstBallot.ref);
    const moved = sse.events.filter((e) => e.event === 'edit').map((e) => messageOf(e.data)).filter((m) => m.ref === firstBallot.ref).at(-1)!;
    expect(moved.buttons).toHaveLength(0);
    sse.close();
  });

  it('posts the leaderboard when a member asks for it', async () => {
    const room = 'board-room';
    const sse = await openSse(`${pg.url}/api/rooms/${room}/events`);
    await sse.next((e) => e.event === 'snapshot');
    const res = await alice.post(`/api/rooms/${room}/commands`, { name: 'leaderboard' });
    expect(res.status).toBe(200);
    const posted = messageOf((await sse.next((e) => e.event === 'message')).data);
    expect(posted.kind).toBe('bot');
    expect(posted.html!.length).toBeGreaterThan(0);

    // Typed in the prompt box, a slash command is a command, as on the chat platforms: no battle starts.
    const typed = (await (await alice.post(`/api/rooms/${room}/messages`, { text: '/leaderboard' })).json()) as { ok: boolean };
    expect(typed.ok).toBe(true);
    const again = messageOf((await sse.next((e) => e.event === 'message')).data);
    expect(again.kind).toBe('bot');
    expect(again.html).toBe(posted.html);
    expect(sse.events.filter((e) => e.event === 'message').map((e) => messageOf(e.data).kind)).toEqual(['bot', 'bot']);
    sse.close();
  });
});
