// The port contract (core/port/README.md) as a test suite every adapter runs against its own port and its platform's
// fake: what the core relies on, checked the same way on every platform.
//
//   portContract('telegram', async () => ({ port, chat, shown, close }));
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_MAX_BYTES, encodeAction } from '../core/engine/actions';
import { COMMAND_CATALOGUE } from '../core/port/commands';
import type { ChatAddress, ChatPort, OutMessage } from '../core/port/types';

export interface Shown {
  /** The text as a person reads it (markup removed). */
  text: string;
  /** Button payloads, by row, as the platform will send them back. */
  buttons: string[][];
}

export interface ContractHarness {
  port: ChatPort;
  /** A group chat the bot may post in. */
  chat: ChatAddress;
  /** What the platform shows for a message now; undefined once it is gone. */
  shown(ref: string, chat?: ChatAddress): Promise<Shown | undefined>;
  close(): Promise<void>;
}

/** Words of a text, for comparing what was sent with what a person reads (markup and spacing aside). */
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

const ballot = (token: string): OutMessage => ({
  text: '**Which reply is better?**\n🗳️ No votes yet.',
  role: 'ballot',
  buttons: [
    [
      { label: '👈 A is better', data: encodeAction({ kind: 'vote', token, choice: 'a' }), style: 'primary' },
      { label: '👉 B is better', data: encodeAction({ kind: 'vote', token, choice: 'b' }), style: 'primary' },
    ],
    [
      { label: '🤝 Tie', data: encodeAction({ kind: 'vote', token, choice: 'tie' }) },
      { label: '👎 Both are bad', data: encodeAction({ kind: 'vote', token, choice: 'both_bad' }), style: 'danger' },
    ],
  ],
});

export function portContract(name: string, open: () => Promise<ContractHarness>): void {
  describe(`port contract: ${name}`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('states limits the core can work with', () => {
      const { limits } = h.port;
      expect(limits.maxMessageChars).toBeGreaterThanOrEqual(1000);
      expect(limits.maxNoticeChars).toBeGreaterThanOrEqual(100);
      expect(limits.minEditIntervalMs).toBeGreaterThanOrEqual(0);
      expect(limits.maxButtonDataBytes).toBeGreaterThanOrEqual(ACTION_MAX_BYTES);
      expect(limits.maxButtonsPerRow).toBeGreaterThanOrEqual(2);
      expect(limits.maxButtonRows).toBeGreaterThanOrEqual(2);
      expect(limits.maxButtonLabelChars).toBeGreaterThanOrEqual(20);
      if (limits.threads) expect(typeof h.port.openThread).toBe('function');
      expect(typeof h.port.delete).toBe('function');
    });

    it('sends a message and shows its words; buttons carry the core payloads verbatim', async () => {
      const ref = await h.port.send(h.chat, ballot('ContractTok1'));
      expect(typeof ref).toBe('string');
      const shown = await h.shown(ref);
      expect(shown).toBeDefined();
      expect(words(shown!.text)).toEqual(expect.arrayContaining(['Which', 'reply', 'is', 'better', 'No', 'votes', 'yet']));
      expect(shown!.buttons.flat()).toEqual(ballot('ContractTok1').buttons!.flat().map((b) => b.data));
    });

    it('edits a message; the same content again is a no-op, not an error', async () => {
      const ref = await h.port.send(h.chat, { text: 'Model A is thinking', role: 'reply', side: 'a' });
      await h.port.edit(h.chat, ref, { text: 'Model A answered: forty-two', role: 'reply', side: 'a' });
      await h.port.edit(h.chat, ref, { text: 'Model A answered: forty-two', role: 'reply', side: 'a' });
      expect(words((await h.shown(ref))!.text)).toEqual(words('Model A answered: forty-two'));
      // Buttons can be removed by an edit (a closed ballot keeps no vote buttons).
      const b = await h.port.send(h.chat, ballot('ContractTok2'));
      await h.port.edit(h.chat, b, { text: 'Voting closed', role: 'ballot' });
      expect((await h.shown(b))!.buttons.flat()).toEqual([]);
    });

    it('deletes a message; deleting it again is not an error', async () => {
      const ref = await h.port.send(h.chat, { text: 'A surplus part', role: 'reply', side: 'b' });
      await h.port.delete(h.chat, ref);
      expect(await h.shown(ref)).toBeUndefined();
      await h.port.delete(h.chat, ref);
    });

    it('takes a message as long as the core ever sends (its limit less the reserve)', async () => {
      const max = Math.min(h.port.limits.maxMessageChars - 16, 20_000);
      const text = `${'word '.repeat(Math.floor(max / 5) - 1)}end.`.slice(0, max);
      const ref = await h.port.send(h.chat, { text, source: 'model', role: 'reply', side: 'a' });
      const shown = await h.shown(ref);
      expect(words(shown!.text).at(-1)).toBe('end');
    });

    it('shows model text full of markup hazards without failing and without losing words', async () => {
      const text = [
        'Here is *bold, _italic with a stray * star and an unclosed [link(',
        '```js',
        'const a = b < c && d > e; // <script>alert(1)</script>',
        '```',
        '1. first <@everyone> @here <!channel>',
        '- item with `code` and \\ backslash',
      ].join('\n');
      const ref = await h.port.send(h.chat, { text, source: 'model', role: 'reply', side: 'b' });
      const shown = (await h.shown(ref))!.text;
      for (const word of ['bold', 'italic', 'stray', 'unclosed', 'const', 'script', 'alert', 'first', 'item', 'backslash']) expect(shown).toContain(word);
    });

    it('answers a message (replyTo) and accepts the event it answers (answering)', async () => {
      const prompt = await h.port.send(h.chat, { text: 'The prompt', role: 'prompt', source: 'model' });
      const ref = await h.port.send(h.chat, { text: 'An answer to it', role: 'reply', side: 'a' }, { replyTo: prompt, answering: 'contract-delivery-1' });
      expect(words((await h.shown(ref))!.text)).toEqual(['An', 'answer', 'to', 'it']);
    });

    it('opens a thread under a message and posts in it, when it has threads', async () => {
      if (!h.port.limits.threads) return;
      const anchor = await h.port.send(h.chat, { text: 'Battle anchor', role: 'prompt' });
      const thread = await h.port.openThread!(h.chat, anchor, 'A battle');
      expect(typeof thread).toBe('string');
      // The contract's chat allows threads: null (a thread refused, the person told) is not expected here.
      const inThread = { ...h.chat, thread: thread! };
      const ref = await h.port.send(inThread, { text: 'In the thread', role: 'reply', side: 'a' });
      expect(words((await h.shown(ref, inThread))!.text)).toEqual(['In', 'the', 'thread']);
    });

    it('has a pacing key, command hints for the catalogue, and a typing indicator that never fails', async () => {
      expect(typeof (h.port.pacingKey?.(h.chat) ?? `${h.chat.id}`)).toBe('string');
      for (const command of COMMAND_CATALOGUE) expect(h.port.commandHint?.(command.name) ?? `/${command.name}`).toContain(command.name);
      await h.port.typing?.(h.chat);
    });
  });
}
