// The ChatPort against the fake Bot API, through grammY's real Api and the auto-retry transformer.
import { Bot } from 'grammy';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../core/port/types';
import { startFakeTelegram, type FakeTelegram } from '../../test/fakes/telegram-api';
import { createPresenter } from '../../core/engine/presenter';
import { portContract } from '../../test/port-contract';
import { createTelegramPort, type TelegramPort } from './port';
import { createOutageMonitor, retryTransformer } from './retry';

portContract('telegram', async () => {
  const fake = await startFakeTelegram();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.api.config.use(retryTransformer(createOutageMonitor(pino({ level: 'silent' })), { giveUpAfterMs: 20_000 }));
  const contractPort = createTelegramPort(bot.api, pino({ level: 'silent' }));
  const group: ChatAddress = { platform: 'telegram', id: '-4242', kind: 'group', title: 'Contract' };
  return {
    port: contractPort,
    chat: group,
    async shown(ref) {
      const message = fake.message(Number(group.id), Number(ref));
      if (!message) return undefined;
      return { text: message.text ?? message.caption ?? '', buttons: (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.callback_data ?? '')) };
    },
    close: () => fake.stop(),
  };
});

let tg: FakeTelegram;
let port: TelegramPort;
const logs: Array<{ level: number; msg: string }> = [];

beforeAll(async () => {
  tg = await startFakeTelegram();
  const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
  bot.api.config.use(retryTransformer(createOutageMonitor(pino({ level: 'silent' })), { giveUpAfterMs: 20_000 }));
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  port = createTelegramPort(bot.api, log);
});
afterAll(async () => {
  await tg?.stop();
});
beforeEach(() => {
  logs.length = 0;
});

let nextChat = 100;
const chat = (kind: 'private' | 'group' = 'private'): ChatAddress => {
  const id = kind === 'private' ? nextChat++ : -1000 - nextChat++;
  return { platform: 'telegram', id: String(id), kind };
};
const callsIn = (method: string, c: ChatAddress) => tg.callsOf(method).filter((x) => String(x.payload.chat_id) === c.id);

describe('send', () => {
  it('sends Markdown as entities and buttons as an inline keyboard, replying to the asker', async () => {
    const c = chat();
    const asked = await port.send(c, { text: 'question' });
    const ref = await port.send(
      c,
      { text: '**Model A**\n\nUse `npm i` *now*', buttons: [[{ label: '👈 A', data: 'v:abc123:a' }, { label: '👉 B', data: 'v:abc123:b' }]] },
      { replyTo: asked },
    );
    const msg = tg.message(Number(c.id), Number(ref))!;
    expect(msg.text).toBe('Model A\n\nUse npm i now');
    expect(msg.entities).toEqual([
      { type: 'bold', offset: 0, length: 7 },
      { type: 'code', offset: 13, length: 5 },
      { type: 'italic', offset: 19, length: 3 },
    ]);
    expect(msg.reply_markup).toEqual({ inline_keyboard: [[{ text: '👈 A', callback_data: 'v:abc123:a' }, { text: '👉 B', callback_data: 'v:abc123:b' }]] });
    expect(msg.reply_to_message?.message_id).toBe(Number(asked));
  });

  it('wraps rows longer than four buttons and drops data Telegram would refuse', async () => {
    const c = chat();
    const buttons = [Array.from({ length: 6 }, (_, i) => ({ label: `b${i}`, data: `d${i}` })), [{ label: 'long', data: 'x'.repeat(65) }]];
    const ref = await port.send(c, { text: 'pick', buttons });
    const rows = tg.message(Number(c.id), Number(ref))!.reply_markup!.inline_keyboard;
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([['b0', 'b1', 'b2', 'b3'], ['b4', 'b5']]);
    expect(logs.some((l) => l.level === 50 && /64 bytes/.test(l.msg))).toBe(true);
  });

  it('falls back to plain text when Telegram refuses the entities', async () => {
    const c = chat();
    tg.fail('sendMessage', { code: 400, description: "Bad Request: can't parse entities: unsupported", when: (p) => String(p.chat_id) === c.id });
    const ref = await port.send(c, { text: 'a **b** c' });
    const msg = tg.message(Number(c.id), Number(ref))!;
    expect(msg.text).toBe('a b c');
    expect(msg.entities).toBeUndefined();
    expect(callsIn('sendMessage', c).map((x) => x.status)).toEqual([400, 200]);
  });

  it('splits a message longer than 4,096 characters and maps every part back to the first', async () => {
    const c = chat();
    const text = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ') + '\n\n' + 'end '.repeat(300);
    const ref = await port.send(c, { text, buttons: [[{ label: 'ok', data: 'ok' }]] });
    const sent = tg.botMessages(Number(c.id));
    expect(sent.length).toBe(2);
    expect(sent.every((m) => m.text!.length <= 4096)).toBe(true);
    expect(sent[0]!.reply_markup).toBeUndefined();
    expect(sent[1]!.reply_markup?.inline_keyboard[0]![0]!.text).toBe('ok');
    expect(sent[1]!.reply_to_message?.message_id).toBe(sent[0]!.message_id);
    expect(port.refOf(c.id, sent[1]!.message_id)).toBe(ref);
  });

  it('sends an image as a photo with its caption and buttons', async () => {
    const c = chat();
    const ref = await port.send(c, { text: '**Leaderboard**', image: { png: new Uint8Array([137, 80, 78, 71]), alt: 'chart' }, buttons: [[{ label: 'x', data: 'x' }]] });
    const msg = tg.message(Number(c.id), Number(ref))!;
    expect(msg.photo).toBeDefined();
    expect(msg.caption).toBe('Leaderboard');
    expect(msg.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 11 }]);
    await port.edit(c, ref, { text: '**Leaderboard** (closed)' });
    expect(tg.message(Number(c.id), Number(ref))!.caption).toBe('Leaderboard (closed)');
  });

  it('shows typing', async () => {
    const c = chat();
    await port.typing!(c);
    expect(callsIn('sendChatAction', c)[0]!.payload.action).toBe('typing');
  });
});

describe('edit', () => {
  it('never sends an edit identical to what the message shows', async () => {
    const c = chat();
    const ref = await port.send(c, { text: 'v1', buttons: [[{ label: 'a', data: 'a' }]] });
    await port.edit(c, ref, { text: 'v1', buttons: [[{ label: 'a', data: 'a' }]] });
    expect(callsIn('editMessageText', c)).toHaveLength(0);
    await port.edit(c, ref, { text: 'v1' });
    expect(tg.message(Number(c.id), Number(ref))!.reply_markup).toBeUndefined();
    await port.edit(c, ref, { text: 'v1' });
    expect(callsIn('editMessageText', c)).toHaveLength(1);
  });

  it('treats "message is not modified" as success', async () => {
    const c = chat();
    const ref = await port.send(c, { text: 'same' });
    // What the port remembers may be lost (restart); Telegram's refusal must not surface as an error.
    tg.fail('editMessageText', { code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same', when: (p) => String(p.chat_id) === c.id });
    await expect(port.edit(c, ref, { text: 'other' })).resolves.toBeUndefined();
  });

  it('waits out a 429 and, through the engine\'s pacer, lands the newest text last, whatever arrived while it waited', async () => {
    const c = chat('group');
    const presenter = createPresenter(port);
    const live = presenter.open(c, { text: 'start' });
    await live.settled();
    const ref = live.refs[0]!;
    tg.fail('editMessageText', { code: 429, retryAfter: 1, when: (p) => String(p.chat_id) === c.id });
    live.set({ text: 'partial' });
    await tg.waitFor(() => callsIn('editMessageText', c).length === 1, 5000, 'the 429');
    live.set({ text: 'more partial' });
    live.set({ text: 'final text' });
    await live.settled();
    const msg = tg.message(Number(c.id), Number(ref))!;
    expect(msg.text).toBe('final text');
    expect(msg.history).toEqual(['start', 'partial', 'final text']);
    const edits = callsIn('editMessageText', c);
    expect(edits.map((e) => e.status)).toEqual([429, 200, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('continues a reply that outgrew its message in a new message', async () => {
    const c = chat();
    const ref = await port.send(c, { text: 'short' });
    await port.edit(c, ref, { text: 'long '.repeat(1000) });
    const sent = tg.botMessages(Number(c.id));
    expect(sent).toHaveLength(2);
    expect(port.refOf(c.id, sent[1]!.message_id)).toBe(ref);
    await port.edit(c, ref, { text: 'short again' });
    expect(tg.message(Number(c.id), sent[0]!.message_id)!.text).toBe('short again');
    expect(tg.message(Number(c.id), sent[1]!.message_id)!.text).toBe('…');
  });
});

describe('delete', () => {
  it('deletes every part of a long message, and a message already gone is not an error', async () => {
    const c = chat();
    const ref = await port.send(c, { text: 'long '.repeat(1000) });
    expect(tg.botMessages(Number(c.id))).toHaveLength(2);
    await port.delete(c, ref);
    expect(tg.botMessages(Number(c.id))).toHaveLength(0);
    await expect(port.delete(c, ref)).resolves.toBeUndefined();
  });
});

describe('unreachable chats', () => {
  it('logs a blocked chat once at info and stops calling it', async () => {
    const c = chat();
    const ref = await port.send(c, { text: 'hello' });
    tg.block(Number(c.id));
    const before = tg.calls.length;
    const gone = await port.send(c, { text: 'reply A' });
    expect(gone).toMatch(/^gone:/);
    await port.edit(c, gone, { text: 'reply A, longer' });
    await port.edit(c, ref, { text: 'hello again' });
    await port.send(c, { text: 'reply B' });
    await port.typing!(c);
    expect(tg.calls.length - before).toBe(1);
    const lines = logs.filter((l) => /unreachable/.test(l.msg));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(30);
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});
