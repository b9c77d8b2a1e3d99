// The web ChatPort, driven the way the engine drives every port: through the engine's presenter.
import { describe, expect, it } from 'vitest';
import { createPresenter } from '../../core/engine/presenter';
import type { ChatAddress } from '../../core/port/types';
import { createWebPort } from './port';
import { createRoomHub, type SseFrame, type WebMessage } from './rooms';
import { portContract } from '../../test/port-contract';

const chat: ChatAddress = { platform: 'web', id: 'lobby', kind: 'group' };

function setup() {
  const hub = createRoomHub();
  const frames: SseFrame[] = [];
  hub.subscribe('lobby', undefined, undefined, (f) => frames.push(f));
  const port = createWebPort({ hub });
  const events = () => frames.filter((f) => f.id).map((f) => ({ event: f.event, message: JSON.parse(f.data).message as WebMessage }));
  return { hub, port, frames, events };
}

describe('web port', () => {
  it('renders Markdown safely: no raw HTML, no javascript: links, no remote images', async () => {
    const { port, hub } = setup();
    const ref = await port.send(chat, {
      text: '**bold** <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://example.com/t.png) https://example.org',
    });
    const html = hub.getMessage('lobby', ref)!.html!;
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow ugc">');
  });

  it('treats an identical edit as a no-op and publishes real changes', async () => {
    const { port, events } = setup();
    const ref = await port.send(chat, { text: 'one', buttons: [[{ label: 'Go', data: 'v:abcdefgh:a' }]] });
    await port.edit(chat, ref, { text: 'one', buttons: [[{ label: 'Go', data: 'v:abcdefgh:a' }]] });
    expect(events()).toHaveLength(1);
    await port.edit(chat, ref, { text: 'one' });
    await port.edit(chat, ref, { text: 'two' });
    expect(events().map((e) => e.event)).toEqual(['message', 'edit', 'edit']);
    expect(events()[1]!.message.buttons).toEqual([]);
    // Unknown refs (evicted, or from before a restart) are ignored, not thrown.
    await expect(port.edit(chat, 'gone', { text: 'x' })).resolves.toBeUndefined();
  });

  it('shows the two replies to a member prompt as a pair, and releases the held prompt first', async () => {
    const { port, hub, events } = setup();
    const prompt: WebMessage = { ref: hub.nextRef(), kind: 'member', author: { tag: 't', name: 'Ann' }, text: 'hi', buttons: [], at: 0 };
    hub.hold('lobby', prompt);
    const presenter = createPresenter(port);
    const a = presenter.open(chat, { text: '**Model A**', role: 'reply', side: 'a' }, { replyTo: prompt.ref });
    const b = presenter.open(chat, { text: '**Model B**', role: 'reply', side: 'b' }, { replyTo: prompt.ref });
    const ballot = presenter.open(chat, { text: 'Which is better?', role: 'ballot' });
    a.set({ text: '**Model A**\n\nHello', role: 'reply', side: 'a' });
    await Promise.all([a.settled(), b.settled(), ballot.settled()]);
    const shown = events();
    expect(shown[0]!.message.ref).toBe(prompt.ref);
    const [ra, rb, rballot] = [a.refs[0]!, b.refs[0]!, ballot.refs[0]!];
    expect(hub.getMessage('lobby', ra)!.pair).toEqual({ id: ra, index: 0 });
    expect(hub.getMessage('lobby', rb)!.pair).toEqual({ id: ra, index: 1 });
    expect(hub.getMessage('lobby', rballot)!.pair).toBeUndefined();
    expect(hub.getMessage('lobby', ra)!.html).toContain('Hello');
    // The pair survives edits.
    expect(shown.filter((e) => e.event === 'edit').every((e) => e.message.pair?.id === ra)).toBe(true);
  });

  it('sends an attached chart as a data URL with its alt text', async () => {
    const { port, hub } = setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const ref = await port.send(chat, { text: 'Leaderboard', image: { png, alt: 'Scores of 4 models' } });
    expect(hub.getMessage('lobby', ref)!.image).toEqual({ src: 'data:image/png;base64,iVBORw==', alt: 'Scores of 4 models' });
  });

  it('declares web limits the engine can pace by', () => {
    const { port } = setup();
    expect(port.platform).toBe('web');
    expect(port.limits.minEditIntervalMs).toBe(100);
    expect(port.limits.privateButtons).toBe(true);
    expect(port.limits.forms).toBe(true);
  });

  it('pairs replies by their role and side, whatever they answer (a prompt posted by the core, a thread)', async () => {
    const { port, hub } = setup();
    const echo = await port.send(chat, { text: 'Ann asks: hi', role: 'prompt', source: 'model' });
    const b = await port.send(chat, { text: '**Model B**', role: 'reply', side: 'b' }, { replyTo: echo });
    const a = await port.send(chat, { text: '**Model A**', role: 'reply', side: 'a' }, { replyTo: echo });
    expect(hub.getMessage('lobby', b)!.pair).toEqual({ id: b, index: 1 });
    expect(hub.getMessage('lobby', a)!.pair).toEqual({ id: b, index: 0 });
    expect(hub.getMessage('lobby', echo)!.role).toBe('prompt');
  });

  it('removes a deleted message from every page', async () => {
    const { port, hub, frames } = setup();
    const ref = await port.send(chat, { text: 'surplus' });
    await port.delete(chat, ref);
    expect(hub.getMessage('lobby', ref)).toBeUndefined();
    expect(frames.filter((f) => f.event === 'delete').map((f) => JSON.parse(f.data).ref)).toEqual([ref]);
  });
});

portContract('web', async () => {
  const hub = createRoomHub();
  const port = createWebPort({ hub });
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return {
    port,
    chat,
    async shown(ref) {
      const message = hub.getMessage('lobby', ref);
      return message ? { text: text(message.html ?? ''), buttons: message.buttons.map((row) => row.map((b) => b.data)) } : undefined;
    },
    async close() {},
  };
});
