// Every message a battle posts is mapped to the battle, with its role, turn and part: replying to it continues the
// battle, and any process can find the battle's messages again (its ballot, its replies) from the database alone.
// Perf (bench/engine.ts): the mappings are written in batches (one transaction for many battles); until written, this
// process answers for them from memory.
import type { BattleRow, MessageRefRow } from '../store/types';
import type { ArenaContext } from './context';

/** Message refs are written in batches, this often or this many at once; until then the arena answers for them. */
const REF_FLUSH_MS = 25;
const REF_BATCH = 64;

export interface MessageRefs {
  addRef(row: MessageRefRow): void;
  flushRefs(): Promise<void>;
  battleOfMessage(chatId: string, ref: string): Promise<BattleRow | null>;
  /** Every ref of a battle: stored ones and those still waiting for their batch. */
  refsOf(battleId: string): Promise<MessageRefRow[]>;
}

export function createMessageRefs(ctx: ArenaContext): MessageRefs {
  const { store, log, inFlight } = ctx;
  const pendingRefs = new Map<string, MessageRefRow>();
  const refKey = (chatId: string, ref: string) => `${chatId}\u0000${ref}`;
  let refTimer: NodeJS.Timeout | undefined;
  let refWrite: Promise<void> | undefined;

  const writeRefs = async (): Promise<void> => {
    refTimer = undefined;
    const batch = [...pendingRefs.values()];
    if (batch.length === 0) return;
    try {
      await store.addMessageRefs(batch);
    } catch (error) {
      // One bad ref must not cost the others theirs.
      log.warn({ err: error, refs: batch.length }, 'message refs not stored as a batch; storing one by one');
      for (const ref of batch) await store.addMessageRefs([ref]).catch((err) => log.warn({ err, battle: ref.battleId, role: ref.role }, 'message ref not stored'));
    }
    for (const ref of batch) {
      const key = refKey(ref.chatId, ref.ref);
      if (pendingRefs.get(key) === ref) pendingRefs.delete(key);
    }
  };

  /** A write chained but not started yet: it will take whatever is pending when it starts. */
  let queued: Promise<void> | undefined;

  const flushRefs = (): Promise<void> => {
    if (refTimer) clearTimeout(refTimer);
    refTimer = undefined;
    // Callers that flush at once (ballots, first reply parts: hundreds a second under load) share the next write
    // rather than each chaining one of its own.
    if (queued) return queued;
    // One write at a time, in order: a later batch may move a ref an earlier one wrote.
    const next = (refWrite ?? Promise.resolve()).then(() => {
      queued = undefined;
      return writeRefs();
    });
    queued = next;
    refWrite = next;
    void next.finally(() => {
      if (refWrite === next) refWrite = undefined;
    });
    return inFlight.track(next);
  };

  const addRef = (row: MessageRefRow) => {
    pendingRefs.set(refKey(row.chatId, row.ref), row);
    // A busy process may not reach its timers for a while (work chained on promises): a full batch goes at once.
    if (pendingRefs.size >= REF_BATCH && !refWrite) void flushRefs();
    else if (!refTimer) {
      refTimer = setTimeout(() => void flushRefs(), REF_FLUSH_MS);
      refTimer.unref();
    }
  };

  const battleOfMessage = async (chatId: string, ref: string): Promise<BattleRow | null> => {
    const pending = pendingRefs.get(refKey(chatId, ref));
    return pending ? store.getBattle(pending.battleId) : store.getBattleByMessageRef(chatId, ref);
  };

  const refsOf = async (battleId: string): Promise<MessageRefRow[]> => {
    const stored = await store.getMessageRefs(battleId);
    const waiting = [...pendingRefs.values()].filter((r) => r.battleId === battleId);
    if (waiting.length === 0) return stored;
    const keys = new Set(waiting.map((r) => refKey(r.chatId, r.ref)));
    return [...stored.filter((r) => !keys.has(refKey(r.chatId, r.ref))), ...waiting];
  };

  return { addRef, flushRefs, battleOfMessage, refsOf };
}
