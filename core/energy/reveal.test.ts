// Energy at the reveal, end to end: models whose cards give parameter counts get an estimate stored on each reply
// (EcoLogits 0.9.1 from the tokens generated) and the closed ballot shows it per side with its equivalents and the
// method's name; a model without parameter counts gets no figure, stored or shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordingPort } from '../../test/fakes/recording-port';
import { createPnyx } from '../app';
import { createI18n } from '../i18n';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { estimateEnergy, replyEnergy } from './ecologits';
import { energyLines } from './reveal';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-energy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('energy lines', () => {
  const i18n = createI18n();
  const e8 = estimateEnergy({ totalParamsB: 8, activeParamsB: 8, outputTokens: 500 }, 'ecologits-0.8.2');
  const reply = { energyWh: e8.energyWh, co2eG: e8.co2eG, energyMethod: e8.method };

  it('shows each side with an estimate, its equivalents and the method version, in the reader’s language', () => {
    const en = energyLines(i18n.t('en'), { a: [reply], b: [] });
    expect(en).toBe(
      '⚡ **A**: 1.9 Wh, 1.2 g CO₂e ≈ a 5 W LED bulb for 22 minutes, or 2 minutes of video streaming\n' +
        'Energy estimated with EcoLogits 0.8.2 (world electricity mix; hardware included)',
    );
    const fr = energyLines(i18n.t('fr'), { a: [reply], b: [] });
    expect(fr).toContain('1,9 Wh, 1,2 g CO₂e ≈ une ampoule LED de 5 W allumée 22 minutes, ou 2 minutes de vidéo en streaming');
    expect(fr).toContain('EcoLogits 0.8.2');
  });

  it('adds up a side’s replies over the turns and says nothing without estimates', () => {
    expect(energyLines(i18n.t('en'), { a: [reply, reply], b: [reply] })).toContain('**A**: 3.8 Wh');
    expect(energyLines(i18n.t('en'), { a: [{ energyWh: null, co2eG: null, energyMethod: null }], b: [] })).toBe('');
  });
});

describe('a battle between models with parameter counts', () => {
  it('stores each reply’s estimate and shows it at the reveal', async () => {
    const models = DEMO_MODELS_CONFIG.models.slice(0, 2).map((m, i) => ({ ...m, ...(i === 0 ? { totalParamsB: 70 } : {}) }));
    const app = await createPnyx({
      config: { ...DEMO_MODELS_CONFIG, models, providers: { demo: { type: 'demo', tokensPerSecond: 0 } } },
      env: { DATABASE_URL: `file:${join(folder, 'energy.db')}`, LOG_LEVEL: 'silent' },
      sweepMs: 50,
    });
    try {
      const port = createRecordingPort('test');
      app.arena.attach(port);
      await app.arena.start();
      const chat = { platform: 'test', id: 'p1', kind: 'private' as const };
      const from = { platform: 'test', id: 'ada', locale: 'en' };
      const started = await app.arena.handle({ type: 'prompt', delivery: 'd1', chat, from, text: 'Why is the sky blue during the day?', addressed: true, messageRef: 'm1' });
      await started.done;
      await port.waitFor(() => port.messages.some((m) => m.current.buttons?.[0]?.[0]?.data.startsWith('v:')));
      const ballot = port.messages.find((m) => m.current.buttons?.[0]?.[0]?.data.startsWith('v:'))!;
      const voted = await app.arena.handle({ type: 'action', delivery: 'd2', chat, from, data: ballot.current.buttons![0]![0]!.data, privateReply: true });
      await voted.done;
      await port.waitFor(() => ballot.current.text.includes('Voting closed'));

      const replies = await app.db.kysely.selectFrom('Reply').select(['modelId', 'tokensOut', 'energyWh', 'co2eG', 'energyMethod']).execute();
      expect(replies).toHaveLength(2);
      const sized = replies.find((r) => r.modelId === models[0]!.id)!;
      const unsized = replies.find((r) => r.modelId === models[1]!.id)!;
      const expected = replyEnergy({ totalParamsB: 70 }, sized.tokensOut!)!;
      expect(sized.tokensOut).toBeGreaterThan(0);
      expect(sized.energyWh).toBeCloseTo(expected.energyWh, 9);
      expect(sized.co2eG).toBeCloseTo(expected.co2eG, 9);
      expect(sized.energyMethod).toBe('ecologits-0.9.1');
      expect(unsized).toMatchObject({ energyWh: null, co2eG: null, energyMethod: null });

      const battle = await app.db.kysely.selectFrom('Battle').select(['modelAId']).executeTakeFirstOrThrow();
      const side = battle.modelAId === models[0]!.id ? 'A' : 'B';
      const other = side === 'A' ? 'B' : 'A';
      expect(ballot.current.text).toMatch(new RegExp(`⚡ \\*\\*${side}\\*\\*: [0-9.]+ Wh, [0-9.]+ g CO₂e ≈ a 5 W LED bulb for \\d+ \\w+`));
      expect(ballot.current.text).not.toContain(`⚡ **${other}**`);
      expect(ballot.current.text).toContain('Energy estimated with EcoLogits 0.9.1');
    } finally {
      await app.close();
    }
  });
});
