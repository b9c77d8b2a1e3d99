// The small pieces every route uses: the page's language, localised JSON errors, the client's address, the room
// in the path, and validated JSON bodies.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from 'zod';
import { acceptedLanguages } from '../../../core/i18n/accept-language';
import type { Locale } from '../../../core/i18n/index';
import { ROOM_ID } from '../schemas';
import type { WebContext } from './context';

export const LOCALE_COOKIE = 'pnyx_lang';

export type FailStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

/** The page's language: the switch's cookie, else the browser's languages. */
export function localeOf(web: WebContext, c: Context, wanted?: string): Locale {
  return web.i18n.negotiate(wanted, getCookie(c, LOCALE_COOKIE), ...acceptedLanguages(c.req.header('accept-language')));
}

export function fail(web: WebContext, c: Context, status: FailStatus, id: string, args?: Record<string, string | number>, locale?: Locale) {
  return c.json({ error: { code: id.replace(/^web-error-/, ''), message: web.i18n.t(locale ?? localeOf(web, c))(id, args) } }, status);
}

export function ipOf(web: WebContext, c: Context): string {
  if (web.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function roomParam(c: Context): string | null {
  const room = c.req.param('room') ?? '';
  return ROOM_ID.test(room) ? room : null;
}

/** One limit, one message: the core's, whether the page counted or not and however long the text. */
export function tooLongAnswer(web: WebContext, c: Context, length: number, locale: Locale) {
  return c.json({ error: { code: 'too-large', message: web.i18n.t(locale)('prompt-too-long', { length, max: web.maxPromptChars }) } }, 413);
}

export type BodyResult<S extends z.ZodType> = { ok: true; data: z.infer<S> } | { ok: false; response: Response };

/** Reads and validates a JSON body, or answers with a localised 400 and a log line. */
export async function readBody<S extends z.ZodType>(web: WebContext, c: Context, schema: S, roomLang?: Locale): Promise<BodyResult<S>> {
  const { log } = web;
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    log.warn({ path: c.req.path }, 'web: request body is not JSON');
    return { ok: false, response: fail(web, c, 400, 'web-error-invalid-json', undefined, roomLang) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const locale = roomLang ?? localeOf(web, c);
    const tooLong = parsed.error.issues.find((i) => i.code === 'too_big' && i.path.join('.') === 'text');
    if (tooLong) return { ok: false, response: tooLongAnswer(web, c, String((raw as { text?: unknown }).text ?? '').length, locale) };
    const details = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ');
    log.warn({ path: c.req.path, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) }, 'web: invalid request');
    return { ok: false, response: fail(web, c, 400, 'web-error-invalid-request', { details }, locale) };
  }
  return { ok: true, data: parsed.data };
}
