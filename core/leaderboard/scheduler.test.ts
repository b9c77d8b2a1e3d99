import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { newId } from '../store/ids';
import { scheduleRuns } from '../store/schedules';
import { databaseCases } from '../store/test-databases';
import { createLeaderboardScheduler, lastDue, validateCron, type ScheduleTarget } from './scheduler';

const log = pino({ level: 'silent' });

describe('lastDue', () => {
  it('finds the latest occurrence in the schedule’s time zone', () => {
    // 18:00 in Paris is 17:00 UTC in November.
    expect(lastDue('0 18 * * *', 'Europe/Paris', new Date('2026-11-22T17:30:00Z'))?.toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(lastDue('0 18 * * *', 'Europe/Paris', new Date('2026-11-22T16:59:00Z'))?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(lastDue('0 18 * * *', 'Europe/Paris', new Date('2026-11-22T17:00:00Z'))?.toISOString()).toBe('2026-11-22T17:00:00.000Z');
  });

  it('explains an invalid cron expression', () => {
    expect(validateCron('0 25 * * *', 'UTC')).toMatch(/./);
    expect(validateCron('0 18 * * 1', 'Europe/Paris')).toBeNull();
  });
});

for (const dbCase of databaseCases()) {
  describe.skipIf(dbCase.skip)(`scheduled leaderboard posts on ${dbCase.name}`, () => {
    let db: Db;
    let chatId: string;
    beforeAll(async () => {
      db = await openDatabase(await dbCase.fresh());
      chatId = newId();
      await db.kysely.insertInto('Chat').values({ id: chatId, platform: 'test', externalId: 'g1', kind: 'group', createdAt: new Date(), updatedAt: new Date() }).execute();
    });
    afterAll(async () => db?.close());

    /** A schedule created at a given time (only occurrences after it are posted). */
    const schedule = async (cron: string, timezone: string, createdAt: Date) => {
      const id = newId();
      await db.kysely.insertInto('Schedule').values({ id, chatId, cron, timezone, createdAt }).execute();
      return { id };
    };

    it('posts each due occurrence once across restarts and concurrent processes, and catches up on a missed one', async () => {
      const daily = await schedule('0 18 * * *', 'Europe/Paris', new Date('2026-11-01T00:00:00Z'));
      const posts: ScheduleTarget[] = [];
      let clock = new Date('2026-11-22T17:00:05Z'); // 5 s after the 18:00 Paris post fell due
      const make = () =>
        createLeaderboardScheduler({ db: db.kysely, log, now: () => clock, post: async (t) => (posts.push(t), true), tickMs: 60_000 });

      // Two processes tick at once: one post.
      const first = make();
      const second = make();
      await Promise.all([first.tick(), second.tick()]);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ scheduleId: daily.id, chatId, dueAt: new Date('2026-11-22T17:00:00Z') });

      // A restart later the same evening: nothing new is due, nothing is posted again.
      clock = new Date('2026-11-22T21:00:00Z');
      const restarted = make();
      await restarted.start();
      await restarted.stop();
      expect(posts).toHaveLength(1);

      // Down over the next 18:00; started again at 18:40 Paris time: the missed post is made, once.
      clock = new Date('2026-11-23T17:40:00Z');
      const late = make();
      await late.start();
      await late.tick();
      await late.stop();
      expect(posts.map((p) => p.dueAt.toISOString())).toEqual(['2026-11-22T17:00:00.000Z', '2026-11-23T17:00:00.000Z']);
      const runs = await scheduleRuns(db.kysely, daily.id);
      expect(runs.map((r) => r.status)).toEqual(['posted', 'posted']);
    });

    it('skips a post missed by more than the grace period, and records failures', async () => {
      const weekly = await schedule('0 9 * * 1', 'UTC', new Date('2026-01-01T00:00:00Z'));
      const posts: ScheduleTarget[] = [];
      // Monday 09:00 UTC was 2 days ago: too old to be worth posting.
      const stale = createLeaderboardScheduler({ db: db.kysely, log, now: () => new Date('2026-11-25T09:00:00Z'), post: async (t) => (posts.push(t), true) });
      await stale.tick();
      expect(posts.filter((p) => p.scheduleId === weekly.id)).toHaveLength(0);

      // Due now, but the chat's platform is not running: the run is marked failed, not posted.
      const failing = createLeaderboardScheduler({ db: db.kysely, log, now: () => new Date('2026-11-30T09:00:10Z'), post: async () => false });
      await failing.tick();
      const [run] = await scheduleRuns(db.kysely, weekly.id);
      expect(run).toMatchObject({ status: 'failed', error: 'nothing posted' });
    });
  });
}
