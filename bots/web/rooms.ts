// Rooms of the playground: what each room shows now, a ring buffer of recent events for Server-Sent Events replay
// (Last-Event-ID), and who is connected. In memory only: the battles themselves live in the core's store; a restart
// empties the rooms, and reconnecting browsers get a fresh snapshot because the event ids carry a per-process epoch.
// The parts: room-stream.ts (recording, broadcast, replay), room-members.ts (a room's state, members and names).
import { createHash, randomBytes } from 'node:crypto';
import type { Button, MessageRole } from '../../core/port/types';
import { claimName, currentMembers, newRoom, type Room } from './room-members';
import { broadcast, catchUp, frameOf, record, type StreamLimits } from './room-stream';

export interface WebMessage {
  /** The port's opaque ref (what the core stores and what follow-ups point at). */
  ref: string;
  kind: 'bot' | 'member';
  /** Member messages: who wrote it. `tag` is a public pseudonym of the member id (the id itself is a credential). */
  author?: { tag: string; name: string };
  /** Member messages: plain text, shown with textContent. */
  text?: string;
  /** Bot messages: HTML rendered by markdown-it with raw HTML disabled. */
  html?: string;
  source?: 'model' | 'core';
  /** What the core's message is for (MessageRole): the page lays messages out by it. */
  role?: MessageRole;
  buttons: Button[][];
  image?: { src: string; alt: string };
  replyTo?: string;
  /** Replies to the same member prompt are shown side by side: `id` is the first reply's ref, `index` the slot. */
  pair?: { id: string; index: number };
  at: number;
  editedAt?: number;
  /** A ballot that closes at a time (epoch ms): the page counts down to it. */
  closesAt?: number;
}

export type RoomEvent =
  | { type: 'message'; message: WebMessage }
  | { type: 'edit'; message: WebMessage }
  | { type: 'delete'; ref: string }
  | { type: 'typing' }
  /** The room's settings changed (its language, maybe): pages check what they show. */
  | { type: 'settings' }
  | { type: 'presence'; members: Array<{ tag: string; name: string }> };

/** One Server-Sent Events frame. Frames without an id (typing, presence) are not replayed. */
export interface SseFrame {
  id?: string;
  event: string;
  data: string;
}

export interface Member {
  tag: string;
  name: string;
}

export interface RoomHubOptions {
  /** Events kept per room for replay after a reconnect. */
  ringSize?: number;
  /** Messages kept per room for the snapshot a new member receives. */
  maxMessages?: number;
  /** Rooms kept in memory; the least recently active room without listeners is forgotten first. */
  maxRooms?: number;
}

export type RoomHub = ReturnType<typeof createRoomHub>;

/** A public, stable pseudonym for a member id: lets a page recognise its own messages without revealing the id. */
export function memberTag(memberId: string): string {
  return createHash('sha256').update(`pnyx-web:${memberId}`).digest('base64url').slice(0, 12);
}

export function createRoomHub(options: RoomHubOptions = {}) {
  const epoch = randomBytes(4).toString('hex');
  const limits: StreamLimits = { epoch, ringSize: options.ringSize ?? 2000, maxMessages: options.maxMessages ?? 500 };
  const maxRooms = options.maxRooms ?? 200;
  const rooms = new Map<string, Room>();
  let refSeq = 0;

  const room = (id: string): Room => {
    let r = rooms.get(id);
    if (!r) {
      r = newRoom(id);
      rooms.set(id, r);
      if (rooms.size > maxRooms) evictOneRoom(id);
    }
    r.lastActive = Date.now();
    return r;
  };

  const evictOneRoom = (keep: string) => {
    let oldest: Room | undefined;
    for (const r of rooms.values()) {
      if (r.id === keep || r.listeners.size > 0) continue;
      if (!oldest || r.lastActive < oldest.lastActive) oldest = r;
    }
    if (oldest) rooms.delete(oldest.id);
  };

  /** Records and broadcasts a message, an edit or a deletion (replayable). */
  const publish = (roomId: string, event: Extract<RoomEvent, { type: 'message' | 'edit' | 'delete' }>) => record(room(roomId), event, limits);

  /** Broadcasts a passing signal (not replayed). */
  const signal = (roomId: string, event: Extract<RoomEvent, { type: 'typing' | 'presence' | 'settings' }>) => {
    broadcast(room(roomId), frameOf(event));
  };

  const presence = (r: Room) => signal(r.id, { type: 'presence', members: currentMembers(r) });

  return {
    epoch,
    nextRef: () => `${epoch}.${++refSeq}`,
    getMessage: (roomId: string, ref: string) => rooms.get(roomId)?.messages.get(ref),
    messages: (roomId: string) => [...(rooms.get(roomId)?.messages.values() ?? [])],
    publish,
    signal,
    /** Removes a message from the room (everyone's page drops it). */
    remove(roomId: string, ref: string) {
      if (rooms.get(roomId)?.messages.has(ref)) publish(roomId, { type: 'delete', ref });
    },

    /** Subscribes to a room. Returns the frames that bring this subscriber up to date (a replay after
     * `lastEventId`, or a full snapshot when the id is unknown, too old or from another process) and the
     * unsubscribe function. Registration and catch-up happen in one synchronous step, so nothing falls between. */
    subscribe(
      roomId: string,
      lastEventId: string | undefined,
      member: Member | undefined,
      send: (frame: SseFrame) => void,
      end: () => void = () => {},
    ) {
      const r = room(roomId);
      const initial = catchUp(r, epoch, lastEventId);
      const key = Symbol('listener');
      r.listeners.set(key, { member, send, end });
      if (member) presence(r);
      else initial.push(frameOf({ type: 'presence', members: currentMembers(r) }));
      return {
        initial,
        unsubscribe: () => {
          if (r.listeners.delete(key) && member) presence(r);
        },
      };
    },

    /**
     * Takes a name for a member in a room (releasing the one they held before); false when another member holds it.
     * The first member to take a name in a room becomes its creator.
     */
    claimName: (roomId: string, tag: string, name: string): boolean => claimName(room(roomId), tag, name),
    isCreator: (roomId: string, tag: string) => rooms.get(roomId)?.creator === tag,
    members: (roomId: string) => currentMembers(room(roomId)),
    listenerCount: (roomId: string) => rooms.get(roomId)?.listeners.size ?? 0,

    /** Holds a member's prompt until the core answers it. */
    hold(roomId: string, message: WebMessage) {
      room(roomId).pending.set(message.ref, message);
    },
    /** Shows a held prompt (when the core answers it, or once its event is handled without a refusal). */
    release(roomId: string, ref: string | undefined) {
      const r = rooms.get(roomId);
      const message = ref ? r?.pending.get(ref) : undefined;
      if (!r || !message) return;
      r.pending.delete(message.ref);
      publish(roomId, { type: 'message', message });
    },
    /** Forgets a held prompt the core refused; returns whether it was still held. */
    drop(roomId: string, ref: string): boolean {
      return rooms.get(roomId)?.pending.delete(ref) ?? false;
    },
    isHeld: (roomId: string, ref: string) => rooms.get(roomId)?.pending.has(ref) ?? false,

    /** Closes every subscriber's stream (server shutdown). */
    closeAll() {
      for (const r of rooms.values()) {
        const listeners = [...r.listeners.values()];
        r.listeners.clear();
        for (const listener of listeners) listener.end();
      }
    },
  };
}
