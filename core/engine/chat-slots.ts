// How many battles one chat runs at once, where the platform limits how many messages a chat may receive (its
// budget, PortLimits.budget): each battle posts at least three messages (two replies and a ballot), so a chat allowed
// 20 a minute runs a few battles at a time and the others wait their turn, in order, with their place in line told to
// the person who asked. Without a budget, battles never wait.
export interface ChatSlots {
  /**
   * Takes a place in the chat's line now, while the event is acknowledged, so that the next battle asked a moment
   * later counts this one even though its work has not started yet.
   */
  enter(chatId: string, capacity: number): Promise<LinePlace>;
}

export interface LinePlace {
  /** How many battles must end before this one starts (0: it starts at once). */
  readonly ahead: number;
  /** Resolves when this battle's turn has come. */
  turn(): Promise<void>;
  /** Leaves the line (or the running battles): the next battle in line starts. Idempotent. */
  free(): void;
}

/** Posts one battle needs at least, counted against a chat's budget (replies A and B, the ballot), with some room. */
export const POSTS_PER_BATTLE = 6;

const NO_WAIT: LinePlace = { ahead: 0, turn: async () => undefined, free: () => undefined };

/** One process: the line in memory. */
export function createChatSlots(): ChatSlots {
  const chats = new Map<string, { running: number; waiting: Array<() => void> }>();
  return {
    async enter(chatId, capacity) {
      if (capacity === Infinity) return NO_WAIT;
      let c = chats.get(chatId);
      if (!c) chats.set(chatId, (c = { running: 0, waiting: [] }));
      const chat = c;
      let started: Promise<void>;
      let ahead = 0;
      if (chat.running < capacity && chat.waiting.length === 0) {
        chat.running++;
        started = Promise.resolve();
      } else {
        started = new Promise<void>((resolve) => chat.waiting.push(resolve));
        ahead = chat.waiting.length;
      }
      let freed = false;
      return {
        ahead,
        turn: () => started,
        free() {
          if (freed) return;
          freed = true;
          // A place still waiting is only waiting for its own turn to be given back at once (see below).
          void started.then(() => {
            const next = chat.waiting.shift();
            // The slot passes straight to the next battle in line; the chat is forgotten once nothing runs there.
            if (next) next();
            else if (--chat.running === 0) chats.delete(chatId);
          });
        },
      };
    },
  };
}
