import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCampaignCli } from '../../scripts/campaign';
import { openDatabase, type Db } from '../store/database';
import { databaseCases } from '../store/test-databases';
import { validateSpec, type CampaignSpec } from './spec';
import { applyCampaign, campaignOfChat, claimMilestone, getCampaign, joinByCode, leaveCampaign, memberChats, setCampaignStatus } from './store';

const spec = (over: Record<string, unknown> = {}): CampaignSpec => {
  const result = validateSpec({
    slug: 'fr-2027',
    title: { en: 'French 2027', fr: 'Français 2027' },
    languages: ['fr', 'en'],
    goal: { votes: 100, perLanguage: { fr: 60 } },
    joinCode: 'FR-2027',
    schedule: { leaderboard: { cron: '0 18 * * 1', timezone: 'Europe/Paris' } },
    chats: [{ platform: 'telegram', id: '-100' }],
    ...over,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.spec;
};

for (const dbCase of databaseCases()) {
  describe.skipIf(dbCase.skip)(`campaigns on ${dbCase.name}`, () => {
    let db: Db;
    let url: string;
    const chatId = async (platform: string, externalId: string) =>
      (await db.kysely.selectFrom('Chat').select('id').where('platform', '=', platform).where('externalId', '=', externalId).executeTakeFirstOrThrow()).id;
    const newChat = async (externalId: string) => {
      await db.kysely.insertInto('Chat').values({ id: `c-${externalId}`, platform: 'web', externalId, kind: 'group', createdAt: new Date(), updatedAt: new Date() }).execute();
      return `c-${externalId}`;
    };
    beforeAll(async () => {
      url = await dbCase.fresh();
      db = await openDatabase(url);
    });
    afterAll(async () => db?.close());

    it('applies a file, and applying it again changes nothing', async () => {
      const first = await applyCampaign(db.kysely, spec());
      expect(first.problems).toEqual([]);
      expect(first.created).toBe(true);
      expect(first.changes).toEqual(expect.arrayContaining(['created campaign fr-2027']));
      const snapshot = async () => ({
        campaigns: await db.kysely.selectFrom('Campaign').selectAll().execute(),
        members: await db.kysely.selectFrom('CampaignChat').selectAll().execute(),
        schedules: await db.kysely.selectFrom('Schedule').selectAll().execute(),
        chats: await db.kysely.selectFrom('Chat').select(['id', 'platform', 'externalId']).execute(),
      });
      const before = await snapshot();
      const second = await applyCampaign(db.kysely, spec());
      expect(second).toMatchObject({ created: false, changes: [], problems: [] });
      expect(await snapshot()).toEqual(before);
      expect(before.schedules).toHaveLength(1);
      expect(before.members).toHaveLength(1);
      const campaign = await getCampaign(db.kysely, 'fr-2027');
      expect(campaign).toMatchObject({ status: 'running', joinCode: 'FR-2027', title: 'French 2027' });
      expect(campaign!.spec?.goal?.perLanguage).toEqual({ fr: 60 });
    });

    it('follows an edited file: new schedule, chat taken out, code chats kept', async () => {
      const joined = await newChat('room-1');
      expect((await joinByCode(db.kysely, joined, 'fr-2027')).status).toBe('joined');
      const edited = await applyCampaign(db.kysely, spec({ chats: [], schedule: { leaderboard: { cron: '0 9 * * *', timezone: 'UTC' } } }));
      expect(edited.changes).toEqual(expect.arrayContaining(['updated campaign fr-2027', expect.stringMatching(/^removed chat/), expect.stringMatching(/^removed schedule/), expect.stringMatching(/^added schedule 0 9/)]));
      const members = await memberChats(db.kysely, edited.campaign.id);
      expect(members.map((m) => m.chatId)).toEqual([joined]);
      expect(await db.kysely.selectFrom('Schedule').select('cron').where('campaignId', '=', edited.campaign.id).execute()).toEqual([{ cron: '0 9 * * *' }]);
      // And back: the telegram chat is in again.
      await applyCampaign(db.kysely, spec());
      expect((await memberChats(db.kysely, edited.campaign.id)).length).toBe(2);
    });

    it('keeps a chat in one campaign at a time', async () => {
      const telegram = await chatId('telegram', '-100');
      const other = await applyCampaign(db.kysely, spec({ slug: 'other', joinCode: 'OTHER-1', chats: [{ platform: 'telegram', id: '-100' }] }));
      expect(other.problems).toEqual([{ path: 'chats.0', message: expect.stringContaining('fr-2027') }]);
      expect(await getCampaign(db.kysely, 'other')).toBeNull();
      const clash = await applyCampaign(db.kysely, spec({ slug: 'other', joinCode: 'FR-2027', chats: [] }));
      expect(clash.problems).toEqual([{ path: 'joinCode', message: expect.stringContaining('fr-2027') }]);
      await applyCampaign(db.kysely, spec({ slug: 'other', joinCode: 'OTHER-1', chats: [] }));
      expect(await joinByCode(db.kysely, telegram, 'other-1')).toEqual({ status: 'busy', other: 'fr-2027' });
      expect(await joinByCode(db.kysely, telegram, 'nope-nope')).toEqual({ status: 'unknown' });
      expect((await joinByCode(db.kysely, telegram, 'FR-2027')).status).toBe('already');
      expect((await leaveCampaign(db.kysely, telegram))?.slug).toBe('fr-2027');
      expect(await campaignOfChat(db.kysely, telegram)).toBeNull();
      expect((await joinByCode(db.kysely, telegram, 'OTHER-1')).status).toBe('joined');
      expect((await campaignOfChat(db.kysely, telegram))?.slug).toBe('other');
      await leaveCampaign(db.kysely, telegram);
    });

    it('claims each milestone once per chat', async () => {
      const campaign = (await getCampaign(db.kysely, 'fr-2027'))!;
      const chat = await newChat('room-m');
      await joinByCode(db.kysely, chat, 'FR-2027');
      expect(await claimMilestone(db.kysely, campaign.id, chat, 25)).toBe(true);
      expect(await claimMilestone(db.kysely, campaign.id, chat, 25)).toBe(false);
      expect(await claimMilestone(db.kysely, campaign.id, chat, 50)).toBe(true);
      // After a restart (a new connection), the record holds.
      const again = await openDatabase(url);
      try {
        expect(await claimMilestone(again.kysely, campaign.id, chat, 50)).toBe(false);
      } finally {
        await again.close();
      }
    });

    it('pauses, resumes and closes; a closed campaign stays closed and takes no one', async () => {
      expect(await setCampaignStatus(db.kysely, 'other', 'paused')).toBe(true);
      expect((await getCampaign(db.kysely, 'other'))?.status).toBe('paused');
      expect(await setCampaignStatus(db.kysely, 'other', 'closed')).toBe(true);
      expect(await setCampaignStatus(db.kysely, 'other', 'running')).toBe(false);
      expect((await getCampaign(db.kysely, 'other'))?.closedAt).toBeInstanceOf(Date);
      expect(await joinByCode(db.kysely, await newChat('room-late'), 'OTHER-1')).toEqual({ status: 'closed' });
    });

    it('runs as a command line: apply, apply again, list, show, bad file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pnyx-campaign-'));
      try {
        const out: string[] = [];
        const err: string[] = [];
        const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
        const run = (...argv: string[]) => runCampaignCli(argv, io, () => openDatabase(url), () => new Set(['demo-lexicon', 'demo-markov', 'demo-outline']), join(dir, 'reports'));
        expect(await run('apply', 'campaigns/example.yaml')).toBe(0);
        expect(out.join('\n')).toContain('created campaign example');
        out.length = 0;
        expect(await run('apply', 'campaigns/example.yaml')).toBe(0);
        expect(out).toEqual(['Campaign example is up to date (nothing changed).']);
        out.length = 0;
        expect(await run('list')).toBe(0);
        expect(out.join('\n')).toMatch(/example\s+running\s+0 \/ 1000 votes/);
        out.length = 0;
        expect(await run('show', 'example')).toBe(0);
        expect(out.join('\n')).toContain('/arena join EXAMPLE-2026');
        const bad = join(dir, 'bad.yaml');
        writeFileSync(bad, 'slug: Bad\ntitle: { en: x }\nlanguages: [fr]\nmodels: [{ id: ghost }]\n');
        expect(await run('apply', bad)).toBe(2);
        expect(err.join('\n')).toContain('slug: use 2–48');
        err.length = 0;
        writeFileSync(bad, 'slug: fine\ntitle: { en: x }\nlanguages: [fr]\nmodels: [{ id: ghost }]\n');
        expect(await run('apply', bad)).toBe(2);
        expect(err.join('\n')).toContain('models.0.id: unknown model "ghost"');
        expect(await run('pause', 'nobody')).toBe(1);
        out.length = 0;
        expect(await run('close', 'example')).toBe(0);
        expect(out.join('\n')).toContain('Final report written to');
        const report = JSON.parse(readFileSync(join(dir, 'reports', 'example', 'report.json'), 'utf8'));
        expect(report).toMatchObject({ slug: 'example', participation: { votes: 0 }, byLanguage: [{ language: 'fr' }, { language: 'en' }, { language: 'ar' }] });
        expect(readFileSync(join(dir, 'reports', 'example', 'report.md'), 'utf8')).toContain('# Final report — Example campaign');
        expect(readFileSync(join(dir, 'reports', 'example', 'report.png')).subarray(1, 4).toString()).toBe('PNG');
        expect(await run('resume', 'example')).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
