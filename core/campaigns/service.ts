// What the running arena asks about campaigns: which campaign a chat battles under (read again after a few seconds,
// so `npm run campaign -- pause` in another process is seen quickly), joins and leaves, progress numbers and
// milestone claims. One per process, over the same database as the store.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/db';
import type { CampaignSpec } from './spec';
import {
  campaignOfChat,
  campaignVoteStats,
  claimMilestone,
  getCampaign,
  joinByCode,
  leaveCampaign,
  listCampaigns,
  memberChats,
  type CampaignRow,
  type JoinOutcome,
  type MemberChat,
  type VoteStats,
} from './store';

/** How long a chat's campaign is remembered before it is read again. */
const TTL_MS = 3_000;

/** Votes per ordered pair of models in a campaign (for active pair choice). */
export interface PairTally {
  modelA: string;
  modelB: string;
  winsA: number;
  winsB: number;
  ties: number;
}

export interface CampaignService {
  /** The campaign (not closed) a chat takes part in. */
  ofChat(chatId: string): Promise<CampaignRow | null>;
  /** The campaign a new battle in this chat is tagged with: running and within its dates. */
  battlingUnder(chatId: string, now?: Date): Promise<(CampaignRow & { spec: CampaignSpec }) | null>;
  get(slugOrId: string): Promise<CampaignRow | null>;
  list(): Promise<CampaignRow[]>;
  join(chatId: string, code: string): Promise<JoinOutcome>;
  leave(chatId: string): Promise<CampaignRow | null>;
  stats(campaignId: string): Promise<VoteStats>;
  members(campaignId: string): Promise<MemberChat[]>;
  claimMilestone(campaignId: string, chatId: string, milestone: number): Promise<boolean>;
  pairTallies(campaignId: string): Promise<PairTally[]>;
  /** The database, for the ranking readers (per-language boards of a campaign). */
  db: Kysely<DB>;
}

export function createCampaignService(db: Kysely<DB>): CampaignService {
  const byChat = new Map<string, { at: number; row: Promise<CampaignRow | null> }>();
  const pairs = new Map<string, { at: number; rows: Promise<PairTally[]> }>();
  // Perf: most deployments run no campaign; one cheap query every few seconds spares every battle its lookup.
  let anyMember: { at: number; yes: Promise<boolean> } | undefined;
  const anyMembers = () => {
    if (!anyMember || Date.now() - anyMember.at > TTL_MS) {
      const yes = db.selectFrom('CampaignChat').select('id').where('leftAt', 'is', null).limit(1).executeTakeFirst().then((row) => row !== undefined);
      anyMember = { at: Date.now(), yes };
      yes.catch(() => (anyMember = undefined));
    }
    return anyMember.yes;
  };
  const ofChat = async (chatId: string): Promise<CampaignRow | null> => {
    if (!(await anyMembers())) return null;
    const cached = byChat.get(chatId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.row;
    const row = campaignOfChat(db, chatId);
    if (byChat.size > 10_000) byChat.clear();
    byChat.set(chatId, { at: Date.now(), row });
    row.catch(() => byChat.delete(chatId));
    return row;
  };
  const forget = (chatId: string) => {
    byChat.delete(chatId);
    anyMember = undefined;
  };
  return {
    db,
    ofChat,
    async battlingUnder(chatId, now = new Date()) {
      const campaign = await ofChat(chatId);
      if (!campaign?.spec || campaign.status !== 'running') return null;
      if ((campaign.startsAt && now < campaign.startsAt) || (campaign.endsAt && now >= campaign.endsAt)) return null;
      return campaign as CampaignRow & { spec: CampaignSpec };
    },
    get: (slugOrId) => getCampaign(db, slugOrId),
    list: () => listCampaigns(db),
    async join(chatId, code) {
      forget(chatId);
      return joinByCode(db, chatId, code);
    },
    async leave(chatId) {
      forget(chatId);
      return leaveCampaign(db, chatId);
    },
    stats: (campaignId) => campaignVoteStats(db, campaignId),
    members: (campaignId) => memberChats(db, campaignId),
    claimMilestone: (campaignId, chatId, milestone) => claimMilestone(db, campaignId, chatId, milestone),
    pairTallies(campaignId) {
      const cached = pairs.get(campaignId);
      if (cached && Date.now() - cached.at < 10_000) return cached.rows;
      const rows = db
        .selectFrom('Battle')
        .select([
          'modelAId as modelA',
          'modelBId as modelB',
          sql<number>`SUM("votesA")`.as('winsA'),
          sql<number>`SUM("votesB")`.as('winsB'),
          sql<number>`SUM("votesTie" + "votesBothBad")`.as('ties'),
        ])
        .where('campaignId', '=', campaignId)
        .where('identityLeak', '=', false)
        .where('mode', '<>', 'diverse')
        .groupBy(['modelAId', 'modelBId'])
        .execute()
        .then((list) => list.map((r) => ({ modelA: r.modelA, modelB: r.modelB, winsA: Number(r.winsA ?? 0), winsB: Number(r.winsB ?? 0), ties: Number(r.ties ?? 0) })));
      pairs.set(campaignId, { at: Date.now(), rows });
      rows.catch(() => pairs.delete(campaignId));
      return rows;
    },
  };
}
