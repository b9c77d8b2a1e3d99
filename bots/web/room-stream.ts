// The replayable stream of one room: each message, edit or deletion is kept (the latest messages for a newcomer's
// snapshot, the latest frames for a reconnecting browser's replay after its Last-Event-ID) and sent to every listener.
import type { Room } from './room-members';
import type { RoomEvent, SseFrame } from './rooms';

export function frameOf(event: RoomEvent, id?: string): SseFrame {
  const { type, ...payload } = event;
  return { ...(id ? { id } : {}), event: type, data: JSON.stringify(payload) };
}

export function broadcast(r: Room, frame: SseFrame) {
  for (const listener of r.listeners.values()) listener.send(frame);
}

export interface StreamLimits {
  epoch: string;
  ringSize: number;
  maxMessages: number;
}

/** Records a message, an edit or a deletion in the room and sends it to every listener. */
export function record(r: Room, event: Extract<RoomEvent, { type: 'message' | 'edit' | 'delete' }>, limits: StreamLimits) {
  if (event.type === 'delete') r.messages.delete(event.ref);
  else r.messages.set(event.message.ref, event.message);
  if (r.messages.size > limits.maxMessages) {
    const first = r.messages.keys().next();
    if (!first.done) r.messages.delete(first.value);
  }
  r.seq += 1;
  const frame = frameOf(event, `${limits.epoch}-${r.seq}`);
  r.ring.push({ seq: r.seq, frame });
  if (r.ring.length > limits.ringSize) r.ring.splice(0, r.ring.length - limits.ringSize);
  broadcast(r, frame);
}

/**
 * The frames that bring a subscriber up to date: a replay after `lastEventId`, or a full snapshot when the id is
 * unknown, too old or from another process (the epoch differs).
 */
export function catchUp(r: Room, epoch: string, lastEventId: string | undefined): SseFrame[] {
  const [lastEpoch, lastSeqText] = (lastEventId ?? '').split('-');
  const lastSeq = Number(lastSeqText);
  const oldest = r.ring[0]?.seq ?? r.seq + 1;
  if (lastEpoch === epoch && Number.isInteger(lastSeq) && lastSeq <= r.seq && lastSeq >= oldest - 1) {
    return r.ring.filter((entry) => entry.seq > lastSeq).map((entry) => entry.frame);
  }
  return [{ id: `${epoch}-${r.seq}`, event: 'snapshot', data: JSON.stringify({ messages: [...r.messages.values()] }) }];
}
