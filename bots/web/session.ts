// Who a browser is, decided by the server: a random session id in a signed, HttpOnly cookie. The member id the core
// sees is derived from it (the browser never names itself), every state-changing request carries a CSRF token derived
// from it, and must come from this site (Origin / Sec-Fetch-Site). The signing secret comes from PNYX_WEB_SECRET, or is
// generated on the first start and kept in the data folder, so sessions survive restarts.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Context } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'pnyx_session';
export const CSRF_HEADER = 'x-pnyx-csrf';
export const OPERATOR_HEADER = 'x-pnyx-operator';
const SECRET_FILE = 'web-secret';

/** Where the generated secret is kept: beside the SQLite file, or ./data for a server database. */
export function dataDirOf(databaseUrl: string | undefined): string {
  if (databaseUrl?.startsWith('file:')) return dirname(resolve(databaseUrl.slice('file:'.length).split('?')[0]!));
  return resolve('data');
}

/**
 * The signing secret: PNYX_WEB_SECRET when set (several processes must share it), else the one stored in the data
 * folder, created (32 random bytes, readable by its owner only) on the first start.
 */
export function loadWebSecret(options: { env?: string; dataDir: string }): { secret: string; source: 'env' | 'file' | 'created' } {
  if (options.env && options.env.length >= 32) return { secret: options.env, source: 'env' };
  if (options.env) throw new Error('PNYX_WEB_SECRET must be at least 32 characters');
  const file = join(options.dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return { secret: stored, source: 'file' };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, source: 'created' };
}

export interface Session {
  /** The cookie's random id (a credential: never logged, never sent to other members). */
  id: string;
  /** The member id the core stores: a one-way derivation of the session id. */
  memberId: string;
  /** The token the page sends back on every state-changing request. */
  csrf: string;
}

const SESSION_ID = /^[A-Za-z0-9_-]{32}$/;

export function createSessions(secret: string) {
  const mac = (purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
  const sessionOf = (id: string): Session => ({
    id,
    memberId: `w${createHash('sha256').update(`pnyx-web-member\0${id}`).digest('base64url').slice(0, 24)}`,
    csrf: mac('csrf', id),
  });
  const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

  return {
    /**
     * The request's session: 'none' without a cookie, 'forged' when the cookie's signature does not verify (or its
     * value is not a session id).
     */
    async read(c: Context): Promise<Session | 'none' | 'forged'> {
      const value = await getSignedCookie(c, secret, SESSION_COOKIE);
      if (value === undefined) return 'none';
      if (value === false || !SESSION_ID.test(value)) return 'forged';
      return sessionOf(value);
    },

    /** A new session, set as an HttpOnly cookie on the response. */
    async create(c: Context): Promise<Session> {
      const id = randomBytes(24).toString('base64url');
      await setSignedCookie(c, SESSION_COOKIE, id, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(c),
        maxAge: 60 * 60 * 24 * 365,
      });
      return sessionOf(id);
    },

    /** The CSRF token sent matches the session's (constant time). */
    csrfMatches(session: Session, sent: string | undefined): boolean {
      return typeof sent === 'string' && equal(sent, session.csrf);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

export function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A state-changing request comes from one of this site's pages: browsers say where a request comes from in
 * Sec-Fetch-Site (and Origin); a page on another site is refused even before its token is checked. Requests without
 * either header (scripts, tests) still need the session cookie and its token.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
