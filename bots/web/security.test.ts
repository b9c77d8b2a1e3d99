// The playground left running beside the bots: requests from other sites, made-up or forged identities, vote
// stuffing, names that hide or reorder text, and room settings are all refused or bounded, on the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebMessage } from './rooms';
import { newMember, startTestPlayground, type TestMember, type TestPlayground } from './testing';

let pg: TestPlayground;
let alice: TestMember;
const OPERATOR = 'operator-token-0123456789';
beforeAll(async () => {
  pg = await startTestPlayground({
    tokensPerSecond: 200,
    closeAfterVotes: 100,
    operatorToken: OPERATOR,
    limits: { actionsPerSessionPerMinute: 5 },
  });
  alice = await newMember(pg.url, 'Alice');
});
afterAll(async () => {
  await pg?.close();
});

const messageOf = (data: string) => (JSON.parse(data) as { message: WebMessage }).message;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

async function battleBallot(member: TestMember, room: string): Promise<WebMessage> {
  const sse = await member.sse(room);
  await member.post(`/api/rooms/${room}/messages`, { text: 'Name a colour' });
  const ballot = messageOf((await sse.next((e) => e.event === 'message' && messageOf(e.data).buttons.length === 2 && messageOf(e.data).role === 'ballot')).data);
  sse.close();
  return ballot;
}

describe('requests from other sites', () => {
  it('refuses a cross-site POST (Origin or Sec-Fetch-Site), text/plain bodies, and a missing token', async () => {
    const paused = { name: 'settings', args: '' };
    const evil = await alice.post('/api/rooms/lobby/commands', paused, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await errorOf(evil)).message).toMatch(/another website/);
    const site = await alice.post('/api/rooms/lobby/commands', paused, { 'Sec-Fetch-Site': 'cross-site' });
    expect(site.status).toBe(403);
    // The simple request a page on another site can send without asking: text/plain, no custom header.
    const plain = await fetch(`${pg.url}/api/rooms/lobby/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Cookie: alice.cookie },
      body: JSON.stringify({ member: { name: 'Alice' }, ...paused }),
    });
    expect(plain.status).toBe(415);
    const noToken = await fetch(`${pg.url}/api/rooms/lobby/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: alice.cookie },
      body: JSON.stringify({ member: { name: 'Alice' }, ...paused }),
    });
    expect(noToken.status).toBe(403);
    // The same request from the site itself goes through.
    const own = await alice.post('/api/rooms/lobby/commands', paused, { Origin: new URL(pg.url).origin, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
  });
});

describe('identity', () => {
  it('refuses a forged session cookie and another session’s token', async () => {
    const [name, value] = alice.cookie.split('=') as [string, string];
    const forged = `${name}=${value.replace(/^[^.]+/, 'A'.repeat(32))}`;
    const res = await fetch(`${pg.url}/api/rooms/lobby/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: forged, 'X-Pnyx-CSRF': alice.csrf },
      body: JSON.stringify({ member: { name: 'Alice' }, text: 'hello' }),
    });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/Reload the page/);
    const bob = await newMember(pg.url, 'Bob');
    const swapped = await fetch(`${pg.url}/api/rooms/lobby/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: bob.cookie, 'X-Pnyx-CSRF': alice.csrf },
      body: JSON.stringify({ member: { name: 'Bob' }, text: 'hello' }),
    });
    expect(swapped.status).toBe(403);
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await fetch(`${pg.url}/r/cookie-room`);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('bounds vote stuffing: a script gets a few sessions per address, and each votes once', async () => {
    const room = 'stuffing';
    const small = await startTestPlayground({ tokensPerSecond: 200, closeAfterVotes: 100, limits: { sessionsPerIpPerHour: 8 } });
    const pg = small;
    const alice = await newMember(pg.url, 'Alice');
    const ballot = await battleBallot(alice, room);
    const voteA = ballot.buttons[0]![0]!.data;
    let counted = 0;
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      let voter: TestMember;
      try {
        voter = await newMember(pg.url, `Bot ${i}`);
      } catch {
        refused += 1;
        continue;
      }
      for (let j = 0; j < 3; j++) {
        const res = await voter.post(`/api/rooms/${room}/actions`, { data: voteA, messageRef: ballot.ref });
        if (res.status === 200 && ((await res.json()) as { notice: { html: string } }).notice.html.includes('You voted')) counted += 1;
      }
    }
    const chat = (await pg.app.store.getChatByAddress('web', room))!;
    const battle = (await pg.app.store.getBattleByMessageRef(chat.id, ballot.ref))!;
    // 8 sessions an hour from one address (Alice's is one): at most 7 made-up voters got in, each counted once.
    expect(refused).toBe(23);
    expect(counted).toBe(7);
    expect(battle.voteCount).toBe(7);
    // And those votes are not in the shared rankings.
    expect((await pg.app.leaderboard.board!({})).models).toHaveLength(0);
    await small.close();
  });

  it('limits clicks per session', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await alice.post('/api/rooms/lobby/actions', { data: 'v:ZZZZZZZZ:a' })).status);
    expect(statuses).toContain(429);
  });
});

describe('names', () => {
  it('removes bidi overrides and invisible characters, refuses an invisible-only name and a name another member shows', async () => {
    const room = 'names';
    const carol = await newMember(pg.url, 'x');
    const rtl = await carol.post(`/api/rooms/${room}/join`, { member: { name: '\u202Eevil\u202C\u200B gpj.exe' } });
    expect(rtl.status).toBe(200);
    expect(((await rtl.json()) as { name: string }).name).toBe('evil gpj.exe');
    const hidden = await carol.post(`/api/rooms/${room}/join`, { member: { name: '\u200B\u200C\u200D\u2060\uFEFF' } });
    expect(hidden.status).toBe(400);
    // Arabic is a name like any other.
    const arabic = await carol.post(`/api/rooms/${room}/join`, { member: { name: 'ليلى' } });
    expect(((await arabic.json()) as { name: string }).name).toBe('ليلى');

    const dave = await newMember(pg.url, 'y');
    const same = await dave.post(`/api/rooms/${room}/join`, { member: { name: 'ل\u200Bيلى' } });
    expect(same.status).toBe(409);
    expect((await errorOf(same)).message).toMatch(/Another member of this room is called/);
    // Elsewhere the name is free.
    expect((await dave.post('/api/rooms/names-elsewhere/join', { member: { name: 'ليلى' } })).status).toBe(200);
  });
});

describe('room settings', () => {
  it("lets only the room's creator, or a script with the operator token, change them", async () => {
    const room = 'owned';
    const owner = await newMember(pg.url, 'Owner');
    expect((await owner.post(`/api/rooms/${room}/join`, { member: { name: 'Owner' } })).status).toBe(200);
    const menu = (await (await owner.post(`/api/rooms/${room}/commands`, { member: { name: 'Owner' }, name: 'settings' })).json()) as { notice?: { html: string; buttons: unknown[][] } };
    expect(menu.notice?.html).toMatch(/Arena settings/);

    const guest = await newMember(pg.url, 'Guest');
    const refused = (await (await guest.post(`/api/rooms/${room}/commands`, { name: 'settings' })).json()) as { notice?: { html: string } };
    expect(refused.notice?.html).toMatch(/Only the chat's admins/);

    const operator = (await (await guest.post(`/api/rooms/${room}/commands`, { name: 'settings' }, { 'X-Pnyx-Operator': OPERATOR })).json()) as { notice?: { html: string } };
    expect(operator.notice?.html).toMatch(/Arena settings/);
  });
});
