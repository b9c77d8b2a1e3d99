// A campaign's judgments on a platform with few rows of buttons (five, like Discord's ephemeral messages) and buttons
// for one person in groups: the one screen of judgments never grows past the platform's rows; the rating alone is
// asked when labels and rating cannot both fit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingPort, type RecordedMessage, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import { validateSpec } from '../campaigns/spec';
import { applyCampaign } from '../campaigns/store';
import type { ChatAddress, Person } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-judgments-'));
let seq = 0;
const delivery = () => `d-${++seq}`;

describe('judgments within the platform\'s rows of buttons', () => {
  let app: PnyxApp;
  let port: RecordingPort;
  beforeAll(async () => {
    app = await createPnyx({
      config: { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } } },
      env: { DATABASE_URL: `file:${join(folder, 'pnyx.db')}`, LOG_LEVEL: 'silent' },
      sweepMs: 50,
    });
    port = createRecordingPort('test', { privateButtons: true, forms: true, maxButtonsPerRow: 5, maxButtonRows: 5 });
    app.arena.attach(port);
    await app.arena.start();
    const spec = validateSpec({
      slug: 'rows-27',
      title: { en: 'Rows 27' },
      languages: ['en'],
      judgments: { labels: ['spam', 'fails-task', 'wrong-language'], rating: true },
      chats: [{ platform: 'test', id: 'g-rows' }],
    });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    await applyCampaign(app.db.kysely, spec.spec);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('asks the rating alone when labels and rating do not fit, and stores a press', async () => {
    const chat: ChatAddress = { platform: 'test', id: 'g-rows', kind: 'group', title: 'Rows' };
    const ada: Person = { platform: 'test', id: 'ada', locale: 'en', displayName: 'ada' };
    const asked = await app.arena.handle({ type: 'prompt', delivery: delivery(), chat, from: ada, text: 'Why is the sea salty? Answer briefly.', addressed: true, messageRef: `m-${++seq}` });
    await asked.done;
    const isBallot = (m: RecordedMessage) => m.current.buttons?.[0]?.[0]?.data.startsWith('v:') ?? false;
    await port.waitFor(() => port.messages.some(isBallot));
    const ballot = port.messages.find(isBallot)!;
    const voted = await app.arena.handle({ type: 'action', delivery: delivery(), chat, from: ada, data: ballot.current.buttons![0]![0]!.data });
    await voted.done;
    const rows = voted.notice!.buttons!;
    expect(rows.length).toBeLessThanOrEqual(5);
    const judging = rows.flat().filter((b) => b.data.startsWith('j:'));
    expect(judging.map((b) => b.label)).toEqual(['A · 1★', 'A · 2★', 'A · 3★', 'A · 4★', 'A · 5★', 'B · 1★', 'B · 2★', 'B · 3★', 'B · 4★', 'B · 5★']);
    const pressed = await app.arena.handle({ type: 'action', delivery: delivery(), chat, from: ada, data: judging[7]!.data });
    expect(pressed.notice?.text).toBe('Noted: B rated 3/5.');
    expect(await app.db.kysely.selectFrom('Judgment').select(['side', 'key', 'value']).execute()).toEqual([{ side: 'b', key: 'rating', value: 3 }]);
    // Someone who did not vote cannot judge.
    const bob: Person = { platform: 'test', id: 'bob', locale: 'en', displayName: 'bob' };
    const refused = await app.arena.handle({ type: 'action', delivery: delivery(), chat, from: bob, data: judging[0]!.data });
    expect(refused.notice?.text).not.toMatch(/Noted/);
    expect(await app.db.kysely.selectFrom('Judgment').select('id').execute()).toHaveLength(1);
  });
});
