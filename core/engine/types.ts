// The arena's public face: what adapters, scripts and tests call.
import type { Ack, ChatAddress, ChatPort, PnyxEvent, Side, VoteChoice } from '../port/types';

export interface Arena {
  /** Register an adapter; events from its platform are answered through it, and timed reveals are posted to it. */
  attach(port: ChatPort): void;
  /**
   * The single entry point: a platform event in, its acknowledgement out — as soon as Pnyx has decided what the person
   * sees first (a refusal, a vote's private reveal, nothing for a battle that starts). The rest (generation, streaming,
   * closing, posting) continues as work that `ack.done` waits for and `stop()` drains.
   */
  handle(event: PnyxEvent): Promise<Ack>;
  /** Resolves once no work started by events is left (tests, scripts). */
  idle(): Promise<void>;
  /**
   * Stores raw platform deliveries durably before the adapter confirms them to its platform (long polling confirms an
   * offset only past stored updates), so that a process dying at any instant loses none: what it did not finish is
   * handed back to the adapter (`ChatPort.replay`) by a process that is alive. Resolves with the delivery ids that were
   * new; the adapter handles those (the others were stored or handled before).
   */
  store(platform: string, deliveries: ReadonlyArray<{ delivery: string; payload: string }>): Promise<Set<string>>;
  /** Posts the leaderboard into a chat (scheduled posts); false when nothing could be posted there. */
  postLeaderboard(chatId: string, options?: { campaign?: string }): Promise<boolean>;
  /** A campaign's scheduled post in each of its chats: the progress gauge and board, or the prompt of the day. */
  postCampaign(campaignId: string, kind: 'progress' | 'topic', dueAt?: Date): Promise<boolean>;
  /** Writes and posts the final report of closed campaigns to their chats (once per chat); how many posts were made. */
  postFinalReports(dir: string): Promise<number>;
  /** Close overdue battles, take over battles of processes that are gone, start the timers. */
  start(): Promise<void>;
  /**
   * Loads now what the first prompt would otherwise load while it is being acknowledged (the language detector, the
   * models' first health check), some of it blocking the event loop for a second or more. Adapters whose platform
   * wants every answer within a few seconds call it before taking events. Never rejects.
   */
  warmUp(): Promise<void>;
  /** Stop timers, abort generations in flight and mark their battles failed cleanly. */
  stop(): Promise<void>;
}

/** A snapshot of one battle as the core shows it (used by the web playground and the terminal). */
export interface BattleView {
  id: string;
  token: string;
  status: 'streaming' | 'open' | 'closed' | 'failed';
  chat: ChatAddress;
  turns: Array<{ prompt: string; replies: Record<Side, { text: string; done: boolean; error?: string }> }>;
  votes: number;
  /** Present once revealed to the asker (after their vote or the close). */
  reveal?: Record<Side, { model: string; displayName: string; organisation?: string; demo: boolean }>;
  myVote?: VoteChoice;
}
