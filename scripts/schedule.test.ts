// Organizers manage leaderboard schedules from the command line, against the same database the bot uses.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/store/database';
import { newId } from '../core/store/ids';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pnyx-schedule-'));
const url = `file:${join(dir, 'pnyx.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/schedule.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

beforeAll(async () => {
  const db = await openDatabase(url);
  const now = new Date();
  await db.kysely.insertInto('Chat').values({ id: newId(), platform: 'telegram', externalId: '-100777', title: 'Club', timezone: 'Europe/Paris', createdAt: now, updatedAt: now }).execute();
  await db.kysely.insertInto('Campaign').values({ id: newId(), slug: 'fr-2026', title: 'Campagne', createdAt: now }).execute();
  await db.close();
});

describe('npm run schedule', () => {
  it('adds a chat schedule in the chat’s time zone and a campaign schedule, lists and removes them', async () => {
    const chat = await cli('add', '--chat', 'telegram:-100777', '--cron', '0 9 * * 1');
    expect(chat.code).toBe(0);
    expect(chat.out).toMatch(/Added schedule \S+: "0 9 \* \* 1" in Europe\/Paris\./);
    const campaign = await cli('add', '--campaign', 'fr-2026', '--cron', '30 18 * * *', '--tz', 'America/Montreal');
    expect(campaign.code).toBe(0);

    const listed = await cli('list');
    expect(listed.out).toMatch(/0 9 \* \* 1\s+Europe\/Paris\s+chat telegram:-100777 \(Club\)/);
    expect(listed.out).toMatch(/30 18 \* \* \*\s+America\/Montreal\s+campaign fr-2026/);

    const id = chat.out.match(/Added schedule (\S+):/)![1]!;
    expect((await cli('remove', id)).code).toBe(0);
    expect((await cli('list')).out).not.toMatch(/Europe\/Paris/);
  }, 60_000);

  it('explains mistakes and exits with status 2', async () => {
    const badCron = await cli('add', '--chat', 'telegram:-100777', '--cron', '0 25 * * *');
    expect(badCron.code).toBe(2);
    expect(badCron.err).toMatch(/not a valid cron expression/);
    const badZone = await cli('add', '--campaign', 'fr-2026', '--cron', '0 9 * * *', '--tz', 'Mars/Olympus');
    expect(badZone.err).toMatch(/not a time zone/);
    const unknownChat = await cli('add', '--chat', 'telegram:-1', '--cron', '0 9 * * *');
    expect(unknownChat.err).toMatch(/no chat telegram:-1 yet/);
    const both = await cli('add', '--chat', 'telegram:-100777', '--campaign', 'fr-2026', '--cron', '0 9 * * *');
    expect(both.err).toMatch(/exactly one of --chat or --campaign/);
  }, 60_000);
});
