// The first answer to an interaction and what follows it through the token: whoever comes first (the core's
// acknowledgement or the safety timer) sends the one first answer; an acknowledgement that comes after a safety
// defer is delivered through the token instead (responder.ts tracks the interactions).
import type { Logger } from 'pino';
import type { Ack, Button } from '../../core/port/types';
import { CALLBACK, CODES, discordCode, type CallbackType, type DiscordCalls } from './calls';
import { messageBody, modalBody } from './render';
import type { InteractionFacts } from './responder';

/** What the interaction's own response message is, for the core's public answer. */
export type Original = 'none' | 'thinking-public' | 'thinking-private' | 'shown';

export interface Session extends InteractionFacts {
  createdAt: number;
  original: Original;
  /** The first answer, once sent (whichever path sent it). */
  first?: Promise<boolean>;
  /** Resolves when the first answer has been given (or could not be). */
  firstDone: Promise<void>;
  markFirstDone(): void;
  timer?: NodeJS.Timeout;
  /** The message that publicly answered it, once there is one. */
  answerRef?: string;
}

/** What the answers use, passed explicitly. */
export interface AnswerDeps {
  calls: DiscordCalls;
  log: Logger;
}

/** The one first answer: whoever calls first (the acknowledgement or the safety timer) sends it; the other waits. */
export function firstAnswer(deps: AnswerDeps, s: Session, type: CallbackType, data?: Parameters<DiscordCalls['callback']>[3], original: Original = s.original): Promise<boolean> {
  if (s.first) return s.first;
  clearTimeout(s.timer);
  s.first = deps.calls
    .callback(s.id, s.token, type, data)
    .then(() => {
      s.original = original;
      return true;
    })
    .catch((error: unknown) => {
      const code = discordCode(error);
      // 10062: too late (the person saw "This interaction failed"); 40060: answered already (a duplicate delivery).
      const level = code === CODES.unknownInteraction || code === CODES.alreadyAcknowledged ? 'warn' : 'error';
      deps.log[level]({ err: error, interaction: s.id, kind: s.kind, callback: type }, 'discord: interaction could not be answered');
      return false;
    })
    .finally(() => s.markFirstDone());
  return s.first;
}

/** The safety defer's kind: an update of the pressed message, or a deferred reply public or private. */
export function deferType(s: Session): { type: CallbackType; original: Original; data?: { flags: number } } {
  if (s.fromMessage) return { type: CALLBACK.deferUpdate, original: 'none' };
  return s.publicByDefault ? { type: CALLBACK.deferReply, original: 'thinking-public' } : { type: CALLBACK.deferReply, original: 'thinking-private', data: { flags: 64 } };
}

export const ephemeral = (deps: AnswerDeps, text: string, buttons?: Button[][]) =>
  messageBody({ text, ...(buttons ? { buttons } : {}) }, { ephemeral: true, onDrop: (d) => deps.log.error(d, 'discord: a notice button Discord would refuse was dropped') });

/** A person's data file (the core sends one only where the answer is private): an ephemeral follow-up carrying it. */
async function sendFile(deps: AnswerDeps, s: Session, ack: Ack): Promise<void> {
  const file = ack.notice?.file;
  if (!file) return;
  await deps.calls.followUp(s.applicationId, s.token, ephemeral(deps, s.t('discord-file-caption')), file);
}

/** After a safety defer, the acknowledgement goes through the token instead. */
export async function late(deps: AnswerDeps, s: Session, ack: Ack): Promise<void> {
  const { calls } = deps;
  if (!(await s.first)) return;
  const notice = ack.notice;
  if (ack.replace && s.fromMessage) {
    const { flags: _flags, ...body } = messageBody(ack.replace);
    await calls.editOriginal(s.applicationId, s.token, body);
  }
  if (ack.form) {
    // A modal can only be the first answer: ask the person to press again (the core will be quick this time).
    await calls.followUp(s.applicationId, s.token, ephemeral(deps, s.t('discord-form-retry')));
  }
  if (!notice) return;
  if (s.original === 'thinking-public' || s.original === 'thinking-private') {
    // Deferring decided who sees the response; the notice takes its place.
    const { flags: _flags, ...body } = ephemeral(deps, notice.text, notice.buttons);
    await calls.editOriginal(s.applicationId, s.token, body);
    s.original = 'shown';
  } else {
    await calls.followUp(s.applicationId, s.token, ephemeral(deps, notice.text, notice.buttons));
  }
  await sendFile(deps, s, ack);
}

/** Gives the core's acknowledgement as the interaction's answer: a modal, an update, an ephemeral reply or a defer. */
export async function acknowledge(deps: AnswerDeps, s: Session, ack: Ack): Promise<void> {
  try {
    if (s.first) return await late(deps, s, ack);
    if (ack.form && s.kind !== 'modal') {
      await firstAnswer(deps, s, CALLBACK.modal, modalBody(ack.form));
    } else if (ack.replace && s.fromMessage) {
      const { flags: _flags, ...body } = messageBody(ack.replace);
      if ((await firstAnswer(deps, s, CALLBACK.update, body)) && ack.notice) {
        await deps.calls.followUp(s.applicationId, s.token, ephemeral(deps, ack.notice.text, ack.notice.buttons));
      }
    } else if (ack.notice) {
      if (await firstAnswer(deps, s, CALLBACK.reply, ephemeral(deps, ack.notice.text, ack.notice.buttons), 'shown')) await sendFile(deps, s, ack);
    } else {
      // Nothing to say at once: the core works on (a battle, a board) and answers publicly, or the press is done.
      const { type, original, data } = s.fromMessage ? { type: CALLBACK.deferUpdate, original: 'none' as const, data: undefined } : { type: CALLBACK.deferReply, original: 'thinking-public' as const, data: undefined };
      await firstAnswer(deps, s, type, data, original);
    }
  } catch (error) {
    deps.log.warn({ err: error, interaction: s.id }, 'discord: answering the interaction after its first answer failed');
  }
}
