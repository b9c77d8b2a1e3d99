// The arena's public face: what adapters, scripts and tests call.
import type { ChatAddress, ChatPort, HandleResult, PnyxEvent, Side, VoteChoice } from '../port/types';

export interface Arena {
  /** Register an adapter; events from its platform are answered through it, and timed reveals are posted to it. */
  attach(port: ChatPort): void;
  /** The single entry point: a platform event in, the person's private answer out (posts go through the port).
   * Resolves once the work the event started is finished (a battle streamed, a vote stored). */
  handle(event: PnyxEvent): Promise<HandleResult>;
  /**
   * The platform gave a chat a new id (a Telegram group upgraded to a supergroup): its settings, battles, leaderboard
   * and schedules follow. False when there was nothing to move (already moved, or the new id is another chat's).
   */
  moveChat(platform: string, fromId: string, toId: string): Promise<boolean>;
  /** Posts the leaderboard into a chat (scheduled posts); false when nothing could be posted there. */
  postLeaderboard(chatId: string, options?: { campaign?: string }): Promise<boolean>;
  /** Close overdue battles, fail battles interrupted by a restart, start the close timer. */
  start(): Promise<void>;
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
