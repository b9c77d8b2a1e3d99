// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs (npm run db:generate) — do not edit.
// The tables as Prisma's migrations create them, for Kysely. Booleans read as true/false on PostgreSQL and 1/0 on
// SQLite, dates as Date on PostgreSQL and ISO-8601 text on SQLite; both are written as boolean and Date (the drivers,
// core/store/sqlite-driver.ts and pg-driver.ts, encode them as Prisma did). core/store/rows.ts reads either form.

import type { ColumnType, Generated } from 'kysely';

export interface UserTable {
  id: string;
  platform: string;
  externalId: string;
  displayName: string | null;
  locale: string | null;
  consent: Generated<string>;
  consentAt: ColumnType<Date | string | null, Date | null, Date | null>;
  consentedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  publishOptOut: ColumnType<boolean | number, boolean | undefined, boolean>;
  erasedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  profile: string | null;
  profileAskedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  createdAt: ColumnType<Date | string, Date, Date>;
  updatedAt: ColumnType<Date | string, Date, Date>;
}

export interface ChatTable {
  id: string;
  platform: string;
  externalId: string;
  title: string | null;
  kind: Generated<string>;
  locale: string | null;
  timezone: string | null;
  settings: Generated<string>;
  enabled: ColumnType<boolean | number, boolean | undefined, boolean>;
  space: string | null;
  createdAt: ColumnType<Date | string, Date, Date>;
  updatedAt: ColumnType<Date | string, Date, Date>;
}

export interface ModelTable {
  id: string;
  provider: string;
  displayName: string;
  organisation: string | null;
  licence: string | null;
  totalParamsB: number | null;
  activeParamsB: number | null;
  demo: ColumnType<boolean | number, boolean | undefined, boolean>;
  enabled: ColumnType<boolean | number, boolean | undefined, boolean>;
  createdAt: ColumnType<Date | string, Date, Date>;
  updatedAt: ColumnType<Date | string, Date, Date>;
}

export interface CampaignTable {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  languages: Generated<string>;
  goalVotes: number | null;
  startsAt: ColumnType<Date | string | null, Date | null, Date | null>;
  endsAt: ColumnType<Date | string | null, Date | null, Date | null>;
  createdAt: ColumnType<Date | string, Date, Date>;
  status: Generated<string>;
  spec: Generated<string>;
  joinCode: string | null;
  closedAt: ColumnType<Date | string | null, Date | null, Date | null>;
}

export interface CampaignChatTable {
  id: string;
  campaignId: string;
  chatId: string;
  source: Generated<string>;
  joinedAt: ColumnType<Date | string, Date, Date>;
  leftAt: ColumnType<Date | string | null, Date | null, Date | null>;
  milestone: Generated<number>;
}

export interface BattleTable {
  id: string;
  token: string;
  delivery: string | null;
  chatId: string;
  initiatorId: string;
  modelAId: string;
  modelBId: string;
  mode: Generated<string>;
  language: string | null;
  campaignId: string | null;
  topic: string | null;
  stanceA: string | null;
  stanceB: string | null;
  status: Generated<string>;
  identityLeak: ColumnType<boolean | number, boolean | undefined, boolean>;
  leakTerms: string | null;
  failure: string | null;
  voteCount: Generated<number>;
  categories: string | null;
  thread: string | null;
  leaseOwner: string | null;
  leaseUntil: ColumnType<Date | string | null, Date | null, Date | null>;
  votesA: Generated<number>;
  votesB: Generated<number>;
  votesTie: Generated<number>;
  votesBothBad: Generated<number>;
  piiVerdict: string | null;
  piiReason: string | null;
  piiModel: string | null;
  piiCheckedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  purgedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  openedAt: ColumnType<Date | string, Date, Date>;
  closesAt: ColumnType<Date | string | null, Date | null, Date | null>;
  closedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  ranked: ColumnType<boolean | number, boolean | undefined, boolean>;
  resumes: Generated<number>;
}

export interface TurnTable {
  id: string;
  battleId: string;
  index: number;
  authorId: string;
  prompt: string;
  createdAt: ColumnType<Date | string, Date, Date>;
}

export interface ReplyTable {
  id: string;
  turnId: string;
  side: string;
  modelId: string;
  text: Generated<string>;
  tokensIn: number | null;
  tokensOut: number | null;
  ttftMs: number | null;
  latencyMs: number | null;
  finishReason: string | null;
  error: string | null;
  costUsd: number | null;
  energyWh: number | null;
  co2eG: number | null;
  energyMethod: string | null;
  createdAt: ColumnType<Date | string, Date, Date>;
  finishedAt: ColumnType<Date | string | null, Date | null, Date | null>;
}

export interface VoteTable {
  id: string;
  battleId: string;
  voterId: string;
  choice: string;
  reasons: Generated<string>;
  comment: string | null;
  turn: number | null;
  blindChoice: string | null;
  changedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  createdAt: ColumnType<Date | string, Date, Date>;
}

export interface JudgmentTable {
  id: string;
  battleId: string;
  userId: string;
  side: string;
  key: string;
  value: number;
  createdAt: ColumnType<Date | string, Date, Date>;
}

export interface ReactionTable {
  id: string;
  replyId: string;
  userId: string;
  kind: string;
  reasons: Generated<string>;
  comment: string | null;
  createdAt: ColumnType<Date | string, Date, Date>;
  updatedAt: ColumnType<Date | string, Date, Date>;
}

export interface MessageRefTable {
  id: string;
  battleId: string;
  chatId: string;
  ref: string;
  role: string;
  turn: number | null;
  part: Generated<number>;
  createdAt: ColumnType<Date | string, Date, Date>;
}

export interface ScheduleTable {
  id: string;
  chatId: string | null;
  campaignId: string | null;
  cron: string;
  timezone: Generated<string>;
  options: Generated<string>;
  enabled: ColumnType<boolean | number, boolean | undefined, boolean>;
  createdAt: ColumnType<Date | string, Date, Date>;
}

export interface ScheduleRunTable {
  id: string;
  scheduleId: string;
  dueAt: ColumnType<Date | string, Date, Date>;
  status: Generated<string>;
  claimedAt: ColumnType<Date | string, Date, Date>;
  postedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  error: string | null;
}

export interface DeliveryTable {
  key: string;
  claimedAt: ColumnType<Date | string, Date, Date>;
  completedAt: ColumnType<Date | string | null, Date | null, Date | null>;
  ack: string | null;
  payload: string | null;
  owner: string | null;
  leaseUntil: ColumnType<Date | string | null, Date | null, Date | null>;
}

export interface DB {
  User: UserTable;
  Chat: ChatTable;
  Model: ModelTable;
  Campaign: CampaignTable;
  CampaignChat: CampaignChatTable;
  Battle: BattleTable;
  Turn: TurnTable;
  Reply: ReplyTable;
  Vote: VoteTable;
  Judgment: JudgmentTable;
  Reaction: ReactionTable;
  MessageRef: MessageRefTable;
  Schedule: ScheduleTable;
  ScheduleRun: ScheduleRunTable;
  Delivery: DeliveryTable;
}
