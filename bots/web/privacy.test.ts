// People's rights on the web playground, end to end over HTTP: the consent notice in the first answer, /mydata's
// file behind a one-time link given only in the person's own answer, /forget's confirm button, and nothing of the
// person left in the database afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personTraces } from '../../test/person-traces';
import type { Button } from '../../core/port/types';
import type { WebMessage } from './rooms';
import { newMember, startTestPlayground, type TestMember, type TestPlayground } from './testing';

let pg: TestPlayground;
beforeAll(async () => {
  pg = await startTestPlayground({ tokensPerSecond: 0, closeAfterVotes: 10 });
});
afterAll(async () => {
  await pg?.close();
});

interface Answer {
  notice?: { html: string; buttons: Button[][]; download?: { url: string; name: string } };
}
/** A POST as one browser (its session cookie and CSRF token; the member's name is added by the helper). */
const post = async (member: TestMember, path: string, body: object): Promise<Answer> => (await (await member.post(path, body)).json()) as Answer;

describe('privacy on the web playground', () => {
  it('tells a person once, gives their data only to them, and erases it on confirmation', async () => {
    const room = 'privacy-room';
    const alice = await newMember(pg.url, 'Alice');
    const victor = await newMember(pg.url, 'Victor Erasable');
    const first = await post(alice, `/api/rooms/${room}/messages`, { text: 'Name three kinds of clouds.' });
    expect(first.notice!.html).toContain('About your data in Pnyx');

    let ballot: WebMessage | undefined;
    for (let i = 0; i < 200 && !ballot; i++) {
      const { messages } = (await (await fetch(`${pg.url}/api/rooms/${room}/messages`)).json()) as { messages: WebMessage[] };
      ballot = messages.find((m) => m.buttons.flat().some((b) => b.data.startsWith('v:')));
      if (!ballot) await new Promise((r) => setTimeout(r, 50));
    }
    const vote = await post(victor, `/api/rooms/${room}/actions`, { data: ballot!.buttons[0]![1]!.data, messageRef: ballot!.ref });
    expect(vote.notice!.html).toContain('You voted: B is better');
    expect(vote.notice!.html).toContain('About your data in Pnyx');

    // /mydata: a one-time link in Victor's own answer.
    const mine = await post(victor, `/api/rooms/${room}/commands`, { name: 'mydata' });
    expect(mine.notice!.html).toContain('0 prompts, 1 votes, 0 reactions');
    expect(mine.notice!.download!.name).toMatch(/^pnyx-my-data-.*\.json$/);
    const file = await fetch(`${pg.url}${mine.notice!.download!.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="pnyx-my-data-/);
    const data = (await file.json()) as { person: { platformId: string; displayName: string }; votes: Array<{ choice: string }> };
    // The id is the browser's session's, never one the page sent.
    expect(data.person).toMatchObject({ displayName: 'Victor Erasable' });
    expect(data.person.platformId).toMatch(/\S{8,}/);
    const victorId = data.person.platformId;
    expect(data.votes).toMatchObject([{ choice: 'b' }]);
    expect((await fetch(`${pg.url}${mine.notice!.download!.url}`)).status).toBe(404); // once only
    expect((await fetch(`${pg.url}/api/downloads/${'x'.repeat(32)}`)).status).toBe(404);
    // Typed in the prompt box, the command works the same.
    const typed = await post(victor, `/api/rooms/${room}/messages`, { text: '/mydata' });
    expect(typed.notice!.download).toBeDefined();

    // /forget: a confirmation with buttons, then the erasure within seconds.
    const asked = await post(victor, `/api/rooms/${room}/commands`, { name: 'forget' });
    const erase = asked.notice!.buttons.flat().find((b) => b.label === '🗑 Erase everything')!;
    const started = Date.now();
    const done = await post(victor, `/api/rooms/${room}/actions`, { data: erase.data });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(done.notice!.html).toContain('Erased: 0 prompts, 0 replies, 1 votes, 0 reactions.');
    await pg.app.arena.idle();
    await pg.app.arena.stop();
    const erased = await pg.app.db.kysely.selectFrom('User').select('id').where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(await personTraces(pg.app.db.kysely, erased.id, [victorId, 'Victor Erasable'])).toEqual({ rows: [], prompts: 0, votes: 0, reactions: 0 });
  });
});
