import { describe, expect, it } from 'vitest';
import { createRecordingPort } from '../../test/fakes/recording-port';
import type { ChatAddress } from '../port/types';
import { createPresenter } from './presenter';

const chat: ChatAddress = { platform: 'test', id: 'c1', kind: 'group' };
const other: ChatAddress = { platform: 'test', id: 'c2', kind: 'group' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Gaps between consecutive platform calls into one chat, ms. */
function gaps(port: ReturnType<typeof createRecordingPort>, chatId: string): number[] {
  const at = port.calls.filter((c) => c.chat === chatId && c.op !== 'typing').map((c) => c.at);
  return at.slice(1).map((t, i) => t - at[i]!);
}

describe('live messages', () => {
  it('turns many rapid updates into a few paced edits and always delivers the final text', async () => {
    const port = createRecordingPort('test', { minEditIntervalMs: 200 });
    const presenter = createPresenter(port);
    const started = Date.now();
    const message = presenter.open(chat, { text: 'Thinking…' });
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += `token${i} `;
      message.set({ text });
      await sleep(10); // a model streaming ~100 tokens/s for 600 ms
    }
    message.set({ text: `${text}done.` });
    await message.settled();
    expect(port.messages).toHaveLength(1);
    expect(port.messages[0]!.current.text).toBe(`${text}done.`);
    // ≈ 600 ms (more on a loaded machine) at one call per 200 ms: a handful of calls, not 61.
    const calls = port.calls.filter((c) => c.chat === chat.id);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 200) + 1);
    expect(calls.length).toBeLessThan(15);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps(port, chat.id)) expect(gap).toBeGreaterThanOrEqual(195);
  });

  it('interleaves two live messages in one chat, keeping the chat-wide spacing', async () => {
    const port = createRecordingPort('test', { minEditIntervalMs: 100 });
    const presenter = createPresenter(port);
    const a = presenter.open(chat, { text: 'A: …' });
    const b = presenter.open(chat, { text: 'B: …' });
    for (let i = 1; i <= 5; i++) {
      a.set({ text: `A: ${'x'.repeat(i)}` });
      b.set({ text: `B: ${'y'.repeat(i)}` });
      await sleep(120);
    }
    await Promise.all([a.settled(), b.settled()]);
    expect(port.messages.map((m) => m.current.text)).toEqual(['A: xxxxx', 'B: yyyyy']);
    // Both messages were updated while streaming, not one after the other finished.
    const order = port.calls.filter((c) => c.op === 'edit').map((c) => c.ref);
    const firstB = order.indexOf(port.messages[1]!.ref);
    expect(firstB).toBeGreaterThanOrEqual(0);
    expect(order.slice(firstB + 1)).toContain(port.messages[0]!.ref);
    for (const gap of gaps(port, chat.id)) expect(gap).toBeGreaterThanOrEqual(95);
  });

  it('paces each chat on its own: a busy chat does not delay another', async () => {
    const port = createRecordingPort('test', { minEditIntervalMs: 300 });
    const presenter = createPresenter(port);
    const busy = presenter.open(chat, { text: 'one' });
    busy.set({ text: 'two' });
    busy.set({ text: 'three' });
    const started = Date.now();
    const quiet = presenter.open(other, { text: 'hello' });
    await quiet.settled();
    expect(Date.now() - started).toBeLessThan(250);
    await busy.settled();
    expect(port.messages.find((m) => m.chat === chat.id)!.current.text).toBe('three');
  });

  it('splits a long text into several messages within the limit, chained as replies', async () => {
    const port = createRecordingPort('test', { maxMessageChars: 2000 });
    const presenter = createPresenter(port);
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const message = presenter.open(chat, { text: words.join(' '), buttons: [[{ label: 'ok', data: 'x' }]] }, { replyTo: 'prompt-1' });
    await message.settled();
    expect(port.messages.length).toBeGreaterThanOrEqual(4);
    expect(message.refs).toEqual(port.messages.map((m) => m.ref));
    for (const m of port.messages) expect(m.current.text.length).toBeLessThanOrEqual(2000);
    expect(port.messages.map((m) => m.current.text).join(' ').split(/\s+/)).toEqual(words);
    // The first part answers the prompt, each next part the previous one; buttons sit under the last part only.
    expect(port.messages[0]!.replyTo).toBe('prompt-1');
    for (let i = 1; i < port.messages.length; i++) expect(port.messages[i]!.replyTo).toBe(port.messages[i - 1]!.ref);
    expect(port.messages.filter((m) => m.current.buttons)).toEqual([port.messages.at(-1)]);
  });

  it('grows a streaming message into a second one when it passes the limit', async () => {
    const port = createRecordingPort('test', { maxMessageChars: 500 });
    const presenter = createPresenter(port);
    const message = presenter.open(chat, { text: 'start' });
    await message.settled();
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    message.set({ text });
    await message.settled();
    expect(port.messages.length).toBeGreaterThanOrEqual(2);
    expect(port.messages[0]!.history.length).toBe(2); // the first message was edited, not sent again
    expect(port.messages.map((m) => m.current.text).join(' ')).toBe(text);
  });

  it('leaves no stale text behind when the final text needs fewer messages than the streaming one', async () => {
    const port = createRecordingPort('test', { maxMessageChars: 100 });
    const presenter = createPresenter(port);
    // 84 characters fit in one message (the presenter keeps 16 in reserve); the streaming cursor pushes it to two.
    const body = 'x'.repeat(83);
    const message = presenter.open(chat, { text: `${body} ▍`, buttons: [[{ label: 'wait', data: 'w' }]] });
    await message.settled();
    expect(port.messages).toHaveLength(2);
    message.set({ text: body, buttons: [[{ label: 'like', data: 'l' }]] });
    await message.settled();
    expect(port.messages[0]!.current).toEqual({ text: body, buttons: [[{ label: 'like', data: 'l' }]] });
    // The surplus part is deleted, not left with an ellipsis.
    expect(port.messages[1]!.deleted).toBe(true);
    expect(message.refs).toEqual([port.messages[0]!.ref]);
  });

  it('empties a surplus part the platform refuses to delete', async () => {
    const port = createRecordingPort('test', { maxMessageChars: 100 });
    port.delete = async () => {
      throw new Error('not allowed');
    };
    const presenter = createPresenter(port);
    const body = 'y'.repeat(83);
    const message = presenter.open(chat, { text: `${body} ▍` });
    await message.settled();
    message.set({ text: body });
    await message.settled();
    expect(port.messages.map((m) => m.current.text)).toEqual([body, '…']);
  });

  it('shares one pace between the chats a port puts under one key, and keeps apart what it keys apart', async () => {
    const port = createRecordingPort('test', { minEditIntervalMs: 150 });
    // A platform whose limits are per chat: its threads share the chat's pace.
    port.pacingKey = (c) => c.id;
    const presenter = createPresenter(port);
    const threadA: ChatAddress = { ...chat, thread: 't1' };
    const threadB: ChatAddress = { ...chat, thread: 't2' };
    const a = presenter.open(threadA, { text: 'one' });
    const b = presenter.open(threadB, { text: 'two' });
    await Promise.all([a.settled(), b.settled()]);
    const [first, second] = port.calls.filter((c) => c.op === 'send').map((c) => c.at);
    expect(second! - first!).toBeGreaterThanOrEqual(145);
  });

  it('takes over messages posted elsewhere (another process, before a restart) and only edits them', async () => {
    const port = createRecordingPort('test');
    const earlier = await port.send(chat, { text: 'Ballot: 1 vote' });
    const presenter = createPresenter(port);
    const adopted = presenter.adopt(chat, [earlier]);
    await adopted.settled();
    expect(port.calls.filter((c) => c.op === 'edit')).toHaveLength(0);
    adopted.set({ text: 'Ballot: 2 votes' });
    await adopted.settled();
    expect(port.messages).toHaveLength(1);
    expect(port.messages[0]!.current.text).toBe('Ballot: 2 votes');
  });

  it('hands the event being answered to the first part only', async () => {
    const port = createRecordingPort('test', { maxMessageChars: 200 });
    const presenter = createPresenter(port);
    const text = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
    await presenter.open(chat, { text, role: 'board' }, { answering: 'delivery-7' }).settled();
    expect(port.messages.length).toBeGreaterThan(1);
    expect(port.messages.map((m) => m.answering)).toEqual(['delivery-7', ...port.messages.slice(1).map(() => undefined)]);
    expect(port.messages.every((m) => m.current.role === 'board')).toBe(true);
  });

  it('does not re-send content the platform already shows', async () => {
    const port = createRecordingPort('test');
    const presenter = createPresenter(port);
    const message = presenter.open(chat, { text: 'same', buttons: [[{ label: 'A', data: 'v:a' }]] });
    await message.settled();
    for (let i = 0; i < 5; i++) {
      message.set({ text: 'same', buttons: [[{ label: 'A', data: 'v:a' }]] });
      await message.settled();
    }
    expect(port.calls.filter((c) => c.op === 'edit')).toHaveLength(0);
    // A change of buttons alone is a change.
    message.set({ text: 'same' });
    await message.settled();
    expect(port.calls.filter((c) => c.op === 'edit')).toHaveLength(1);
    expect(port.messages[0]!.current.buttons).toBeUndefined();
  });

  it('reports a failed delivery instead of throwing, and drain() waits for everything queued', async () => {
    const port = createRecordingPort('test');
    const presenter = createPresenter(port);
    const message = presenter.open(chat, { text: 'hello' });
    await message.settled();
    port.edit = async () => {
      throw new Error('message to edit not found');
    };
    message.set({ text: 'changed' });
    await message.settled();
    expect(message.error).toBeInstanceOf(Error);
    const more = presenter.open(other, { text: 'later' });
    await presenter.drain();
    expect(more.refs).toHaveLength(1);
  });

  it('keeps a chat within its message budget: no window ever holds more new posts than allowed', async () => {
    const port = createRecordingPort('test', { budget: { windowMs: 600, group: 3, private: 10 } });
    const presenter = createPresenter(port);
    const messages = Array.from({ length: 7 }, (_, i) => presenter.open(chat, { text: `post ${i}`, role: 'info' }));
    await Promise.all(messages.map((m) => m.settled()));
    const sends = port.calls.filter((c) => c.op === 'send' && c.chat === chat.id).map((c) => c.at);
    expect(sends).toHaveLength(7);
    for (const at of sends) expect(sends.filter((t) => t >= at && t < at + 590).length).toBeLessThanOrEqual(3);
    // A private chat has its own, larger budget.
    const other: ChatAddress = { platform: 'test', id: 'p1', kind: 'private' };
    const started = Date.now();
    await Promise.all(Array.from({ length: 7 }, (_, i) => presenter.open(other, { text: `dm ${i}` }).settled()));
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('posts a ballot before replies still waiting for their first post, when the budget is short', async () => {
    const port = createRecordingPort('test', { budget: { windowMs: 500, group: 2, private: 10 } });
    const presenter = createPresenter(port);
    const replies = Array.from({ length: 4 }, (_, i) => presenter.open(chat, { text: `reply ${i}`, role: 'reply', side: i % 2 ? 'b' : 'a' }));
    const ballot = presenter.open(chat, { text: 'Which reply is better?', role: 'ballot' });
    await Promise.all([...replies, ballot].map((m) => m.settled()));
    const order = port.messages.filter((m) => m.chat === chat.id).map((m) => m.current.text);
    // Two replies went out at once; the ballot went before the other two.
    expect(order.indexOf('Which reply is better?')).toBeLessThan(order.indexOf('reply 2'));
    expect(order.indexOf('Which reply is better?')).toBeLessThan(order.indexOf('reply 3'));
  });
});
