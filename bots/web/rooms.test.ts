import { describe, expect, it } from 'vitest';
import { createRoomHub, memberTag, type SseFrame, type WebMessage } from './rooms';

const msg = (ref: string, extra: Partial<WebMessage> = {}): WebMessage => ({ ref, kind: 'bot', html: `<p>${ref}</p>`, buttons: [], at: 0, ...extra });

describe('room hub', () => {
  it('replays only the events after Last-Event-ID, and a snapshot when the id is unknown or too old', () => {
    const hub = createRoomHub({ ringSize: 3 });
    const first = hub.subscribe('r', undefined, undefined, () => {});
    const start = first.initial.find((f) => f.event === 'snapshot')!;
    first.unsubscribe();
    hub.publish('r', { type: 'message', message: msg('m1') });
    hub.publish('r', { type: 'edit', message: msg('m1', { html: '<p>m1 v2</p>' }) });

    const resumed = hub.subscribe('r', start.id, undefined, () => {});
    expect(resumed.initial.filter((f) => f.id).map((f) => f.event)).toEqual(['message', 'edit']);

    // Another process's ids (a restart) → snapshot.
    const other = hub.subscribe('r', 'deadbeef-1', undefined, () => {});
    const snapshot = other.initial.find((f) => f.event === 'snapshot')!;
    expect(JSON.parse(snapshot.data).messages).toEqual([msg('m1', { html: '<p>m1 v2</p>' })]);

    // Fell out of the ring → snapshot.
    for (const ref of ['m2', 'm3', 'm4']) hub.publish('r', { type: 'message', message: msg(ref) });
    const late = hub.subscribe('r', start.id, undefined, () => {});
    expect(late.initial.some((f) => f.event === 'snapshot')).toBe(true);
    expect(JSON.parse(late.initial.find((f) => f.event === 'snapshot')!.data).messages).toHaveLength(4);
  });

  it('delivers live events to every subscriber of the room and none of another room', () => {
    const hub = createRoomHub();
    const a: SseFrame[] = [];
    const b: SseFrame[] = [];
    const elsewhere: SseFrame[] = [];
    hub.subscribe('r', undefined, undefined, (f) => a.push(f));
    hub.subscribe('r', undefined, undefined, (f) => b.push(f));
    hub.subscribe('other', undefined, undefined, (f) => elsewhere.push(f));
    hub.publish('r', { type: 'message', message: msg('x') });
    hub.signal('r', { type: 'typing' });
    expect(a.map((f) => f.event)).toEqual(['message', 'typing']);
    expect(b.map((f) => f.event)).toEqual(['message', 'typing']);
    expect(elsewhere).toEqual([]);
    // Typing is not replayable: no id.
    expect(a[1]!.id).toBeUndefined();
  });

  it('lists connected members once each, by their public tag, and updates on leave', () => {
    const hub = createRoomHub();
    const seen: SseFrame[] = [];
    hub.subscribe('r', undefined, undefined, (f) => seen.push(f));
    const alice = { tag: memberTag('alice-0001'), name: 'Alice' };
    const tab1 = hub.subscribe('r', undefined, alice, () => {});
    const tab2 = hub.subscribe('r', undefined, alice, () => {});
    const bob = hub.subscribe('r', undefined, { tag: memberTag('bob-000002'), name: 'Bob' }, () => {});
    expect(hub.members('r').map((m) => m.name)).toEqual(['Alice', 'Bob']);
    bob.unsubscribe();
    tab1.unsubscribe();
    expect(hub.members('r').map((m) => m.name)).toEqual(['Alice']);
    tab2.unsubscribe();
    const last = seen.filter((f) => f.event === 'presence').at(-1)!;
    expect(JSON.parse(last.data).members).toEqual([]);
    expect(memberTag('alice-0001')).not.toContain('alice');
  });

  it('holds a prompt until it is released, and forgets a dropped one', () => {
    const hub = createRoomHub();
    const frames: SseFrame[] = [];
    hub.subscribe('r', undefined, undefined, (f) => frames.push(f));
    hub.hold('r', msg('p1', { kind: 'member', text: 'hi' }));
    hub.hold('r', msg('p2', { kind: 'member', text: 'refused' }));
    expect(frames.filter((f) => f.event === 'message')).toHaveLength(0);
    hub.release('r', 'p1');
    expect(hub.drop('r', 'p2')).toBe(true);
    hub.release('r', 'p2');
    expect(frames.filter((f) => f.event === 'message').map((f) => JSON.parse(f.data).message.ref)).toEqual(['p1']);
  });

  it('forgets the oldest messages beyond the cap and the idlest rooms beyond the room limit', () => {
    const hub = createRoomHub({ maxMessages: 2, maxRooms: 2 });
    for (const ref of ['a', 'b', 'c']) hub.publish('r', { type: 'message', message: msg(ref) });
    expect(hub.messages('r').map((m) => m.ref)).toEqual(['b', 'c']);
    hub.publish('s', { type: 'message', message: msg('s1') });
    hub.publish('t', { type: 'message', message: msg('t1') });
    expect(hub.messages('r')).toEqual([]);
    expect(hub.messages('t').map((m) => m.ref)).toEqual(['t1']);
  });

  it('ends every stream on close', () => {
    const hub = createRoomHub();
    let ended = 0;
    hub.subscribe('r', undefined, undefined, () => {}, () => ended++);
    hub.subscribe('s', undefined, undefined, () => {}, () => ended++);
    hub.closeAll();
    expect(ended).toBe(2);
    expect(hub.listenerCount('r')).toBe(0);
  });
});
