// Campaign rows and the chats taking part, on either database (Kysely over the Prisma schema). Kept apart from the
// battle store: only organizers' tools, joins and progress read them, never the hot path of a vote.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../store/db';
import { newId } from '../store/ids';
import { readDate, readOptionalDate } from '../store/rows';
import { CAMPAIGN_STATUSES, readStoredSpec, type CampaignSpec, type CampaignStatus, type SpecProblem } from './spec';

type Database = Kysely<DB>;

export interface CampaignRow {
  id: string;
  slug: string;
  title: string;
  status: CampaignStatus;
  joinCode: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** The campaign file as last applied; null when it no longer validates. */
  spec: CampaignSpec | null;
}

export interface MemberChat {
  chatId: string;
  platform: string;
  externalId: string;
  title: string | null;
  source: string;
  joinedAt: Date;
  milestone: number;
}

const CAMPAIGN_COLUMNS = ['id', 'slug', 'title', 'status', 'joinCode', 'startsAt', 'endsAt', 'closedAt', 'createdAt', 'spec'] as const;

type CampaignRecord = {
  id: string;
  slug: string;
  title: string;
  status: string;
  joinCode: string | null;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  closedAt: Date | string | null;
  createdAt: Date | string;
  spec: string;
};

function toCampaign(row: CampaignRecord): CampaignRow {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: (CAMPAIGN_STATUSES as readonly string[]).includes(row.status) ? (row.status as CampaignStatus) : 'paused',
    joinCode: row.joinCode,
    startsAt: readOptionalDate(row.startsAt),
    endsAt: readOptionalDate(row.endsAt),
    closedAt: readOptionalDate(row.closedAt),
    createdAt: readDate(row.createdAt),
    spec: readStoredSpec(row.spec),
  };
}

/** Codes are compared without regard to case: people type them from a poster. */
const normalizeCode = (code: string) => code.trim().toUpperCase();

export interface ApplyResult {
  campaign: CampaignRow;
  created: boolean;
  /** What changed, one line each (empty when the file was applied already). */
  changes: string[];
  problems: SpecProblem[];
}

/** The schedules a campaign file asks for, as rows to keep (kind travels in the options JSON). */
function wantedSchedules(spec: CampaignSpec): Array<{ cron: string; timezone: string; options: string }> {
  const out: Array<{ cron: string; timezone: string; options: string }> = [];
  if (spec.schedule.leaderboard) out.push({ ...spec.schedule.leaderboard, options: JSON.stringify({ kind: 'progress' }) });
  if (spec.schedule.promptOfTheDay) out.push({ ...spec.schedule.promptOfTheDay, options: JSON.stringify({ kind: 'topic' }) });
  return out;
}

/**
 * Applies a campaign file: creates or updates the campaign by slug, its schedules and its listed chats. Idempotent:
 * applying the same file again changes nothing (and says so). A listed chat that runs another campaign is a problem
 * reported with its path, and nothing is written.
 */
export async function applyCampaign(db: Database, spec: CampaignSpec, now = new Date()): Promise<ApplyResult> {
  return db.transaction().execute(async (trx) => {
    const changes: string[] = [];
    const problems: SpecProblem[] = [];
    const title = spec.title.en ?? Object.values(spec.title)[0]!;
    const values = {
      title,
      description: spec.description ? (spec.description.en ?? Object.values(spec.description)[0]!) : null,
      languages: JSON.stringify(spec.languages),
      goalVotes: spec.goal?.votes ?? null,
      startsAt: spec.starts ? new Date(spec.starts) : null,
      endsAt: spec.ends ? new Date(spec.ends) : null,
      spec: JSON.stringify(spec),
      joinCode: spec.joinCode ? normalizeCode(spec.joinCode) : null,
    };
    const existing = await trx.selectFrom('Campaign').select(CAMPAIGN_COLUMNS).where('slug', '=', spec.slug).executeTakeFirst();
    if (values.joinCode) {
      const taken = await trx.selectFrom('Campaign').select('slug').where('joinCode', '=', values.joinCode).where('slug', '<>', spec.slug).executeTakeFirst();
      if (taken) problems.push({ path: 'joinCode', message: `already used by campaign "${taken.slug}"` });
    }
    let id: string;
    let created = false;
    if (!existing) {
      id = newId();
      created = true;
      changes.push(`created campaign ${spec.slug}`);
    } else {
      id = existing.id;
      if (existing.spec !== values.spec) changes.push(`updated campaign ${spec.slug}`);
    }

    // Chats listed in the file: rows are created for chats the bot has not seen yet, so they are in from the start.
    const listed: string[] = [];
    for (const [i, chat] of spec.chats.entries()) {
      await trx
        .insertInto('Chat')
        .values({ id: newId(), platform: chat.platform, externalId: chat.id, kind: 'group', createdAt: now, updatedAt: now })
        .onConflict((oc) => oc.columns(['platform', 'externalId']).doNothing())
        .execute();
      const row = await trx.selectFrom('Chat').select('id').where('platform', '=', chat.platform).where('externalId', '=', chat.id).executeTakeFirstOrThrow();
      const busy = await otherActiveCampaign(trx, row.id, id);
      if (busy) problems.push({ path: `chats.${i}`, message: `chat ${chat.platform}:${chat.id} already takes part in campaign "${busy}"` });
      listed.push(row.id);
    }
    if (problems.length) return { campaign: existing ? toCampaign(existing) : (null as never), created: false, changes: [], problems };

    if (created) {
      await trx.insertInto('Campaign').values({ id, slug: spec.slug, ...values, status: 'running', createdAt: now }).execute();
    } else if (existing!.spec !== values.spec) {
      await trx.updateTable('Campaign').set(values).where('id', '=', id).execute();
    }

    const members = await trx.selectFrom('CampaignChat').select(['id', 'chatId', 'source', 'leftAt']).where('campaignId', '=', id).execute();
    for (const chatId of listed) {
      const member = members.find((m) => m.chatId === chatId);
      if (!member) {
        await trx.insertInto('CampaignChat').values({ id: newId(), campaignId: id, chatId, source: 'file', joinedAt: now }).execute();
        changes.push(`added chat ${chatId}`);
      } else if (member.leftAt !== null || member.source !== 'file') {
        await trx.updateTable('CampaignChat').set({ leftAt: null, source: 'file' }).where('id', '=', member.id).execute();
        changes.push(`re-added chat ${chatId}`);
      }
    }
    // A chat taken out of the file leaves; chats that joined with the code stay.
    for (const member of members) {
      if (member.source === 'file' && member.leftAt === null && !listed.includes(member.chatId)) {
        await trx.updateTable('CampaignChat').set({ leftAt: now }).where('id', '=', member.id).execute();
        changes.push(`removed chat ${member.chatId}`);
      }
    }

    // Schedules: keep the ones still wanted (their history of runs with them), add new ones, drop the rest.
    const schedules = await trx.selectFrom('Schedule').select(['id', 'cron', 'timezone', 'options']).where('campaignId', '=', id).execute();
    const wanted = wantedSchedules(spec);
    for (const s of schedules) {
      if (!wanted.some((w) => w.cron === s.cron && w.timezone === s.timezone && w.options === s.options)) {
        await trx.deleteFrom('Schedule').where('id', '=', s.id).execute();
        changes.push(`removed schedule ${s.cron} (${s.timezone})`);
      }
    }
    for (const w of wanted) {
      if (!schedules.some((s) => w.cron === s.cron && w.timezone === s.timezone && w.options === s.options)) {
        await trx.insertInto('Schedule').values({ id: newId(), chatId: null, campaignId: id, ...w, createdAt: now }).execute();
        changes.push(`added schedule ${w.cron} (${w.timezone}) ${JSON.parse(w.options).kind}`);
      }
    }
    const campaign = await trx.selectFrom('Campaign').select(CAMPAIGN_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
    return { campaign: toCampaign(campaign), created, changes, problems };
  });
}

/** The slug of a campaign other than `except` that the chat takes part in and that is not closed. */
async function otherActiveCampaign(db: Database | Transaction<DB>, chatId: string, except: string | null): Promise<string | null> {
  let query = db
    .selectFrom('CampaignChat as m')
    .innerJoin('Campaign as k', 'k.id', 'm.campaignId')
    .select('k.slug')
    .where('m.chatId', '=', chatId)
    .where('m.leftAt', 'is', null)
    .where('k.status', '<>', 'closed');
  if (except) query = query.where('k.id', '<>', except);
  return (await query.executeTakeFirst())?.slug ?? null;
}

export async function listCampaigns(db: Database): Promise<CampaignRow[]> {
  const rows = await db.selectFrom('Campaign').select(CAMPAIGN_COLUMNS).orderBy('createdAt').orderBy('slug').execute();
  return rows.map(toCampaign);
}

export async function getCampaign(db: Database, slugOrId: string): Promise<CampaignRow | null> {
  const row = await db.selectFrom('Campaign').select(CAMPAIGN_COLUMNS).where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)])).executeTakeFirst();
  return row ? toCampaign(row) : null;
}

/** Moves a campaign between running, paused and closed; false when there is no such campaign or it is closed already. */
export async function setCampaignStatus(db: Database, slug: string, status: CampaignStatus, now = new Date()): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('Campaign')
    .set({ status, ...(status === 'closed' ? { closedAt: now } : {}) })
    .where('slug', '=', slug)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** The (not closed) campaign a chat takes part in, if any. */
export async function campaignOfChat(db: Database, chatId: string): Promise<CampaignRow | null> {
  const row = await db
    .selectFrom('CampaignChat as m')
    .innerJoin('Campaign as k', 'k.id', 'm.campaignId')
    .select(CAMPAIGN_COLUMNS.map((c) => `k.${c}` as const))
    .where('m.chatId', '=', chatId)
    .where('m.leftAt', 'is', null)
    .where('k.status', '<>', 'closed')
    .executeTakeFirst();
  return row ? toCampaign(row) : null;
}

export type JoinOutcome =
  | { status: 'joined'; campaign: CampaignRow }
  | { status: 'already'; campaign: CampaignRow }
  | { status: 'busy'; other: string }
  | { status: 'unknown' }
  | { status: 'closed' };

/** A chat joins the campaign whose code this is; one campaign at a time. */
export async function joinByCode(db: Database, chatId: string, code: string, now = new Date()): Promise<JoinOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('Campaign').select(CAMPAIGN_COLUMNS).where('joinCode', '=', normalizeCode(code)).executeTakeFirst();
    if (!row) return { status: 'unknown' };
    const campaign = toCampaign(row);
    if (campaign.status === 'closed') return { status: 'closed' };
    const busy = await otherActiveCampaign(trx, chatId, campaign.id);
    if (busy) return { status: 'busy', other: busy };
    const member = await trx.selectFrom('CampaignChat').select(['id', 'leftAt']).where('campaignId', '=', campaign.id).where('chatId', '=', chatId).executeTakeFirst();
    if (member && member.leftAt === null) return { status: 'already', campaign };
    if (member) await trx.updateTable('CampaignChat').set({ leftAt: null, joinedAt: now, source: 'code' }).where('id', '=', member.id).execute();
    else await trx.insertInto('CampaignChat').values({ id: newId(), campaignId: campaign.id, chatId, source: 'code', joinedAt: now }).execute();
    return { status: 'joined', campaign };
  });
}

/** The chat leaves its campaign; the campaign left, or null when it was in none. */
export async function leaveCampaign(db: Database, chatId: string, now = new Date()): Promise<CampaignRow | null> {
  const campaign = await campaignOfChat(db, chatId);
  if (!campaign) return null;
  await db.updateTable('CampaignChat').set({ leftAt: now }).where('campaignId', '=', campaign.id).where('chatId', '=', chatId).execute();
  return campaign;
}

/** The chats taking part now, oldest member first. */
export async function memberChats(db: Database, campaignId: string): Promise<MemberChat[]> {
  const rows = await db
    .selectFrom('CampaignChat as m')
    .innerJoin('Chat as c', 'c.id', 'm.chatId')
    .select(['m.chatId', 'c.platform', 'c.externalId', 'c.title', 'm.source', 'm.joinedAt', 'm.milestone'])
    .where('m.campaignId', '=', campaignId)
    .where('m.leftAt', 'is', null)
    .orderBy('m.joinedAt')
    .execute();
  return rows.map((r) => ({ ...r, joinedAt: readDate(r.joinedAt) }));
}

/**
 * Records that `milestone` (percent) was announced in a chat: true for the one caller that should announce it (the
 * row's milestone was lower), so a milestone is announced once per chat, across restarts and processes.
 */
export async function claimMilestone(db: Database, campaignId: string, chatId: string, milestone: number): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('CampaignChat')
    .set({ milestone })
    .where('campaignId', '=', campaignId)
    .where('chatId', '=', chatId)
    .where('milestone', '<', milestone)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

export interface VoteStats {
  total: number;
  battles: number;
  byLanguage: Map<string, number>;
  byChat: Map<string, number>;
  byTopic: Map<string, number>;
}

/** Votes cast in a campaign's battles (identity leaks left out), overall and per language, chat and topic. */
export async function campaignVoteStats(db: Database, campaignId: string): Promise<VoteStats> {
  const rows = await db
    .selectFrom('Battle')
    .select(['language', 'chatId', 'topic', sql<number>`SUM("voteCount")`.as('votes'), sql<number>`COUNT(*)`.as('battles')])
    .where('campaignId', '=', campaignId)
    .where('identityLeak', '=', false)
    .groupBy(['language', 'chatId', 'topic'])
    .execute();
  const stats: VoteStats = { total: 0, battles: 0, byLanguage: new Map(), byChat: new Map(), byTopic: new Map() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const row of rows) {
    const votes = Number(row.votes ?? 0);
    stats.total += votes;
    stats.battles += Number(row.battles ?? 0);
    add(stats.byLanguage, row.language ?? 'und', votes);
    add(stats.byChat, row.chatId, votes);
    if (row.topic) add(stats.byTopic, row.topic, votes);
  }
  return stats;
}
