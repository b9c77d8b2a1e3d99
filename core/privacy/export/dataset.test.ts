// The export end to end on the real database (SQLite and, with TEST_DATABASE_URL, PostgreSQL): what is left out, what
// is redacted, that nothing identifying leaves, that a second Parquet reader (DuckDB) and Pnyx's own file reader load
// the files, and that the leaderboard computed from the files alone is the one Pnyx computes from its database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLeaderboard } from '../../ranking/leaderboard';
import { canonicalCounts } from '../../ranking/math/counts';
import { readVoteCounts } from '../../ranking/readers/source-db';
import { readVotesFile } from '../../ranking/readers/source-file';
import { openDatabase, type Db } from '../../store/database';
import type { DB } from '../../store/db';
import { databaseCases } from '../../store/test-databases';
import { CLEAN_LINES, PII_LINES } from '../pii/corpus';
import { createPiiJudge } from '../pii/model-verdict';
import { screenBattles } from '../pii/screen-battles';
import { createPseudonymizer } from '../pseudonyms';
import { CONVERSATION_COLUMNS, REACTION_COLUMNS, VOTE_COLUMNS } from './columns';
import { exportDataset } from './dataset';

const SECRET = 'export-test-secret-0123456789';
const T0 = new Date('2026-11-01T10:00:00Z');

interface Seed {
  k: Kysely<DB>;
  n: number;
}

async function base(k: Kysely<DB>): Promise<void> {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  for (const id of ['alpha', 'beta', 'gamma', 'delta']) await k.insertInto('Model').values({ id, provider: 'test', displayName: id, ...stamps }).execute();
  for (let u = 0; u < 12; u++) {
    await k
      .insertInto('User')
      .values({
        id: `person-internal-${u}`,
        platform: 'telegram',
        externalId: `tg-external-${9000 + u}`,
        displayName: `Display Name ${u}`,
        publishOptOut: u === 10,
        erasedAt: u === 11 ? now : null,
        ...stamps,
      })
      .execute();
  }
  const chat = (id: string, platform: string, kind: string, publish: boolean | null) =>
    k
      .insertInto('Chat')
      .values({ id, platform, kind, externalId: `${id}-external-id`, title: `Secret title of ${id}`, settings: JSON.stringify(publish === null ? {} : { publishData: publish }), ...stamps })
      .execute();
  await chat('chat-open', 'telegram', 'group', true);
  await chat('chat-web', 'web', 'private', true);
  await chat('chat-closed', 'discord', 'group', false);
  await chat('chat-default', 'slack', 'group', null);
  await k.insertInto('Campaign').values({ id: 'campaign-1', slug: 'fr-2026', title: 'FR', createdAt: now }).execute();
}

async function battle(
  s: Seed,
  o: { a: string; b: string; votes: Array<[number, string, string[]?, string?]>; chat?: string; prompt?: string; replies?: [string, string]; initiator?: number; campaign?: string; status?: string; leak?: boolean; reactions?: Array<[number, 'a' | 'b', string, string[]?]> },
): Promise<string> {
  const id = `battle-${String(s.n++).padStart(5, '0')}`;
  const choices = o.votes.map((v) => v[1]);
  await s.k
    .insertInto('Battle')
    .values({
      id,
      token: id,
      chatId: o.chat ?? 'chat-open',
      initiatorId: `person-internal-${o.initiator ?? 0}`,
      modelAId: o.a,
      modelBId: o.b,
      language: 'fr',
      campaignId: o.campaign ?? null,
      status: o.status ?? 'closed',
      identityLeak: o.leak ?? false,
      voteCount: choices.length,
      votesA: choices.filter((c) => c === 'a').length,
      votesB: choices.filter((c) => c === 'b').length,
      votesTie: choices.filter((c) => c === 'tie').length,
      votesBothBad: choices.filter((c) => c === 'both_bad').length,
      openedAt: T0,
    })
    .execute();
  const turnId = `${id}-t0`;
  await s.k.insertInto('Turn').values({ id: turnId, battleId: id, index: 0, authorId: `person-internal-${o.initiator ?? 0}`, prompt: o.prompt ?? 'Bonjour', createdAt: T0 }).execute();
  const [ra, rb] = o.replies ?? ['Réponse A.', 'Réponse B.'];
  await s.k.insertInto('Reply').values({ id: `${id}-a`, turnId, side: 'a', modelId: o.a, text: ra, tokensOut: 10, createdAt: T0 }).execute();
  await s.k.insertInto('Reply').values({ id: `${id}-b`, turnId, side: 'b', modelId: o.b, text: rb, tokensOut: 12, createdAt: T0 }).execute();
  for (const [voter, choice, reasons, comment] of o.votes) {
    await s.k
      .insertInto('Vote')
      .values({ id: `${id}-v${voter}`, battleId: id, voterId: `person-internal-${voter}`, choice, reasons: JSON.stringify(reasons ?? []), comment: comment ?? null, createdAt: T0 })
      .execute();
  }
  for (const [user, side, kind, reasons] of o.reactions ?? []) {
    await s.k
      .insertInto('Reaction')
      .values({ id: `${id}-r${user}${side}`, replyId: `${id}-${side}`, userId: `person-internal-${user}`, kind, reasons: JSON.stringify(reasons ?? []), createdAt: T0, updatedAt: T0 })
      .execute();
  }
  return id;
}

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

for (const target of databaseCases()) {
  describe.skipIf(target.skip)(`export on ${target.name}`, () => {
    let db: Db;
    let out: string;
    const h = createPseudonymizer(SECRET, 'test-release');
    beforeAll(async () => {
      db = await openDatabase(await target.fresh());
      out = mkdtempSync(join(tmpdir(), 'pnyx-export-'));
      const s: Seed = { k: db.kysely, n: 0 };
      await base(s.k);
      // Clean conversations, with votes of every kind.
      for (const [i, line] of CLEAN_LINES.entries()) {
        await battle(s, {
          a: 'alpha',
          b: i % 2 ? 'beta' : 'gamma',
          prompt: line,
          votes: [
            [1, 'a', ['useful', 'creative'], 'A est plus clair'],
            [2, i % 3 ? 'b' : 'tie'],
            [3, 'both_bad', ['incorrect']],
            [10, 'a'],
            [11, 'b'],
          ],
          reactions: [
            [4, 'a', 'like', ['complete']],
            [10, 'b', 'dislike'],
          ],
        });
      }
      // Personal data: validator lines end up redacted, context lines suspect.
      for (const line of PII_LINES) await battle(s, { a: 'beta', b: 'gamma', prompt: line.text, votes: [[1, 'a', [], `merci, rappelle-moi au 06 12 34 56 78`]] });
      // In a reply too.
      await battle(s, { a: 'alpha', b: 'beta', prompt: 'Donne un exemple de contact', replies: ['Écrivez à jean.valjean@exemple.fr', 'Je ne peux pas.'], votes: [[1, 'b']] });
      // Left out: a chat that did not allow publishing, a chat that never said, an erased or opted-out author, a leak, an open battle.
      await battle(s, { a: 'alpha', b: 'delta', chat: 'chat-closed', prompt: 'discord secret prompt', votes: [[1, 'a']] });
      await battle(s, { a: 'alpha', b: 'delta', chat: 'chat-default', prompt: 'slack default prompt', votes: [[1, 'a']] });
      await battle(s, { a: 'alpha', b: 'delta', initiator: 11, prompt: 'prompt of an erased person', votes: [[1, 'a']] });
      await battle(s, { a: 'alpha', b: 'delta', initiator: 10, prompt: 'prompt of an opted-out person', votes: [[1, 'a']] });
      await battle(s, { a: 'alpha', b: 'delta', leak: true, prompt: 'leaky prompt', votes: [[1, 'a']] });
      await battle(s, { a: 'alpha', b: 'delta', status: 'open', prompt: 'still open prompt', votes: [[1, 'a']] });
      const judged = await battle(s, { a: 'alpha', b: 'beta', chat: 'chat-web', campaign: 'campaign-1', prompt: 'web campaign prompt', votes: [[5, 'a']] });
      // The campaign asked for judgments: the voter flagged A and rated both.
      for (const [side, key, value] of [['a', 'spam', 1], ['a', 'rating', 4], ['b', 'rating', 2]] as const) {
        await s.k.insertInto('Judgment').values({ id: `${judged}-j${side}${key}`, battleId: judged, userId: 'person-internal-5', side, key, value, createdAt: T0 }).execute();
      }
      // Screened by validators and heuristics, and by a model that flags one conversation the others missed.
      const judge = createPiiJudge({
        generate: async (messages) => (messages[1]!.content.includes('Marignan') ? '{"contains_pii": true, "category": "names"}' : '```json\n{"contains_pii": false}\n```'),
      });
      const screened = await screenBattles(db.kysely, { judge: { model: 'judge-model', judge } });
      expect(screened.unanalysed).toBe(0);
      await exportDataset({ db: db.kysely, out, pseudonym: h, licence: 'CC-BY-4.0', pageSize: 7, rowGroupSize: 10 });
    });
    afterAll(async () => {
      await db?.close();
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('leaks no canary, no raw id, display name or chat title into any file', () => {
      const files = ['conversations.jsonl', 'votes.jsonl', 'reactions.jsonl', 'battles.json', 'README.md', 'votes.parquet', 'conversations.parquet'];
      const text = files.map((f) => readFileSync(join(out, f)).toString('latin1') + readFileSync(join(out, f), 'utf8')).join('\n');
      for (const line of PII_LINES) for (const canary of line.canaries) expect(text, canary).not.toContain(canary);
      for (const secret of ['person-internal', 'tg-external', 'Display Name', 'Secret title', 'chat-open', 'external-id', '06 12 34 56 78', 'jean.valjean']) {
        expect(text, secret).not.toContain(secret);
      }
    });

    it('publishes clean lines exactly as written, and redacted ones with typed placeholders', () => {
      const conv = readJsonl(join(out, 'conversations.jsonl'));
      const openings = new Set(conv.map((c) => c.opening_msg));
      const judged = CLEAN_LINES.filter((l) => l.includes('Marignan'));
      for (const line of CLEAN_LINES) expect(openings.has(line), line).toBe(!judged.includes(line));
      expect(openings).toContain('Mon numéro : [PHONE], rappelle-moi ce soir.');
      expect(openings).toContain('Vire sur [IBAN] avant vendredi.');
      const reply = conv.find((c) => c.opening_msg === 'Donne un exemple de contact')!;
      expect(reply.conversation_a).toEqual([
        { role: 'user', content: 'Donne un exemple de contact' },
        { role: 'assistant', content: 'Écrivez à [EMAIL]' },
      ]);
      expect(reply.pii_screening).toBe('redacted');
      expect(reply.pii_model).toBe('judge-model');
      for (const c of conv) expect(['clean', 'redacted']).toContain(c.pii_screening);
      const comments = readJsonl(join(out, 'votes.jsonl')).map((v) => v.conv_comments_a).filter(Boolean);
      expect(comments).toContain('merci, rappelle-moi au [PHONE]');
    });

    it('leaves out unpublishable chats, erased and opted-out people, leaks, open and suspect battles', () => {
      const conv = readJsonl(join(out, 'conversations.jsonl'));
      const prompts = conv.map((c) => c.opening_msg as string);
      for (const p of ['discord secret prompt', 'slack default prompt', 'prompt of an erased person', 'prompt of an opted-out person', 'leaky prompt', 'still open prompt']) {
        expect(prompts).not.toContain(p);
      }
      expect(prompts).toContain('web campaign prompt');
      expect(conv.length).toBe(CLEAN_LINES.length - 1 + PII_LINES.filter((l) => l.layer === 'validator').length + 2);
      const votes = readJsonl(join(out, 'votes.jsonl'));
      const excludedVoters = [h('user', 'person-internal-10'), h('user', 'person-internal-11')];
      expect(votes.filter((v) => excludedVoters.includes(v.visitor_id as string))).toEqual([]);
      const reactions = readJsonl(join(out, 'reactions.jsonl'));
      expect(reactions.filter((r) => excludedVoters.includes(r.visitor_id as string))).toEqual([]);
      expect(reactions.length).toBe(CLEAN_LINES.length - 1);
      const sheet = readFileSync(join(out, 'README.md'), 'utf8');
      expect(sheet).toContain('Licence: **CC-BY-4.0**');
      expect(sheet).toMatch(/did not allow publishing: 2 battles/);
      expect(sheet).toMatch(/erased their data or opted out of publication: 2 battles they wrote in/);
      for (const c of [...VOTE_COLUMNS, ...CONVERSATION_COLUMNS, ...REACTION_COLUMNS]) expect(sheet).toContain(`| \`${c.name}\` |`);
    });

    it('votes carry compar:IA columns and reasons per side', () => {
      const votes = readJsonl(join(out, 'votes.jsonl'));
      const first = votes.find((v) => v.opening_msg === CLEAN_LINES[0] && v.chosen_model_name === 'alpha' && v.conv_comments_a)!;
      expect(first).toMatchObject({
        model_a_name: 'alpha',
        model_b_name: 'gamma',
        both_equal: false,
        both_bad: false,
        conv_useful_a: true,
        conv_creative_a: true,
        conv_useful_b: false,
        conv_comments_a: 'A est plus clair',
        conv_comments_b: null,
        platform: 'telegram',
        chat_kind: 'group',
        language: 'fr',
        conv_turns: 1,
      });
      const bothBad = votes.find((v) => v.both_bad === true)!;
      expect(bothBad).toMatchObject({ chosen_model_name: null, conv_incorrect_a: true, conv_incorrect_b: true });
      expect(votes.find((v) => v.opening_msg === 'web campaign prompt')).toMatchObject({
        campaign: 'fr-2026',
        platform: 'web',
        chat_kind: 'private',
        judgments_a: { labels: ['spam'], rating: 4 },
        judgments_b: { labels: [], rating: 2 },
      });
      // Votes the campaign asked nothing about carry no judgments.
      expect(first).toMatchObject({ judgments_a: null, judgments_b: null });
    });

    it('keeps one campaign with --campaign, and only later battles with --since', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pnyx-export-'));
      try {
        const campaign = await exportDataset({ db: db.kysely, out: dir, pseudonym: h, licence: 'CC-BY-4.0', campaign: 'fr-2026' });
        expect(campaign.conversations).toBe(1);
        expect(readJsonl(join(dir, 'votes.jsonl')).map((v) => v.opening_msg)).toEqual(['web campaign prompt']);
        expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('Campaign: fr-2026');
        const later = await exportDataset({ db: db.kysely, out: dir, pseudonym: h, licence: 'CC-BY-4.0', since: new Date(T0.getTime() + 1) });
        expect(later).toMatchObject({ conversations: 0, votes: 0, reactions: 0 });
        await expect(exportDataset({ db: db.kysely, out: dir, pseudonym: h, licence: 'CC-BY-4.0', campaign: 'nope' })).rejects.toThrow('unknown campaign "nope"');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('Parquet files read back in DuckDB with the expected schema and rows', async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        for (const [table, columns] of [
          ['votes', VOTE_COLUMNS],
          ['conversations', CONVERSATION_COLUMNS],
          ['reactions', REACTION_COLUMNS],
        ] as const) {
          const file = join(out, `${table}.parquet`).replace(/'/g, "''");
          const described = (await (await connection.run(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjects()) as Array<{ column_name: string; column_type: string }>;
          const expected = columns.map((c) => [c.name, { STRING: 'VARCHAR', JSON: 'VARCHAR', BOOLEAN: 'BOOLEAN', INT32: 'INTEGER', DOUBLE: 'DOUBLE', TIMESTAMP: 'TIMESTAMP' }[c.type]]);
          expect(described.map((d) => [d.column_name, d.column_type.replace(/ WITH TIME ZONE/, '')])).toEqual(expected);
          const count = (await (await connection.run(`SELECT COUNT(*)::INTEGER AS n FROM read_parquet('${file}')`)).getRowObjects())[0]!.n;
          expect(count).toBe(readJsonl(join(out, `${table}.jsonl`)).length);
        }
        const rows = await (await connection.run(`SELECT chosen_model_name, count(*)::INTEGER AS n FROM read_parquet('${join(out, 'votes.parquet')}') GROUP BY 1 ORDER BY 1 NULLS FIRST`)).getRowObjects();
        const fromJsonl = new Map<string | null, number>();
        for (const v of readJsonl(join(out, 'votes.jsonl'))) fromJsonl.set(v.chosen_model_name as string | null, (fromJsonl.get(v.chosen_model_name as string | null) ?? 0) + 1);
        expect(new Map(rows.map((r) => [r.chosen_model_name as string | null, r.n as number]))).toEqual(fromJsonl);
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    });
  });

  describe.skipIf(target.skip)(`leaderboard from an export on ${target.name}`, () => {
    let db: Db;
    let out: string;
    beforeAll(async () => {
      db = await openDatabase(await target.fresh());
      out = mkdtempSync(join(tmpdir(), 'pnyx-export-'));
      const s: Seed = { k: db.kysely, n: 0 };
      await base(s.k);
      // Everything publishable: 4 models, 300 battles of 1–4 votes drawn from fixed strengths (deterministic).
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const models = ['alpha', 'beta', 'gamma', 'delta'];
      const strength: Record<string, number> = { alpha: 3, beta: 2, gamma: 1.2, delta: 0.7 };
      for (let i = 0; i < 300; i++) {
        const a = models[Math.floor(rand() * 4)]!;
        let b = models[Math.floor(rand() * 4)]!;
        if (a === b) b = models[(models.indexOf(a) + 1) % 4]!;
        const votes: Array<[number, string]> = [];
        const voters = 1 + Math.floor(rand() * 4);
        for (let v = 0; v < voters; v++) {
          const r = rand();
          const pa = strength[a]! / (strength[a]! + strength[b]!);
          votes.push([v, r < 0.1 ? 'tie' : r < 0.15 ? 'both_bad' : rand() < pa ? 'a' : 'b']);
        }
        await battle(s, { a, b, votes, prompt: `Question numéro ${i}` });
      }
      await screenBattles(db.kysely);
      await exportDataset({ db: db.kysely, out, pseudonym: createPseudonymizer(SECRET), licence: 'CC-BY-4.0' });
    });
    afterAll(async () => {
      await db?.close();
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('equals the live one, from votes.jsonl, battles.json and votes.parquet alone', async () => {
      const options = { bootstrap: 200, seed: 11, now: () => T0 };
      // The database and a file meet battles in different orders; the board is computed on the canonical order of
      // the same cells, so that the bootstrap draws the same battles.
      const dbCounts = await readVoteCounts(db.kysely);
      const live = computeLeaderboard(canonicalCounts(dbCounts), options);
      expect(live.models.length).toBe(4);
      expect(live.votes).toBeGreaterThan(300);
      for (const file of ['votes.jsonl', 'battles.json']) {
        const fromFile = await readVotesFile(join(out, file));
        expect(fromFile.malformed.count).toBe(0);
        expect(computeLeaderboard(canonicalCounts(fromFile.counts), options), file).toEqual(live);
        // Without the canonical order, only the bootstrap's draws differ: the fitted scores and ranks are the same.
        const raw = computeLeaderboard(fromFile.counts, options);
        const rawLive = computeLeaderboard(dbCounts, options);
        for (const m of rawLive.models) {
          const other = raw.models.find((x) => x.model === m.model)!;
          expect(other.score).toBeCloseTo(m.score!, 9);
          expect(other.votes).toBe(m.votes);
        }
      }
      // The Parquet file through another reader (hyparquet), turned back into JSONL for the same parser.
      const buffer = readFileSync(join(out, 'votes.parquet'));
      const rows = await parquetReadObjects({ file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(out, 'from-parquet.jsonl'), rows.map((r) => JSON.stringify({ ...r, timestamp: String(r.timestamp) })).join('\n'));
      expect(computeLeaderboard(canonicalCounts((await readVotesFile(join(out, 'from-parquet.jsonl'))).counts), options)).toEqual(live);
    });
  });
}
