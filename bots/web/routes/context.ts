// What every route of the playground shares: the options the app was built with, their defaults filled in, and the
// one store of personal files. Each route module takes this object explicitly instead of closing over everything.
import type { Logger } from 'pino';
import type { Arena } from '../../../core/engine/types';
import type { I18n, Locale } from '../../../core/i18n/index';
import { createDownloads, type Downloads } from '../downloads';
import type { LeaderboardSource } from '../leaderboard';
import type { WebLimiter } from '../limits';
import type { RoomHub } from '../rooms';
import type { Session, Sessions } from '../session';

export interface WebAppOptions {
  arena: Pick<Arena, 'handle'>;
  i18n: I18n;
  log: Logger;
  hub: RoomHub;
  leaderboard: LeaderboardSource;
  /** Comment frames keep idle SSE connections open through proxies and detect gone clients. */
  heartbeatMs?: number;
  sessions: Sessions;
  limiter: WebLimiter;
  /** The configured prompt limit (battle.maxPromptChars): one limit, one message, also counted by the page. */
  maxPromptChars: number;
  /** A room's language: its setting, else the configured default. Everything shown in the room uses it. */
  roomLocale(room: string): Promise<Locale>;
  /** The core's chat id of a room, once it has one (its own leaderboard). */
  roomChat?(room: string): Promise<string | null>;
  /** A token that lets a script change any room's settings (X-Pnyx-Operator header); none: only rooms' creators. */
  operatorToken?: string;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy); else the socket's. */
  trustProxy?: boolean;
}

/** What the guard of the JSON API leaves on a state-changing request's context for its handler. */
export type Env = { Variables: { session: Session; ip: string } };

export interface WebContext extends Omit<WebAppOptions, 'heartbeatMs'> {
  heartbeatMs: number;
  /** Personal data files waiting behind their one-time links (/mydata). */
  downloads: Downloads;
}

export function createWebContext(options: WebAppOptions): WebContext {
  return { ...options, heartbeatMs: options.heartbeatMs ?? 15_000, downloads: createDownloads() };
}
