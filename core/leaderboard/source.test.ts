// The leaderboard as a chat receives it: on /leaderboard and on schedule, through the real engine, store and ranking.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingPort, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import type { ChatAddress, Person } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { newId } from '../store/ids';
import { scheduleRuns } from '../store/schedules';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-board-'));
let app: PnyxApp;
let port: RecordingPort;
const chat: ChatAddress = { platform: 'test', id: 'club', kind: 'group', title: 'Club' };
const people: Person[] = Array.from({ length: 6 }, (_, i) => ({ platform: 'test', id: `p${i}`, locale: 'en' }));
const PNG = [0x89, 0x50, 0x4e, 0x47];

beforeAll(async () => {
  app = await createPnyx({
    config: { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } }, battle: { perUserPerMinute: 100, perChatPerMinute: 100 } },
    env: { DATABASE_URL: `file:${join(folder, 'pnyx.db')}`, LOG_LEVEL: 'silent' },
  });
  port = createRecordingPort('test');
  app.arena.attach(port);
  await app.arena.start();
});
afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

let deliveries = 0;
const delivery = () => `lb-${++deliveries}`;

async function battleWithVotes(n: number) {
  const sent = port.messages.length;
  await (await app.arena.handle({ type: 'prompt', delivery: delivery(), chat, from: people[0]!, text: 'Describe a lighthouse in the fog', addressed: true })).done;
  // The ballot is queued behind the replies' last edits: wait for it rather than assume it is out already.
  const ballotOf = () => port.messages.slice(sent).find((m) => m.current.buttons?.[0]?.[0]?.data.startsWith('v:'));
  await port.waitFor(() => ballotOf() !== undefined);
  const ballot = ballotOf()!;
  for (const voter of people.slice(0, n)) {
    await (await app.arena.handle({ type: 'action', delivery: delivery(), chat, from: voter, data: ballot.current.buttons![0]![0]!.data, messageRef: ballot.ref })).done;
  }
}

describe('leaderboard in a chat', () => {
  it('says there are no votes yet before anyone voted', async () => {
    await (await app.arena.handle({ type: 'command', delivery: delivery(), chat, from: people[0]!, name: 'leaderboard', args: '' })).done;
    expect(port.messages.at(-1)!.current.text).toMatch(/No votes yet/);
  });

  it('posts the ranking table in monospace with the chart after votes', async () => {
    for (let i = 0; i < 4; i++) await battleWithVotes(3);
    // The board is cached for a minute: a new source would see the votes at once, so ask through a fresh app.
    const fresh = await createPnyx({
      config: { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } } },
      env: { DATABASE_URL: `file:${join(folder, 'pnyx.db')}`, LOG_LEVEL: 'silent' },
    });
    const freshPort = createRecordingPort('test');
    fresh.arena.attach(freshPort);
    await (await fresh.arena.handle({ type: 'command', delivery: delivery(), chat, from: people[1]!, name: 'leaderboard', args: '' })).done;
    const posted = freshPort.messages.at(-1)!;
    expect(posted.current.text).toMatch(/^```\n.*Leaderboard/s);
    expect(posted.current.text).toMatch(/12 votes/);
    expect([...posted.current.image!.png.slice(0, 4)]).toEqual(PNG);
    expect(posted.current.image!.alt).toMatch(/Leaderboard chart/);

    // Scheduled: a chat schedule that fell due a few seconds ago is posted once, and not again after a restart.
    const chatRow = await fresh.store.upsertChat(chat);
    await fresh.db.kysely.insertInto('Schedule').values({ id: newId(), chatId: chatRow.id, cron: '* * * * *', timezone: 'UTC', createdAt: new Date(Date.now() - 3_600_000) }).execute();
    const before = freshPort.messages.length;
    await fresh.schedules.start();
    await fresh.schedules.stop();
    await fresh.schedules.start();
    await fresh.schedules.stop();
    const scheduled = freshPort.messages.slice(before);
    // Two ticks in the same minute: one post. (A tick straddling a minute boundary may legitimately post the next.)
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    expect(scheduled.length).toBeLessThanOrEqual(2);
    expect(scheduled[0]!.current.image).toBeDefined();
    const runs = await scheduleRuns(fresh.db.kysely);
    expect(runs.every((r) => r.status === 'posted')).toBe(true);
    expect(runs).toHaveLength(scheduled.length);
    await fresh.close();
  });
});
