// A member acting in a room: who they are to the core, their name in the room, their allowance, and whether they
// may change the room's settings.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Locale } from '../../../core/i18n/index';
import type { ChatAddress, Person } from '../../../core/port/types';
import { memberTag } from '../rooms';
import type { Member } from '../schemas';
import type { Session } from '../session';
import type { Env, WebContext } from './context';
import { fail } from './http';
import { isOperator } from './session';

export const roomAddress = (room: string): ChatAddress => ({ platform: 'web', id: room, kind: 'group', title: `#${room}` });

// No locale: what the core tells a person in a room is in the room's language, like everything else they read there.
export const personOf = (session: Session, member: Member): Person => ({ platform: 'web', id: session.memberId, displayName: member.name });

export const tagOf = (c: Context<Env>) => memberTag(c.get('session').memberId);

/** Only the room's creator, or a script holding the operator token, may change a room's settings. */
export const adminCheck = (web: WebContext, c: Context<Env>, room: string) => async () => isOperator(web, c) || web.hub.isCreator(room, tagOf(c));

/** The member's name in the room, or a 409 when another member shows it. */
export function claim(web: WebContext, c: Context<Env>, room: string, member: Member, locale: Locale): Response | null {
  return web.hub.claimName(room, tagOf(c), member.name) ? null : fail(web, c, 409, 'web-error-name-taken', { name: member.name }, locale);
}

/** Charges the session's and the address's allowance; a 429 in the room's language when used up. */
export async function charge(web: WebContext, c: Context<Env>, kind: 'prompt' | 'action', locale: Locale): Promise<Response | null> {
  const seconds = await web.limiter.use(kind, c.get('session').id, c.get('ip'));
  if (seconds === 0) return null;
  web.log.info({ path: c.req.path, kind, seconds }, 'web: rate limited');
  return fail(web, c, 429, 'web-error-rate-limited', { seconds }, locale);
}

/** The page may name its request (a retry after a network error sends the same id); else every request is new. */
export const deliveryOf = (requestId: string | undefined) => requestId ?? randomUUID();
