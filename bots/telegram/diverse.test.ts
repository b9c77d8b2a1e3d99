// A diverse campaign end to end: one model answers on both sides of the battle, each under a different stance as its
// system prompt (seen by the model server), the stances are stored with the battle, and the battle stays out of the
// model leaderboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign } from '../../core/campaigns/store';
import { readVoteCounts } from '../../core/ranking/readers/source-db';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { answerOf, battleFinished, newGroup, people, startTelegramHarness, voteData, type TelegramHarness } from './testing';

let openai: FakeOpenAIServer;
let h: TelegramHarness;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
  // Replies that name no model (a reply naming its model flags the battle as an identity leak, counted nowhere).
  for (const id of ['model-x', 'model-y']) openai.script(id, { text: 'Cars could stay outside, with more buses and bike lanes.' });
  h = await startTelegramHarness({
    closeAfterVotes: 1,
    models: {
      providers: { fake: { type: 'openai-compatible', baseURL: openai.url } },
      models: [
        { id: 'model-x', provider: 'fake' },
        { id: 'model-y', provider: 'fake' },
      ],
    },
  });
  const spec = validateSpec({
    slug: 'values-27',
    title: { en: 'Values 27' },
    languages: ['en'],
    mode: 'diverse',
    diverse: {
      stances: [
        { id: 'care', label: { en: 'Care' }, prompt: 'STANCE-CARE: put the well-being of others first.' },
        { id: 'liberty', label: { en: 'Liberty' }, prompt: 'STANCE-LIBERTY: put freedom of choice first.' },
      ],
    },
    joinCode: 'VALUES-27',
  });
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  await applyCampaign(h.app.db.kysely, spec.spec);
});
afterAll(async () => {
  await h?.close();
  await openai?.close();
});

describe('a diverse campaign', () => {
  it('gives each side a different stance as its system prompt, stores them, and keeps the battle off the model board', async () => {
    const group = newGroup();
    h.tg.setRole(group.id, people.dave.id, 'administrator');
    h.tg.userWrites(group, people.dave, '/arena join VALUES-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part/.test(m.text ?? '')), 10_000, 'joined');
    const asked = h.tg.userWrites(group, people.alice, '/arena Should our town ban cars from the centre?');
    const { ballot } = await battleFinished(h.tg, group, asked);
    await answerOf(h.tg, h.tg.userPresses(group, people.carol, ballot, voteData(ballot, 'a')));

    const [battle] = await h.app.db.kysely.selectFrom('Battle').select(['modelAId', 'modelBId', 'mode', 'stanceA', 'stanceB', 'voteCount']).execute();
    expect(battle!.mode).toBe('diverse');
    expect(battle!.modelAId).toBe(battle!.modelBId);
    expect(new Set([battle!.stanceA, battle!.stanceB])).toEqual(new Set(['care', 'liberty']));
    const systems = openai.requests
      .filter((r) => r.path === '/v1/chat/completions')
      .map((r) => ((r.body as { messages: Array<{ role: string; content: string }> }).messages.find((m) => m.role === 'system')?.content ?? '').split(':')[0]);
    expect(systems.sort()).toEqual(['STANCE-CARE', 'STANCE-LIBERTY']);
    // Voted, yet not counted for any model.
    expect(battle!.voteCount).toBe(1);
    expect((await readVoteCounts(h.app.db.kysely, {})).battles).toBe(0);
    // /campaign shows the board of stances: the side carol chose wins 1 of 1.
    const winner = battle!.stanceA === 'care' ? 'Care' : 'Liberty';
    const progress = h.tg.userWrites(group, people.bob, '/campaign');
    const gauge = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === progress.message_id), 10_000, 'the gauge');
    expect(gauge.caption ?? gauge.text).toContain(`1. ${winner} — wins 1 of 1`);
  });
});
