// What every listener shares: the core, the port, the directory of people and conversations, how answers are shown,
// and the few helpers that turn an Origin (events.ts) into the core's event fields. Built once per Slack app.
import type { RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Arena } from '../../core/engine/types';
import type { I18n, Translate } from '../../core/i18n';
import { createPendingWork, type PendingWork } from '../../core/pending-work';
import type { Ack, Person, PnyxEvent } from '../../core/port/types';
import type { AnswerTarget, Answers } from './answers';
import type { Directory } from './directory';
import { PLATFORM, type Origin } from './events';
import type { SlackPort } from './port';

/** What the adapter needs from the application (a subset of core/app.ts's PnyxApp). */
export interface SlackAppParts {
  arena: Arena;
  i18n: I18n;
  log: Logger;
}

export interface BotIdentity {
  userId: string;
  name: string;
  teamId?: string;
}

/** response_urls are valid 30 minutes. */
const RESPONDERS_TTL_MS = 30 * 60_000;

/**
 * response_urls of recent slash commands, by delivery: when a post the core makes in answer to one cannot reach the
 * channel (the app was removed meanwhile), the person who typed the command is still told why, privately.
 */
export class Responders {
  private readonly entries = new Map<string, { respond: RespondFn; user: string; at: number }>();
  set(delivery: string, respond: RespondFn, user: string): void {
    const before = Date.now() - RESPONDERS_TTL_MS;
    for (const [key, entry] of this.entries) {
      if (entry.at >= before) break;
      this.entries.delete(key);
    }
    this.entries.set(delivery, { respond, user, at: Date.now() });
  }
  get(delivery: string): { respond: RespondFn; user: string } | undefined {
    return this.entries.get(delivery);
  }
}

export interface SlackContext {
  app: SlackAppParts;
  log: Logger;
  bot: BotIdentity;
  port: SlackPort;
  directory: Directory;
  answers: Answers;
  responders: Responders;
  inflight: PendingWork;
  /** The fields every core event has, for what happened at `origin`. */
  base(origin: Origin): Promise<{ delivery: string; chat: Origin['chat']; from: Person; messageRef?: string; privateReply: true; isAdmin: () => Promise<boolean> }>;
  /** Where and to whom an answer to `origin` goes. */
  target(origin: Origin, respond?: RespondFn): AnswerTarget;
  /** Runs an event through the core; the work it starts counts as in flight until done. Undefined when it failed. */
  handle(event: PnyxEvent): Promise<Ack | undefined>;
  /** Runs a listener's work tracked, a failure logged rather than left to Bolt's generic handler. */
  run(what: string, work: () => Promise<void>): Promise<void>;
  /** The adapter's own strings in a person's language. */
  t(user: string): Promise<Translate>;
}

export function createSlackContext(parts: Pick<SlackContext, 'app' | 'log' | 'bot' | 'port' | 'directory' | 'answers'>): SlackContext {
  const { app, log, directory } = parts;
  const inflight = createPendingWork();

  const person = async (user: string): Promise<Person> => {
    const info = await directory.person(user);
    return { platform: PLATFORM, id: user, ...(info.displayName ? { displayName: info.displayName } : {}), ...(info.locale ? { locale: info.locale } : {}) };
  };

  return {
    ...parts,
    responders: new Responders(),
    inflight,
    base: async (origin) => ({
      delivery: origin.delivery,
      chat: origin.chat,
      from: await person(origin.user),
      ...(origin.messageRef ? { messageRef: origin.messageRef } : {}),
      // Every Slack event can be answered privately: an ephemeral message, or the interaction's response_url.
      privateReply: true,
      isAdmin: () => directory.isAdmin(origin.user, origin.chat.id),
    }),
    target: (origin, respond) => ({
      channel: origin.chat.id,
      ...(origin.chat.thread ? { thread: origin.chat.thread } : {}),
      user: origin.user,
      kind: origin.chat.kind,
      ...(respond ? { respond } : {}),
    }),
    async handle(event) {
      try {
        const ack = await app.arena.handle(event);
        if (ack.done) void inflight.track(ack.done);
        return ack;
      } catch (error) {
        log.error({ err: error, event: event.type, chat: event.chat.id }, 'slack: the core failed to handle an event');
        return undefined;
      }
    },
    run: (what, work) => inflight.track(work().catch((error: unknown) => log.error({ err: error, what }, 'slack: handling failed'))),
    t: async (user) => app.i18n.t((await directory.person(user)).locale),
  };
}
