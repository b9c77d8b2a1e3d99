// A chat that collects prompts in some languages only (a campaign's chats): a prompt in another language gets a
// polite hint in the person's language, naming the accepted ones, and no battle; prompts in an accepted language, and
// prompts too short or too code-like to tell, start battles that record their language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingPort, type RecordingPort } from '../../test/fakes/recording-port';
import { createPnyx, type PnyxApp } from '../app';
import type { ChatAddress, Person } from '../port/types';
import { DEMO_MODELS_CONFIG } from '../providers/registry';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-language-gate-'));
let app: PnyxApp;
let port: RecordingPort;
let seq = 0;

beforeAll(async () => {
  app = await createPnyx({
    config: { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: 0 } } },
    env: { DATABASE_URL: `file:${join(folder, 'pnyx.db')}`, LOG_LEVEL: 'silent' },
  });
  port = createRecordingPort('test');
  app.arena.attach(port);
  await app.arena.start();
});
afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const group: ChatAddress = { platform: 'test', id: 'campaign-group', kind: 'group', title: 'Campagne' };
const jonas: Person = { platform: 'test', id: 'jonas', displayName: 'Jonas', locale: 'de' };
const layla: Person = { platform: 'test', id: 'layla', displayName: 'Layla', locale: 'ar' };

/** Sends a prompt; returns what the person was told and the battle it started, if any. */
async function ask(from: Person, text: string) {
  const delivery = `d-${++seq}`;
  const { done, ...ack } = await app.arena.handle({ type: 'prompt', delivery, chat: group, from, text, addressed: true, messageRef: `m-${seq}`, privateReply: true, isAdmin: async () => false });
  await done;
  return { notice: ack.notice?.text, battle: await app.store.getBattleByDelivery(`test:${delivery}`) };
}

describe('languages a chat collects prompts in', () => {
  beforeAll(async () => {
    const chat = await app.store.upsertChat(group);
    await app.store.updateChat(chat.id, { settings: JSON.stringify({ languages: ['fr', 'ar'] }) });
  });

  it('answers a prompt in another language with a hint in the person\'s language, and starts no battle', async () => {
    const before = port.messages.filter((m) => m.chat === group.id).length;
    const german = await ask(jonas, 'Can you explain how vaccines train the immune system to recognise a virus?');
    expect(german.battle).toBeNull();
    expect(german.notice).toBe('🌍 Dieser Chat sammelt Prompts auf Französisch oder Arabisch, und deiner scheint auf Englisch zu sein. Schreib ihn bitte auf Französisch oder Arabisch, um ein Duell zu starten.');
    const arabic = await ask(layla, 'Kannst du mir erklären, wie eine Wärmepumpe im Winter funktioniert?');
    expect(arabic.battle).toBeNull();
    expect(arabic.notice!.replace(/[\u2066-\u2069]/g, '')).toBe('🌍 تجمع هذه المحادثة الطلبات باللغة الفرنسية أو العربية، ويبدو أن طلبك باللغة الألمانية. يُرجى كتابته باللغة الفرنسية أو العربية لبدء مواجهة.');
    // Nothing was posted in the chat for either.
    expect(port.messages.filter((m) => m.chat === group.id)).toHaveLength(before);
  });

  it('starts battles for prompts in an accepted language, recording it', async () => {
    const french = await ask(jonas, "Tu peux m'expliquer pourquoi le ciel est bleu le jour et rouge le soir ?");
    // A person's first act brings the consent notice (core/engine/consent.ts); what matters here: no language hint.
    expect(french.notice ?? '').not.toContain('🌍');
    expect(french.battle?.language).toBe('fr');
    const arabic = await ask(layla, 'هل يمكنك أن تشرح لي لماذا السماء زرقاء في النهار؟');
    expect(arabic.battle?.language).toBe('ar');
  });

  it('does not refuse what it cannot tell: short prompts and code start battles, their language undetermined', async () => {
    const short = await ask(jonas, 'Hello there');
    expect(short.notice).toBeUndefined();
    expect(short.battle).not.toBeNull();
    expect(short.battle!.language).toBeNull();
    const code = await ask(jonas, 'def fibonacci(n):\n    if n < 2:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)');
    expect(code.battle).not.toBeNull();
    expect(code.battle!.language).toBeNull();
  });
});
