// People's rights through the core, on an in-memory platform: the consent notice once per person (across restarts),
// /privacy's opt-out button, the admins' publishing switch, /mydata's file, /forget's erasure, the optional profile.
// Each adapter's own end-to-end test (bots/*/privacy.test.ts) shows the same flows on the real platform clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRecordingPort, type RecordingPort } from '../../test/fakes/recording-port';
import { personTraces } from '../../test/person-traces';
import { createPnyx, type PnyxApp } from '../app';
import type { Ack, ChatAddress, Person, PersonalFile, PnyxEvent } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { encodeAction } from './actions';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-people-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const config = { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } }, battle: { reveal: { group: { after: 'votes', votes: 50 } } } };
let apps: PnyxApp[] = [];
afterEach(async () => {
  for (const app of apps) await app.close();
  apps = [];
});

/** A platform like Discord's or Slack's: private answers of 2,000 characters with buttons; optionally direct messages. */
async function start(dbName: string, options: { direct?: boolean; noticeChars?: number } = {}) {
  const app = await createPnyx({ config, env: { DATABASE_URL: `file:${join(folder, dbName)}`, LOG_LEVEL: 'silent' }, sweepMs: 50 });
  apps.push(app);
  const port: RecordingPort & { direct: Array<{ to: string; text: string; file?: PersonalFile }> } = Object.assign(
    createRecordingPort('test', { maxNoticeChars: options.noticeChars ?? 2000, privateButtons: true }),
    { direct: [] as Array<{ to: string; text: string; file?: PersonalFile }> },
  );
  if (options.direct) {
    port.sendDirect = async (to: Person, message: { text: string; file?: PersonalFile }) => {
      if (to.id.startsWith('unreachable')) return false;
      port.direct.push({ to: to.id, ...message });
      return true;
    };
  }
  app.arena.attach(port);
  await app.arena.start();
  return { app, port };
}

let seq = 0;
const group: ChatAddress = { platform: 'test', id: 'g1', kind: 'group', title: 'The group' };
const who = (id: string, locale = 'en'): Person => ({ platform: 'test', id, displayName: `Name ${id}`, locale });

async function send(app: PnyxApp, event: Omit<PnyxEvent, 'delivery'>): Promise<Omit<Ack, 'done'>> {
  const { done, ...ack } = await app.arena.handle({ delivery: `d${++seq}`, messageRef: `m${seq}`, ...event } as PnyxEvent);
  await done;
  return ack;
}
const prompt = (app: PnyxApp, chat: ChatAddress, from: Person, text: string, privateReply = true) =>
  send(app, { type: 'prompt', chat, from, text, addressed: true, privateReply } as Omit<PnyxEvent, 'delivery'>);
const press = (app: PnyxApp, chat: ChatAddress, from: Person, data: string, privateReply = true) => send(app, { type: 'action', chat, from, data, privateReply } as Omit<PnyxEvent, 'delivery'>);
const command = (app: PnyxApp, chat: ChatAddress, from: Person, name: string, privateReply = true) =>
  send(app, { type: 'command', chat, from, name, args: '', privateReply, isAdmin: async () => true } as Omit<PnyxEvent, 'delivery'>);

async function ballotOf(port: RecordingPort, chat: ChatAddress) {
  await port.waitFor(() => port.messages.some((m) => m.chat === chat.id && m.current.buttons?.[0]?.[0]?.data.startsWith('v:')));
  return port.messages.filter((m) => m.chat === chat.id && m.current.buttons?.[0]?.[0]?.data.startsWith('v:')).at(-1)!;
}
const userId = async (app: PnyxApp, id: string) => (await app.db.kysely.selectFrom('User').select('id').where('externalId', '=', id).executeTakeFirstOrThrow()).id;

describe('consent notice', () => {
  it('is shown once per person, in their language, and not again after a restart', async () => {
    let { app } = await start('consent.db');
    const first = await prompt(app, group, who('ana', 'fr'), 'Pourquoi le ciel est-il bleu ?');
    expect(first.notice!.text).toContain('Vos données dans Pnyx');
    expect(first.notice!.text).toContain('/privacy');
    expect(first.notice!.text).toContain('/forget');
    expect((await prompt(app, group, who('ana', 'fr'), 'Et la mer ?')).notice).toBeUndefined();
    await app.close();
    apps = [];
    ({ app } = await start('consent.db'));
    expect((await prompt(app, group, who('ana', 'fr'), 'Et les nuages ?')).notice).toBeUndefined();
  });

  it('comes with the first vote, after the vote’s answer; a refused prompt does not count', async () => {
    const { app, port } = await start('consent-vote.db');
    await prompt(app, group, who('starter'), 'Name three rivers in Europe.');
    const ballot = await ballotOf(port, group);
    const empty = await prompt(app, group, who('bob'), '   ');
    expect(empty.notice!.text).not.toContain('Pnyx stores');
    const voted = await press(app, group, who('bob'), ballot.current.buttons![0]![0]!.data);
    expect(voted.notice!.text).toMatch(/^You voted: A is better\.[\s\S]*\n\n🔒 \*\*About your data in Pnyx\*\*/);
    expect((await press(app, group, who('bob'), ballot.current.buttons![0]![1]!.data)).notice!.text).not.toContain('About your data');
  });

  it('goes by direct message when the event can only be answered in public, and waits when nobody can be reached', async () => {
    const { app, port } = await start('consent-direct.db', { direct: true });
    await prompt(app, group, who('carl'), 'What is a fjord?', false);
    expect(port.direct.map((d) => d.to)).toEqual(['carl']);
    expect(port.direct[0]!.text).toContain('About your data in Pnyx');
    await prompt(app, group, who('unreachable-dan'), 'What is a glacier?', false);
    expect(port.direct).toHaveLength(1);
    // Not recorded as shown: the next event with a private answer shows it.
    const dan = await app.db.kysely.selectFrom('User').select('consentedAt').where('externalId', '=', 'unreachable-dan').executeTakeFirstOrThrow();
    expect(dan.consentedAt).toBeNull();
    const ballot = await ballotOf(port, group);
    expect((await press(app, group, who('unreachable-dan'), ballot.current.buttons![1]![0]!.data)).notice!.text).toContain('About your data in Pnyx');
    // Nothing about anyone was posted in the group.
    expect(port.messages.filter((m) => m.chat === group.id).some((m) => /About your data|Pnyx stores/.test(m.current.text))).toBe(false);
  });
});

describe('/privacy and the publishing switch', () => {
  it('opts a person out of publication and back in with a button; admins allow publishing a chat', async () => {
    const { app, port } = await start('privacy.db');
    const eve = who('eve');
    const status = await command(app, group, eve, 'privacy');
    expect(status.notice!.text).toContain('Publication in open datasets: allowed where');
    expect(status.notice!.text).toContain("This chat: its data is not published.");
    const out = status.notice!.buttons!.flat().find((b) => b.label.includes('Keep my data out'))!;
    const pressed = await press(app, group, eve, out.data);
    expect(pressed.notice!.text).toBe('Done: nothing of yours will be published in an open dataset.');
    expect(pressed.replace!.text).toContain('you opted out');
    const row = () => app.db.kysely.selectFrom('User').select('publishOptOut').where('externalId', '=', 'eve').executeTakeFirstOrThrow();
    expect(Boolean((await row()).publishOptOut)).toBe(true);
    await press(app, group, eve, pressed.replace!.buttons!.flat()[0]!.data);
    expect(Boolean((await row()).publishOptOut)).toBe(false);

    // The admins' switch: off by default, on with a button of the settings menu.
    const menu = await command(app, group, who('admin'), 'settings');
    expect(menu.notice!.text).toContain("Publishing this chat's data in open datasets: not allowed");
    const toggle = menu.notice!.buttons!.flat().find((b) => b.data === encodeAction({ kind: 'setting', key: 'pub', value: '1' }))!;
    expect(toggle.label).toBe('Publish data: off');
    const changed = await send(app, { type: 'action', chat: group, from: who('admin'), data: toggle.data, privateReply: true, isAdmin: async () => true } as Omit<PnyxEvent, 'delivery'>);
    expect(changed.replace!.text).toContain("Publishing this chat's data in open datasets: allowed");
    const chat = await app.db.kysely.selectFrom('Chat').select('settings').where('externalId', '=', group.id).executeTakeFirstOrThrow();
    expect(JSON.parse(chat.settings).publishData).toBe(true);
    expect((await command(app, group, eve, 'privacy')).notice!.text).toContain('This chat: its admins allow publishing its data.');
    // A member who is not an admin cannot.
    const refused = await send(app, { type: 'action', chat: group, from: eve, data: toggle.data, privateReply: true, isAdmin: async () => false } as Omit<PnyxEvent, 'delivery'>);
    expect(refused.notice!.text).toContain('Only the chat');
    void port;
  });
});

describe('/mydata and /forget', () => {
  it('sends everything stored about the person privately, then erases it all and leaves nothing of them', async () => {
    const { app, port } = await start('forget.db', { direct: true });
    const zoe = { platform: 'test', id: 'zoe-48151623', displayName: 'Zoë Quintessa', locale: 'en' };
    const other = who('other');
    await prompt(app, group, zoe, 'Canary question: what is the airspeed of a swallow-7741?');
    const ballot = await ballotOf(port, group);
    await press(app, group, zoe, ballot.current.buttons![0]![0]!.data);
    await press(app, group, other, ballot.current.buttons![0]![1]!.data);
    const reply = port.messages.find((m) => m.chat === group.id && m.current.buttons?.[0]?.[0]?.data.startsWith('r:'))!;
    await press(app, group, zoe, reply.current.buttons![0]![0]!.data);
    await press(app, group, other, reply.current.buttons![0]![1]!.data);
    const battle = await app.db.kysely.selectFrom('Battle').selectAll().executeTakeFirstOrThrow();
    expect([battle.voteCount, battle.votesA, battle.votesB]).toEqual([2, 1, 1]);

    // /mydata: a JSON file with the notice, privately.
    const mine = await command(app, group, zoe, 'mydata');
    expect(mine.notice!.text).toBe('Here is everything Pnyx stores about you: 1 prompts, 1 votes, 1 reactions.');
    const data = JSON.parse(new TextDecoder().decode(mine.notice!.file!.bytes));
    expect(mine.notice!.file!.mime).toBe('application/json');
    expect(data.person).toMatchObject({ platformId: 'zoe-48151623', displayName: 'Zoë Quintessa' });
    expect(data.prompts[0].prompt).toContain('swallow-7741');
    expect(data.prompts[0].replies).toHaveLength(2);
    expect(data.prompts[0].replies.every((r: { model: unknown }) => r.model === null)).toBe(true); // still blind: not closed
    expect(data.votes).toMatchObject([{ choice: 'a' }]);
    expect(data.reactions).toMatchObject([{ kind: 'like' }]);
    // In public, without a private answer: by direct message, the chat learns nothing.
    const publicly = await command(app, group, zoe, 'mydata', false);
    expect(publicly.notice!.text).toBe('I sent you everything Pnyx stores about you in a private message.');
    expect(publicly.notice!.file).toBeUndefined();
    expect(port.direct.at(-1)!.file!.name).toMatch(/^pnyx-my-data-\d{4}-\d{2}-\d{2}\.json$/);

    // /forget: a confirmation with buttons, then erasure.
    const asked = await command(app, group, zoe, 'forget');
    expect(asked.notice!.text).toContain('Erase your data?');
    const all = asked.notice!.buttons!.flat().find((b) => b.label.includes('Erase everything'))!;
    const started = Date.now();
    const done = await press(app, group, zoe, all.data);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(done.notice!.text).toBe('Erased: 1 prompts, 2 replies, 1 votes, 1 reactions. Nothing of you is left in Pnyx.');
    await app.arena.stop();

    const acks = await app.db.kysely.selectFrom('Delivery').select('ack').execute();
    expect(acks.some((a) => a.ack?.includes('Here is everything'))).toBe(true);
    expect(acks.some((a) => a.ack?.includes('"file"'))).toBe(false);
    const id = (await app.db.kysely.selectFrom('User').select(['id']).where('erasedAt', 'is not', null).executeTakeFirstOrThrow()).id;
    const traces = await personTraces(app.db.kysely, id, ['zoe-48151623', 'Zoë Quintessa', 'swallow-7741']);
    expect(traces).toEqual({ rows: [], prompts: 0, votes: 0, reactions: 0 });
    // The other voter's vote stays, and the battle's counts no longer include Zoë's.
    const after = await app.db.kysely.selectFrom('Battle').selectAll().executeTakeFirstOrThrow();
    expect([after.voteCount, after.votesA, after.votesB]).toEqual([1, 0, 1]);
    expect(await app.db.kysely.selectFrom('Vote').select('choice').execute()).toEqual([{ choice: 'b' }]);
  });

  it('keeps the votes anonymously when the person chooses so, and a returning person starts afresh', async () => {
    const { app, port } = await start('forget-keep.db');
    const yan = { platform: 'test', id: 'yan-2718281', displayName: 'Yan Keepvotes', locale: 'en' };
    await prompt(app, group, who('starter'), 'Name a prime number larger than one hundred.');
    const ballot = await ballotOf(port, group);
    await press(app, group, yan, ballot.current.buttons![1]![0]!.data);
    await send(app, { type: 'submit', chat: group, from: yan, data: `f:y:${ballot.current.buttons![0]![0]!.data.split(':')[1]}`, values: { comment: 'Yan thinks so' }, privateReply: true } as Omit<PnyxEvent, 'delivery'>);
    const asked = await command(app, group, yan, 'forget');
    const keep = asked.notice!.buttons!.flat().find((b) => b.label.includes('keep my votes'))!;
    const done = await press(app, group, yan, keep.data);
    expect(done.notice!.text).toContain('1 votes were kept, anonymously.');
    const erased = await app.db.kysely.selectFrom('User').selectAll().where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(erased.externalId).toMatch(/^erased:/);
    expect(erased.displayName).toBeNull();
    const votes = await app.db.kysely.selectFrom('Vote').select(['voterId', 'choice', 'comment']).execute();
    expect(votes).toEqual([{ voterId: erased.id, choice: 'tie', comment: null }]);
    expect((await app.db.kysely.selectFrom('Battle').select('votesTie').executeTakeFirstOrThrow()).votesTie).toBe(1);
    const traces = await personTraces(app.db.kysely, erased.id, ['yan-2718281', 'Yan Keepvotes', 'Yan thinks so']);
    expect(traces.rows).toEqual([]);
    // Back again: a new row, told again.
    const back = await press(app, group, yan, ballot.current.buttons![0]![0]!.data);
    expect(back.notice!.text).toContain('About your data in Pnyx');
    expect(await userId(app, 'yan-2718281')).not.toBe(erased.id);
    // Cancel erases nothing.
    const again = await command(app, group, yan, 'forget');
    const cancel = again.notice!.buttons!.flat().find((b) => b.label === 'Cancel')!;
    expect((await press(app, group, yan, cancel.data)).notice!.text).toBe('Nothing was erased.');
  });
});

describe('optional profile', () => {
  it('is offered once after the third vote, skippable, and stored as bands', async () => {
    const { app, port } = await start('profile.db');
    const pia = who('pia');
    const offers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const chat: ChatAddress = { platform: 'test', id: `pg${i}`, kind: 'group' };
      await prompt(app, chat, who('starter'), `Question number ${i}: name a mountain.`);
      const ballot = await ballotOf(port, chat);
      const voted = await press(app, chat, pia, ballot.current.buttons![0]![0]!.data);
      offers.push(voted.notice!.buttons!.flat().some((b) => b.label === 'Answer a few questions') ? 'offer' : '-');
    }
    expect(offers).toEqual(['-', '-', 'offer', '-']);
    const start3 = encodeAction({ kind: 'me', key: 'prf', value: 'start' });
    let step = await press(app, group, pia, start3);
    expect(step.replace!.text).toBe('How old are you?');
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === '25–34')!.data);
    expect(step.replace!.text).toBe('Where do you live?');
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'Skip this question')!.data);
    expect(step.replace!.text).toMatch(/^Which languages/);
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'French')!.data);
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'English')!.data);
    expect(step.replace!.buttons!.flat().filter((b) => b.label.startsWith('•')).map((b) => b.label)).toEqual(['• English •', '• French •']);
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'Done')!.data);
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'Every week')!.data);
    step = await press(app, group, pia, step.replace!.buttons!.flat().find((b) => b.label === 'Accurate facts')!.data);
    expect(step.replace!.text).toContain('Thank you!');
    const row = await app.db.kysely.selectFrom('User').select('profile').where('externalId', '=', 'pia').executeTakeFirstOrThrow();
    expect(JSON.parse(row.profile!)).toEqual({ age: ['25-34'], lang: ['en', 'fr'], familiarity: ['weekly'], goal: ['factual'] });
    // A forged answer is refused.
    expect((await press(app, group, pia, encodeAction({ kind: 'me', key: 'prf', value: 'age.999' }))).notice!.text).toContain('no longer');
  });
});
