// Shapes of everything the page sends. Parsed with zod at the door; anything else is answered with a clear,
// localised 400 and never reaches the core.
import { z } from 'zod';
import type { CommandName } from '../../core/port/types';
import { cleanName, MAX_NAME_CHARS } from './names';

export const ROOM_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const RoomIdSchema = z.string().regex(ROOM_ID);

/** Largest JSON body accepted: stops a browser or script from sending megabytes. A prompt longer than the configured
 * limit is refused with the core's own message (routes.ts), whatever its size below this. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Longest text the schema takes; the configured prompt limit (battle.maxPromptChars) is checked after it. */
export const MAX_TEXT_CHARS = 60_000;

const locale = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/).max(35);

/** A display name as typed: cleaned (names.ts), then 1–40 visible characters. */
export const NameSchema = z
  .string()
  .max(400)
  .transform(cleanName)
  .pipe(z.string().min(1).max(MAX_NAME_CHARS));

/** Who is acting, as the page says it: only a display name. The member's id comes from the session cookie. */
export const MemberSchema = z
  .object({
    name: NameSchema,
    /** The page's language (ignored by the core: a room's text follows the room's language). */
    locale: locale.optional(),
  })
  .strict();
export type Member = z.infer<typeof MemberSchema>;

export const JoinBodySchema = z.object({ member: MemberSchema }).strict();

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

export const COMMANDS = ['start', 'help', 'privacy', 'leaderboard', 'settings', 'arena', 'campaign', 'mydata', 'forget'] as const satisfies readonly CommandName[];

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
  name: NameSchema.optional(),
  /** EventSource sends Last-Event-ID itself on reconnects; a page that reloads passes its last id here. */
  lastEventId: z.string().max(64).optional(),
});

/** `/leaderboard args` typed in the prompt box is a command, as in the chat platforms. */
export function parseCommand(text: string): { name: string; args: string } | null {
  const match = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : null;
}
