// Every reply and ballot message is mapped to its battle, so that replying to it continues the battle.
// Perf (bench/engine.ts): the mappings are written in batches (one transaction for many battles); a ref not yet
// written is answered from memory.
import type { BattleRow, MessageRefRow } from '../store/types';
import type { ArenaContext } from './context';

/** Message refs are written in batches, this often or this many at once; until then the arena answers for them. */
const REF_FLUSH_MS = 25;
const REF_BATCH = 64;

export interface MessageRefs {
  addRef(battleId: string, chatId: string, ref: string, role: string): void;
  flushRefs(): Promise<void>;
  battleOfMessage(chatId: string, ref: string): Promise<BattleRow | null>;
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

  const flushRefs = (): Promise<void> => {
    if (refTimer) clearTimeout(refTimer);
    refTimer = undefined;
    // One write at a time, in order: a later batch may move a ref an earlier one wrote.
    const next = (refWrite ?? Promise.resolve()).then(writeRefs);
    refWrite = next;
    void next.finally(() => {
      if (refWrite === next) refWrite = undefined;
    });
    return inFlight.track(next);
  };

  const addRef = (battleId: string, chatId: string, ref: string, role: string) => {
    pendingRefs.set(refKey(chatId, ref), { battleId, chatId, ref, role, turn: null, part: 0 });
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

  return { addRef, flushRefs, battleOfMessage };
}
