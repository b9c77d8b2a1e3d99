// Chats, people and model cards: rows the engine caches and writes rarely, so only the lookups by platform id and the
// upserts of a first contact are prepared; the rest is built per call.
import type { ChatAddress, Person } from '../../port/types';
import type { ModelCard } from '../../providers/types';
import type { Db } from '../database';
import { isUniqueViolation } from '../database';
import { newId } from '../ids';
import { prepare } from '../prepared';
import { modelData, toChatRow, toUserRow } from '../rows';
import type { BattleStore } from '../types';

type ChatMethods = 'upsertChat' | 'getChatByAddress' | 'updateChat' | 'getChat' | 'moveChat' | 'chatSchedule' | 'setChatSchedule';
type PeopleMethods = 'upsertUser' | 'syncModels' | 'voteCountsByModel';

export function chatStore({ kysely: db }: Db): Pick<BattleStore, ChatMethods> {
  // The locale stays as the chat's admins set it; kind follows the platform; a title or space that the platform did not
  // report this time (never null when reported) stays as it was.
  const upsertChat = prepare(
    (p: { id: string; platform: string; externalId: string; kind: string; title: string | null; locale: string | null; space: string | null; now: Date }) =>
      db
        .insertInto('Chat')
        .values({ id: p.id, platform: p.platform, externalId: p.externalId, kind: p.kind, title: p.title, locale: p.locale, space: p.space, createdAt: p.now, updatedAt: p.now })
        .onConflict((oc) =>
          oc.columns(['platform', 'externalId']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            title: eb.fn.coalesce('excluded.title', 'Chat.title'),
            space: eb.fn.coalesce('excluded.space', 'Chat.space'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .returningAll(),
  );
  const chatByAddress = prepare((p: { platform: string; externalId: string }) =>
    db.selectFrom('Chat').selectAll().where('platform', '=', p.platform).where('externalId', '=', p.externalId),
  );
  const chatById = prepare((p: { id: string }) => db.selectFrom('Chat').selectAll().where('id', '=', p.id));
  // The unique (platform, externalId) decides a race with a chat created under the new id meanwhile.
  const moveChat = prepare((p: { platform: string; from: string; to: string; now: Date }) =>
    db
      .updateTable('Chat')
      .set({ externalId: p.to, updatedAt: p.now })
      .where('platform', '=', p.platform)
      .where('externalId', '=', p.from)
      .where(({ not, exists, selectFrom, lit }) =>
        not(exists(selectFrom('Chat as taken').select(lit(1).as('one')).where('taken.platform', '=', p.platform).where('taken.externalId', '=', p.to))),
      )
      .returningAll(),
  );
  const chatSchedule = prepare((p: { chatId: string }) =>
    db
      .selectFrom('Schedule')
      .select(['cron', 'timezone'])
      .where('chatId', '=', p.chatId)
      .where('campaignId', 'is', null)
      .where('enabled', '=', true)
      .orderBy('createdAt', 'desc')
      .limit(1),
  );

  return {
    async upsertChat(chat: ChatAddress) {
      // Nearly every event comes from a chat stored as the platform describes it now: then one read, no write (a write
      // per event rewrote the row, a WAL record and a commit on PostgreSQL, SQLite's one writer taken on SQLite).
      const { rows: known } = await db.executeQuery(chatByAddress({ platform: chat.platform, externalId: chat.id }));
      const row = known[0];
      if (row && row.kind === chat.kind && (chat.title == null || chat.title === row.title) && (chat.space == null || chat.space === row.space)) {
        return toChatRow(row);
      }
      const values = { id: newId(), platform: chat.platform, externalId: chat.id, kind: chat.kind, title: chat.title ?? null, locale: chat.locale ?? null, space: chat.space ?? null, now: new Date() };
      const { rows } = await db.executeQuery(upsertChat(values));
      return toChatRow(rows[0]!);
    },

    async getChatByAddress(platform, externalId) {
      const { rows } = await db.executeQuery(chatByAddress({ platform, externalId }));
      return rows[0] ? toChatRow(rows[0]) : null;
    },

    async getChat(chatId) {
      const { rows } = await db.executeQuery(chatById({ id: chatId }));
      return rows[0] ? toChatRow(rows[0]) : null;
    },

    async updateChat(chatId, patch) {
      // Settings change by hand, seldom: built per call, setting only what the patch names.
      const row = await db
        .updateTable('Chat')
        .set({
          ...(patch.settings !== undefined ? { settings: patch.settings } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          updatedAt: new Date(),
        })
        .where('id', '=', chatId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new Error(`chat ${chatId} does not exist`);
      return toChatRow(row);
    },

    async moveChat(platform, from, to) {
      try {
        const { rows } = await db.executeQuery(moveChat({ platform, from, to, now: new Date() }));
        return rows[0] ? toChatRow(rows[0]) : null;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async chatSchedule(chatId) {
      const { rows } = await db.executeQuery(chatSchedule({ chatId }));
      return rows[0] ?? null;
    },

    async setChatSchedule(chatId, schedule) {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('Schedule').where('chatId', '=', chatId).where('campaignId', 'is', null).execute();
        if (schedule) {
          await tx.insertInto('Schedule').values({ id: newId(), chatId, cron: schedule.cron, timezone: schedule.timezone, createdAt: new Date() }).execute();
        }
      });
    },
  };
}

export function peopleStore({ kysely: db }: Db): Pick<BattleStore, PeopleMethods> {
  // A display name or locale the platform did not report this time (never null when reported) stays as it was.
  const upsertUser = prepare((p: { id: string; platform: string; externalId: string; displayName: string | null; locale: string | null; now: Date }) =>
    db
      .insertInto('User')
      .values({ id: p.id, platform: p.platform, externalId: p.externalId, displayName: p.displayName, locale: p.locale, createdAt: p.now, updatedAt: p.now })
      .onConflict((oc) =>
        oc.columns(['platform', 'externalId']).doUpdateSet((eb) => ({
          displayName: eb.fn.coalesce('excluded.displayName', 'User.displayName'),
          locale: eb.fn.coalesce('excluded.locale', 'User.locale'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .returning(['id', 'platform', 'externalId', 'locale', 'consent', 'consentedAt', 'publishOptOut', 'profileAskedAt']),
  );
  return {
    async upsertUser(person: Person) {
      const values = { id: newId(), platform: person.platform, externalId: person.id, displayName: person.displayName ?? null, locale: person.locale ?? null, now: new Date() };
      const { rows } = await db.executeQuery(upsertUser(values));
      return toUserRow(rows[0]!);
    },

    async syncModels(cards: ModelCard[]) {
      if (cards.length === 0) return;
      const now = new Date();
      // One statement; PostgreSQL refuses one that updates a row twice, so a card listed twice counts once (the last).
      const unique = [...new Map(cards.map((card) => [card.id, card])).values()];
      await db
        .insertInto('Model')
        .values(unique.map((card) => ({ id: card.id, ...modelData(card), createdAt: now, updatedAt: now })))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            provider: eb.ref('excluded.provider'),
            displayName: eb.ref('excluded.displayName'),
            organisation: eb.ref('excluded.organisation'),
            licence: eb.ref('excluded.licence'),
            totalParamsB: eb.ref('excluded.totalParamsB'),
            activeParamsB: eb.ref('excluded.activeParamsB'),
            demo: eb.ref('excluded.demo'),
            enabled: eb.ref('excluded.enabled'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .execute();
    },

    async voteCountsByModel() {
      // Battle.voteCount is the counted votes of each battle; summed per model on both sides, flagged battles left out.
      // A scan of every battle, asked for every few seconds at most: built per call rather than prepared, so that on
      // PostgreSQL it runs on a pooled connection and never holds up the statements queued on a pipelined one.
      const rows = await db
        .selectFrom((qb) =>
          qb
            .selectFrom('Battle')
            .select(['modelAId as modelId', 'voteCount as votes'])
            .where('identityLeak', '=', false)
            .where('voteCount', '>', 0)
            .unionAll(qb.selectFrom('Battle').select(['modelBId as modelId', 'voteCount as votes']).where('identityLeak', '=', false).where('voteCount', '>', 0))
            .as('sides'),
        )
        .select((eb) => ['modelId', eb.fn.sum<number>('votes').as('votes')])
        .groupBy('modelId')
        .execute();
      return new Map(rows.map((row) => [row.modelId, Number(row.votes)]));
    },
  };
}
