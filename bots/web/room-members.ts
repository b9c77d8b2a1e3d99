// One room's state, and who is in it: the members listening now and the names taken (two members never show the same
// name; the first to take one is the room's creator).
import { nameKey } from './names';
import type { Member, SseFrame, WebMessage } from './rooms';

export interface Room {
  id: string;
  messages: Map<string, WebMessage>;
  ring: Array<{ seq: number; frame: SseFrame }>;
  seq: number;
  listeners: Map<symbol, { member: Member | undefined; send: (frame: SseFrame) => void; end: () => void }>;
  /** Member prompts not shown yet: they appear when the core answers them, and vanish if it refuses them. */
  pending: Map<string, WebMessage>;
  lastActive: number;
  /** Names in use (nameKey → holder): two members never show the same name. */
  names: Map<string, Member>;
  /** The member who named themselves here first since the process started: they may change the room's settings. */
  creator?: string;
}

export const newRoom = (id: string): Room => ({ id, messages: new Map(), ring: [], seq: 0, listeners: new Map(), pending: new Map(), lastActive: Date.now(), names: new Map() });

/** The members listening, each once, by name. */
export function currentMembers(r: Room): Member[] {
  const members = new Map<string, Member>();
  for (const { member } of r.listeners.values()) if (member) members.set(member.tag, member);
  return [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Takes a name for a member (releasing the one they held before); false when another member holds it. */
export function claimName(r: Room, tag: string, name: string): boolean {
  const key = nameKey(name);
  const holder = r.names.get(key);
  if (holder && holder.tag !== tag) return false;
  for (const [k, m] of r.names) if (m.tag === tag && k !== key) r.names.delete(k);
  r.names.set(key, { tag, name });
  r.creator ??= tag;
  return true;
}
