// Shapes of everything the page sends. Parsed with zod at the door; anything else is answered with a clear,
// localised 400 and never reaches the core.
import { z } from 'zod';
import type { CommandName } from '../../core/port/types';

export const ROOM_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const RoomIdSchema = z.string().regex(ROOM_ID);

/** Largest JSON body accepted. Longer prompts than the core allows still reach it (it refuses them with its own
 * message); this only stops a browser or script from sending megabytes. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Longest prompt text passed to the core (above the configured limit, so the core's own refusal is shown). */
export const MAX_TEXT_CHARS = 20_000;

const locale = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/).max(35);

export const MemberSchema = z
  .object({
    /** Random id the page keeps in localStorage; several tabs with different ids are several members. */
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    name: z
      .string()
      .transform((s) => s.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1).max(40)),
    locale: locale.optional(),
  })
  .strict();
export type Member = z.infer<typeof MemberSchema>;

/** A page may name its request so that a retry is handled once (the engine's delivery id). */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional();

export const PromptBodySchema = z
  .object({
    member: MemberSchema,
    requestId,
    text: z.string().max(MAX_TEXT_CHARS),
    /** Ref of a battle message: makes the prompt a follow-up in that battle. */
    replyTo: z.string().max(64).optional(),
  })
  .strict();

export const ActionBodySchema = z
  .object({
    member: MemberSchema,
    requestId,
    /** The opaque data string of a core button, verbatim. */
    data: z.string().min(1).max(256),
    /** Ref of the message that carried the button (absent for buttons inside a private notice). */
    messageRef: z.string().max(64).optional(),
  })
  .strict();

export const COMMANDS = ['start', 'help', 'privacy', 'leaderboard', 'settings', 'arena', 'mydata', 'forget'] as const satisfies readonly CommandName[];

export const CommandBodySchema = z
  .object({
    member: MemberSchema,
    requestId,
    name: z.enum(COMMANDS),
    args: z.string().max(1000).default(''),
  })
  .strict();

export const FormBodySchema = z
  .object({
    member: MemberSchema,
    requestId,
    /** The opaque data of the core's form, verbatim. */
    data: z.string().min(1).max(256),
    values: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), z.string().max(4000)).refine((v) => Object.keys(v).length <= 10, 'at most 10 fields'),
    messageRef: z.string().max(64).optional(),
  })
  .strict();

export const EventsQuerySchema = z.object({
  member: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  name: z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(40))
    .optional(),
  /** EventSource sends Last-Event-ID itself on reconnects; a page that reloads passes its last id here. */
  lastEventId: z.string().max(64).optional(),
});

/** `/leaderboard args` typed in the prompt box is a command, as in the chat platforms. */
export function parseCommand(text: string): { name: string; args: string } | null {
  const match = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : null;
}
