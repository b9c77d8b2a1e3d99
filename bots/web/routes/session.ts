// Sessions and the JSON API's guard: a browser's session is created on its first page (limited per address), and
// every state-changing request must come from this site, as JSON, with a valid session and that session's token.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { CSRF_HEADER, OPERATOR_HEADER, equal, sameOrigin, type Session } from '../session';
import { memberTag } from '../rooms';
import { ROOM_ID } from '../schemas';
import type { Env, WebContext } from './context';
import { fail, ipOf } from './http';

/** The browser's session, created (and limited per address) when it has none or a forged one. */
export async function ensureSession(web: WebContext, c: Context): Promise<Session | null> {
  const { sessions, log, limiter } = web;
  const found = await sessions.read(c);
  if (typeof found === 'object') return found;
  if (found === 'forged') log.warn({ path: c.req.path }, 'web: forged session cookie replaced');
  const wait = await limiter.newSession(ipOf(web, c));
  if (wait > 0) {
    log.warn({ path: c.req.path, wait }, 'web: too many new sessions from one address');
    return null;
  }
  return sessions.create(c);
}

export function isOperator(web: WebContext, c: Context): boolean {
  return Boolean(web.operatorToken) && equal(c.req.header(OPERATOR_HEADER) ?? '', web.operatorToken!);
}

// Every state-changing request: from this site, JSON, with a valid session and that session's token.
export function apiGuard(web: WebContext): MiddlewareHandler<Env> {
  const { log, sessions, roomLocale } = web;
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Refusals are in the room's language too, like everything else said in it.
    const room = /^\/api\/rooms\/([^/]+)\//.exec(c.req.path)?.[1];
    const locale = room && ROOM_ID.test(room) ? await roomLocale(room) : undefined;
    if (!sameOrigin(c)) {
      log.warn({ path: c.req.path, origin: c.req.header('origin'), site: c.req.header('sec-fetch-site') }, 'web: cross-site request refused');
      return fail(web, c, 403, 'web-error-cross-site', undefined, locale);
    }
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return fail(web, c, 415, 'web-error-json-only', undefined, locale);
    const session = await sessions.read(c);
    if (session === 'forged') log.warn({ path: c.req.path }, 'web: forged session cookie refused');
    if (typeof session !== 'object') return fail(web, c, 401, 'web-error-session', undefined, locale);
    if (!sessions.csrfMatches(session, c.req.header(CSRF_HEADER))) {
      log.warn({ path: c.req.path }, 'web: missing or wrong CSRF token');
      return fail(web, c, 403, 'web-error-session', undefined, locale);
    }
    c.set('session', session);
    c.set('ip', ipOf(web, c));
    return next();
  };
}

/** GET /api/session, then the guard in front of every later /api/ route (registration order is the guard's reach). */
export function sessionRoutes(app: Hono<Env>, web: WebContext): void {
  /** A session (and its token) for scripts and pages that lost theirs; created when the browser has none. */
  app.get('/api/session', async (c) => {
    const session = await ensureSession(web, c);
    if (!session) return fail(web, c, 429, 'web-error-too-many-sessions');
    c.header('Cache-Control', 'no-store');
    return c.json({ csrf: session.csrf, tag: memberTag(session.memberId) });
  });

  app.use('/api/*', apiGuard(web));
}
