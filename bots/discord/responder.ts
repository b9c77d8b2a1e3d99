// Answering interactions: Discord wants one first answer within 3 seconds, then allows edits and follow-ups through
// the interaction's token for 15 minutes. The core's acknowledgement (notice / replace / form) arrives in
// milliseconds and becomes that first answer: an ephemeral reply, an update of the pressed message, a modal. When the
// core will answer publicly instead (a battle's prompt, a leaderboard), the interaction gets a deferred public reply
// that the core's first message then fills (`SendOptions.answering`). Should the core ever be slow, a timer defers in
// time and the acknowledgement follows through the token instead. The answers themselves are responder-answers.ts.
import type { Logger } from 'pino';
import type { Ack } from '../../core/port/types';
import type { Translate } from '../../core/i18n';
import { CALLBACK, type DiscordCalls, type Png, type PostedMessage } from './calls';
import type { MessageJson } from './render';
import { acknowledge, deferType, ephemeral, firstAnswer, late, type AnswerDeps, type Session } from './responder-answers';
import { refOf } from './translate';

/**
 * Discord's deadline is 3 s for the answer to *arrive*; the safety defer goes out after 1 s, leaving the rest for a
 * busy event loop and the network. (The core answers in milliseconds; a cold process's first battle, loading its
 * language detector and models, is what usually takes this path.)
 */
export const DEFER_AFTER_MS = 1_000;
/** An interaction token works for 15 minutes; Pnyx stops using it a minute earlier. */
export const TOKEN_LIFE_MS = 14 * 60_000;

export interface InteractionFacts {
  id: string;
  token: string;
  applicationId: string;
  /** Where it happened (a thread's own id inside a thread). */
  channelId: string;
  kind: 'command' | 'component' | 'modal';
  /** A component, or a modal opened from one: the pressed message can be updated. */
  fromMessage: boolean;
  /** If the core is slow, defer publicly (the answer will most likely be public: a battle, a leaderboard, a DM). */
  publicByDefault: boolean;
  /** The person's language, for the adapter's own words. */
  t: Translate;
}

export interface Responder {
  /** Starts tracking an interaction and arms the safety defer. */
  begin(facts: InteractionFacts): void;
  /** Gives the core's acknowledgement as the interaction's answer. */
  acknowledge(delivery: string, ack: Ack): Promise<void>;
  /** An answer the adapter decided itself (a refusal before the core): an ephemeral reply. */
  refuse(delivery: string, text: string): Promise<void>;
  /** Leaves an interaction unanswered here: another process handled it (and answers it). */
  forget(delivery: string): void;
  /** After the core's work: a deferred reply nobody filled is removed rather than left "thinking…". */
  settle(delivery: string): Promise<void>;
  /**
   * Posts the core's public answer to an interaction as the interaction's own response, when it is waiting for one
   * (deferred publicly, token alive, same channel). Undefined when the message should be posted normally.
   */
  answerPublicly(delivery: string, channelId: string, body: MessageJson, image?: Png): Promise<PostedMessage | undefined>;
  /** The interaction whose public answer is the message `ref` (while its token lives). */
  answeredBy(ref: string): string | undefined;
  /** Tells the person behind an interaction something privately (an ephemeral follow-up), while its token lives. */
  tellPrivately(delivery: string, text: (t: Translate) => string): Promise<boolean>;
  /** Interactions still tracked (tests, shutdown). */
  size(): number;
  stop(): void;
}

export function createResponder(calls: DiscordCalls, log: Logger, options: { deferAfterMs?: number } = {}): Responder {
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const deps: AnswerDeps = { calls, log };
  const sessions = new Map<string, Session>();
  /** Message ref → the interaction it publicly answered. */
  const answers = new Map<string, string>();

  const alive = (s: Session) => Date.now() - s.createdAt < TOKEN_LIFE_MS;

  /** Forget sessions whose token is dead: nothing can be done through them any more. */
  const prune = () => {
    for (const [id, s] of sessions) {
      if (alive(s)) break; // insertion order is age order
      clearTimeout(s.timer);
      sessions.delete(id);
      if (s.answerRef) answers.delete(s.answerRef);
    }
  };

  return {
    begin(facts) {
      prune();
      let markFirstDone!: () => void;
      const firstDone = new Promise<void>((resolve) => (markFirstDone = resolve));
      const session: Session = { ...facts, createdAt: Date.now(), original: 'none', firstDone, markFirstDone };
      session.timer = setTimeout(() => {
        const { type, original, data } = deferType(session);
        log.info({ interaction: session.id, kind: session.kind, afterMs: deferAfterMs }, 'discord: the core was slow; deferring the interaction');
        void firstAnswer(deps, session, type, data, original);
      }, deferAfterMs);
      session.timer.unref();
      sessions.set(facts.id, session);
    },

    async acknowledge(delivery, ack) {
      const s = sessions.get(delivery);
      if (!s) return;
      await acknowledge(deps, s, ack);
    },

    async refuse(delivery, text) {
      const s = sessions.get(delivery);
      if (!s) return;
      if (s.first) return late(deps, s, { notice: { text } }).catch((error: unknown) => log.warn({ err: error, interaction: s.id }, 'discord: refusal not delivered'));
      await firstAnswer(deps, s, CALLBACK.reply, ephemeral(deps, text), 'shown');
    },

    forget(delivery) {
      const s = sessions.get(delivery);
      if (!s) return;
      clearTimeout(s.timer);
      sessions.delete(delivery);
      s.markFirstDone();
    },

    async settle(delivery) {
      const s = sessions.get(delivery);
      if (!s) return;
      await s.firstDone;
      if (!alive(s) || (s.original !== 'thinking-public' && s.original !== 'thinking-private')) return;
      s.original = 'none';
      await calls.deleteOriginal(s.applicationId, s.token).catch((error: unknown) => log.warn({ err: error, interaction: s.id }, 'discord: an unused deferred reply could not be removed'));
    },

    async answerPublicly(delivery, channelId, body, image) {
      const s = sessions.get(delivery);
      if (!s || s.channelId !== channelId) return undefined;
      await s.firstDone;
      if (!alive(s) || s.original !== 'thinking-public') return undefined;
      s.original = 'shown';
      // The deferred reply's visibility was chosen when deferring; flags cannot change it now.
      const { flags: _flags, nonce: _nonce, enforce_nonce: _enforce, ...edit } = body;
      const posted = await calls.editOriginal(s.applicationId, s.token, edit, image);
      s.answerRef = refOf(posted.channel_id, posted.id);
      answers.set(s.answerRef, s.id);
      return posted;
    },

    answeredBy(ref) {
      const delivery = answers.get(ref);
      const s = delivery ? sessions.get(delivery) : undefined;
      return s && alive(s) ? delivery : undefined;
    },

    async tellPrivately(delivery, text) {
      const s = sessions.get(delivery);
      if (!s || !alive(s)) return false;
      await s.firstDone;
      try {
        await calls.followUp(s.applicationId, s.token, ephemeral(deps, text(s.t)));
        return true;
      } catch (error) {
        log.warn({ err: error, interaction: s.id }, 'discord: private follow-up not delivered');
        return false;
      }
    },

    size: () => sessions.size,

    stop() {
      for (const s of sessions.values()) clearTimeout(s.timer);
    },
  };
}
