// How many battles one chat runs at once, where the platform limits how many messages a chat may receive (its
// budget, PortLimits.budget): each battle posts at least three messages (two replies and a ballot), so a chat allowed
// 20 a minute runs a few battles at a time and the others wait their turn, in order, with their place in line told to
// the person who asked. Without a budget, battles never wait.
export interface ChatSlots {
  /** How many battles wait ahead of a new one in this chat (0: it starts at once). */
  ahead(chatId: string, capacity: number): Promise<number>;
  /** Waits for a free slot in the chat; the returned function frees it. */
  acquire(chatId: string, capacity: number): Promise<() => void>;
}

/** Posts one battle needs at least, counted against a chat's budget (replies A and B, the ballot), with some room. */
export const POSTS_PER_BATTLE = 6;

export function createChatSlots(): ChatSlots {
  const chats = new Map<string, { running: number; waiting: Array<() => void> }>();
  const of = (chatId: string) => {
    let c = chats.get(chatId);
    if (!c) chats.set(chatId, (c = { running: 0, waiting: [] }));
    return c;
  };
  return {
    async ahead(chatId, capacity) {
      const c = chats.get(chatId);
      if (!c) return 0;
      return Math.max(0, c.running + c.waiting.length - capacity + 1);
    },
    async acquire(chatId, capacity) {
      const c = of(chatId);
      if (c.running >= capacity || c.waiting.length) await new Promise<void>((resolve) => c.waiting.push(resolve));
      else c.running++;
      let freed = false;
      return () => {
        if (freed) return;
        freed = true;
        const next = c.waiting.shift();
        // The slot passes straight to the next battle in line; the chat is forgotten once nothing runs there.
        if (next) next();
        else if (--c.running === 0) chats.delete(chatId);
      };
    },
  };
}
