// The playground's HTTP face: pages, JSON endpoints that turn clicks into core events, and a Server-Sent Events
// stream per room. The core is reached only through `arena.handle(event)`; its output arrives through the web
// ChatPort (port.ts) and the HandleResult notice returned here to the one person who acted.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Arena } from '../../core/engine/types';
import { acceptedLanguages } from '../../core/i18n/accept-language';
import type { I18n, Locale } from '../../core/i18n/index';
import type { Ack, Button, ChatAddress, CommandName, Form, Person, PnyxEvent } from '../../core/port/types';
import { createDownloads, DOWNLOAD_PATH, type Downloads } from './downloads';
import { leaderboardJson, type LeaderboardSource } from './leaderboard';
import { errorPage, leaderboardPage, roomPage } from './page';
import { renderMarkdown } from './render';
import type { WebLimiter } from './limits';
import { memberTag, type RoomHub, type SseFrame, type WebMessage } from './rooms';
import { CSRF_HEADER, OPERATOR_HEADER, equal, sameOrigin, type Session, type Sessions } from './session';
import {
  ActionBodySchema,
  COMMANDS,
  CommandBodySchema,
  EventsQuerySchema,
  FormBodySchema,
  JoinBodySchema,
  MAX_BODY_BYTES,
  MAX_TEXT_CHARS,
  PromptBodySchema,
  ROOM_ID,
  parseCommand,
  type Member,
} from './schemas';

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

type Env = { Variables: { session: Session; ip: string } };

/** Zero-width and other invisible characters: a prompt of only these is empty. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF]/g;
export const visibleText = (text: string) => text.replace(INVISIBLE, '').trim();

/** A notice as the page shows it: Markdown rendered to safe HTML, buttons kept for the person's own clicks. */
export interface WebNotice {
  html: string;
  alert: boolean;
  buttons: Button[][];
  /** A file for this person (their data): a one-time link to it. */
  download?: { url: string; name: string };
}

/** Everything an acknowledgement shows the one person who acted, as the page takes it. */
export interface WebAnswer {
  notice?: WebNotice;
  /** The new content of the panel whose button was pressed (a settings menu page). */
  replace?: { html: string; buttons: Button[][] };
  form?: Form;
  /** The data of the button that shows the person's current choice (Ack.selected): the page marks it. */
  selected?: string;
}

const LOCALE_COOKIE = 'pnyx_lang';
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const STATIC_TYPES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  // markdown-it writes table alignment as style attributes.
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function toWebNotice(result: Ack, downloads?: Downloads): WebNotice | undefined {
  if (!result.notice) return undefined;
  const { file } = result.notice;
  return {
    html: renderMarkdown(result.notice.text),
    alert: result.notice.alert ?? false,
    buttons: result.notice.buttons ?? [],
    ...(file && downloads ? { download: { url: downloads.put(file), name: file.name } } : {}),
  };
}

export function toWebAnswer(ack: Ack, downloads?: Downloads): WebAnswer {
  const notice = toWebNotice(ack, downloads);
  return {
    ...(notice ? { notice } : {}),
    ...(ack.replace ? { replace: { html: renderMarkdown(ack.replace.text), buttons: ack.replace.buttons ?? [] } } : {}),
    ...(ack.form ? { form: ack.form } : {}),
    ...(ack.selected ? { selected: ack.selected } : {}),
  };
}

export function formatFrame(frame: SseFrame): string {
  const lines = [`event: ${frame.event}`, ...frame.data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`)];
  if (frame.id) lines.push(`id: ${frame.id}`);
  return `${lines.join('\n')}\n\n`;
}

/** The playground's own strings. */
export const WEB_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

export function createWebApp(options: WebAppOptions) {
  const { arena, i18n, log, hub, leaderboard, sessions, limiter, maxPromptChars, roomLocale } = options;
  i18n.extend(WEB_LOCALES);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const staticFiles = new Map(Object.keys(STATIC_TYPES).map((name) => [name, readFileSync(join(publicDir, name))]));

  const app = new Hono<Env>();

  /** The page's language: the switch's cookie, else the browser's languages. */
  const localeOf = (c: Context, wanted?: string): Locale => {
    return i18n.negotiate(wanted, getCookie(c, LOCALE_COOKIE), ...acceptedLanguages(c.req.header('accept-language')));
  };

  const fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500, id: string, args?: Record<string, string | number>, locale?: Locale) =>
    c.json({ error: { code: id.replace(/^web-error-/, ''), message: i18n.t(locale ?? localeOf(c))(id, args) } }, status);

  const ipOf = (c: Context): string => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  /** The browser's session, created (and limited per address) when it has none or a forged one. */
  const ensureSession = async (c: Context): Promise<Session | null> => {
    const found = await sessions.read(c);
    if (typeof found === 'object') return found;
    if (found === 'forged') log.warn({ path: c.req.path }, 'web: forged session cookie replaced');
    const wait = await limiter.newSession(ipOf(c));
    if (wait > 0) {
      log.warn({ path: c.req.path, wait }, 'web: too many new sessions from one address');
      return null;
    }
    return sessions.create(c);
  };

  const isOperator = (c: Context) => Boolean(options.operatorToken) && equal(c.req.header(OPERATOR_HEADER) ?? '', options.operatorToken!);

  const roomAddress = (room: string): ChatAddress => ({ platform: 'web', id: room, kind: 'group', title: `#${room}` });
  // No locale: what the core tells a person in a room is in the room's language, like everything else they read there.
  const personOf = (session: Session, member: Member): Person => ({ platform: 'web', id: session.memberId, displayName: member.name });
  const tagOf = (c: Context) => memberTag(c.get('session').memberId);
  /** Only the room's creator, or a script holding the operator token, may change a room's settings. */
  const adminCheck = (c: Context, room: string) => async () => isOperator(c) || hub.isCreator(room, tagOf(c));

  /** The member's name in the room, or a 409 when another member shows it. */
  const claim = (c: Context, room: string, member: Member, locale: Locale): Response | null =>
    hub.claimName(room, tagOf(c), member.name) ? null : fail(c, 409, 'web-error-name-taken', { name: member.name }, locale);

  /** Charges the session's and the address's allowance; a 429 in the room's language when used up. */
  const charge = async (c: Context, kind: 'prompt' | 'action', locale: Locale): Promise<Response | null> => {
    const seconds = await limiter.use(kind, c.get('session').id, c.get('ip'));
    if (seconds === 0) return null;
    log.info({ path: c.req.path, kind, seconds }, 'web: rate limited');
    return fail(c, 429, 'web-error-rate-limited', { seconds }, locale);
  };

  /** Reads and validates a JSON body, or answers with a localised 400 and a log line. */
  const readBody = async <S extends z.ZodType>(c: Context, schema: S, roomLang?: Locale): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      log.warn({ path: c.req.path }, 'web: request body is not JSON');
      return { ok: false, response: fail(c, 400, 'web-error-invalid-json', undefined, roomLang) };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const locale = roomLang ?? localeOf(c);
      const tooLong = parsed.error.issues.find((i) => i.code === 'too_big' && i.path.join('.') === 'text');
      if (tooLong) return { ok: false, response: tooLongAnswer(c, String((raw as { text?: unknown }).text ?? '').length, locale) };
      const details = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ');
      log.warn({ path: c.req.path, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) }, 'web: invalid request');
      return { ok: false, response: fail(c, 400, 'web-error-invalid-request', { details }, locale) };
    }
    return { ok: true, data: parsed.data };
  };

  /** One limit, one message: the core's, whether the page counted or not and however long the text. */
  const tooLongAnswer = (c: Context, length: number, locale: Locale) =>
    c.json({ error: { code: 'too-large', message: i18n.t(locale)('prompt-too-long', { length, max: maxPromptChars }) } }, 413);

  const roomParam = (c: Context): string | null => {
    const room = c.req.param('room') ?? '';
    return ROOM_ID.test(room) ? room : null;
  };

  const handle = async (event: PnyxEvent): Promise<Ack> => arena.handle(event);
  const downloads = createDownloads();
  /** The page may name its request (a retry after a network error sends the same id); else every request is new. */
  const deliveryOf = (requestId: string | undefined) => requestId ?? randomUUID();

  // === Headers ============================================================================================
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', CSP);
  });

  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, 'web: request failed');
    if (c.req.path.startsWith('/api/')) return fail(c, 500, 'web-error-internal');
    return c.html(errorPage(i18n, localeOf(c), i18n.t(localeOf(c))('web-error-internal')), 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return fail(c, 404, 'web-error-not-found');
    return c.html(errorPage(i18n, localeOf(c), i18n.t(localeOf(c))('web-error-not-found')), 404);
  });

  // === Pages ==============================================================================================
  app.get('/', (c) => c.redirect('/r/lobby'));

  app.get('/r/:room', async (c) => {
    const room = roomParam(c);
    if (!room) return c.html(errorPage(i18n, localeOf(c), i18n.t(localeOf(c))('web-error-room')), 400);
    const locale = await roomLocale(room);
    const session = await ensureSession(c);
    if (!session) return c.html(errorPage(i18n, locale, i18n.t(locale)('web-error-too-many-sessions')), 429);
    c.header('Cache-Control', 'no-store');
    return c.html(roomPage(i18n, locale, room, { csrf: session.csrf, tag: memberTag(session.memberId), maxPromptChars }));
  });

  app.get('/lang', (c) => {
    const lang = i18n.negotiate(c.req.query('lang'));
    const back = c.req.query('back') ?? '/';
    // Only paths on this site: never an open redirect.
    const target = /^\/(?!\/)[\w\-/?=&.%]*$/.test(back) ? back : '/';
    setCookie(c, LOCALE_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
    return c.redirect(target, 303);
  });

  app.get('/leaderboard', async (c) => {
    const roomQuery = c.req.query('room') ?? 'lobby';
    const room = ROOM_ID.test(roomQuery) ? roomQuery : 'lobby';
    const chat = (await options.roomChat?.(room)) ?? null;
    const [global, own] = await Promise.all([leaderboard(), chat ? leaderboard({ chat }) : Promise.resolve(null)]);
    return c.html(leaderboardPage(i18n, localeOf(c), global, room, own));
  });

  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));

  app.get('/static/:file', (c) => {
    const name = c.req.param('file');
    const body = staticFiles.get(name);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, { 'Content-Type': STATIC_TYPES[name]!, 'Cache-Control': 'no-cache' });
  });

  // === JSON API ===========================================================================================
  app.get('/api/leaderboard', async (c) => c.json(leaderboardJson(await leaderboard())));

  /** A session (and its token) for scripts and pages that lost theirs; created when the browser has none. */
  app.get('/api/session', async (c) => {
    const session = await ensureSession(c);
    if (!session) return fail(c, 429, 'web-error-too-many-sessions');
    c.header('Cache-Control', 'no-store');
    return c.json({ csrf: session.csrf, tag: memberTag(session.memberId) });
  });

  // Every state-changing request: from this site, JSON, with a valid session and that session's token.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Refusals are in the room's language too, like everything else said in it.
    const room = /^\/api\/rooms\/([^/]+)\//.exec(c.req.path)?.[1];
    const locale = room && ROOM_ID.test(room) ? await roomLocale(room) : undefined;
    if (!sameOrigin(c)) {
      log.warn({ path: c.req.path, origin: c.req.header('origin'), site: c.req.header('sec-fetch-site') }, 'web: cross-site request refused');
      return fail(c, 403, 'web-error-cross-site', undefined, locale);
    }
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return fail(c, 415, 'web-error-json-only', undefined, locale);
    const session = await sessions.read(c);
    if (session === 'forged') log.warn({ path: c.req.path }, 'web: forged session cookie refused');
    if (typeof session !== 'object') return fail(c, 401, 'web-error-session', undefined, locale);
    if (!sessions.csrfMatches(session, c.req.header(CSRF_HEADER))) {
      log.warn({ path: c.req.path }, 'web: missing or wrong CSRF token');
      return fail(c, 403, 'web-error-session', undefined, locale);
    }
    c.set('session', session);
    c.set('ip', ipOf(c));
    return next();
  });

  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'too-large', message: i18n.t(localeOf(c))('prompt-too-long', { length: MAX_TEXT_CHARS, max: maxPromptChars }) } }, 413),
  });

  app.post('/api/rooms/:room/join', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const locale = await roomLocale(room);
    const body = await readBody(c, JoinBodySchema, locale);
    if (!body.ok) return body.response;
    const taken = claim(c, room, body.data.member, locale);
    if (taken) return taken;
    return c.json({ ok: true, name: body.data.member.name, creator: hub.isCreator(room, tagOf(c)) });
  });

  app.post('/api/rooms/:room/messages', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const locale = await roomLocale(room);
    const body = await readBody(c, PromptBodySchema, locale);
    if (!body.ok) return body.response;
    const { member, text, replyTo, requestId } = body.data;
    const taken = claim(c, room, member, locale);
    if (taken) return taken;
    const chat = roomAddress(room);
    const session = c.get('session');
    const from = personOf(session, member);
    const delivery = deliveryOf(requestId);

    const command = parseCommand(text);
    if (command && (COMMANDS as readonly string[]).includes(command.name)) {
      const limited = await charge(c, 'action', locale);
      if (limited) return limited;
      const result = await handle({ type: 'command', delivery, chat, from, name: command.name as CommandName, args: command.args, privateReply: true, isAdmin: adminCheck(c, room) });
      return c.json({ ok: true, published: false, command: true, ...toWebAnswer(result, downloads) });
    }
    if (text.trim().length > maxPromptChars) return tooLongAnswer(c, text.trim().length, locale);
    const limited = await charge(c, 'prompt', locale);
    if (limited) return limited;

    // The prompt joins the room only once the core answers it: a refused prompt (empty, too long, rate-limited)
    // stays in its author's box with the core's explanation instead of showing up unanswered for everyone.
    const shown = visibleText(text).length > 0;
    const ref = hub.nextRef();
    if (shown) {
      const message: WebMessage = {
        ref,
        kind: 'member',
        author: { tag: memberTag(session.memberId), name: member.name },
        text,
        buttons: [],
        ...(replyTo ? { replyTo } : {}),
        at: Date.now(),
      };
      hub.hold(room, message);
    }
    let result: Ack;
    try {
      result = await handle({ type: 'prompt', delivery, chat, from, text, messageRef: ref, addressed: true, privateReply: true, ...(replyTo ? { replyTo } : {}) });
    } catch (error) {
      hub.drop(room, ref);
      throw error;
    }
    let published = shown;
    if (shown && hub.isHeld(room, ref)) {
      if (result.notice) {
        hub.drop(room, ref);
        published = false;
      } else {
        hub.release(room, ref);
      }
    }
    return c.json({ ok: true, ref: published ? ref : undefined, published, ...toWebAnswer(result, downloads) });
  });

  app.post('/api/rooms/:room/actions', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const locale = await roomLocale(room);
    const body = await readBody(c, ActionBodySchema, locale);
    if (!body.ok) return body.response;
    const { member, data, messageRef, requestId } = body.data;
    const taken = claim(c, room, member, locale);
    if (taken) return taken;
    const limited = await charge(c, 'action', locale);
    if (limited) return limited;
    const result = await handle({
      type: 'action',
      delivery: deliveryOf(requestId),
      chat: roomAddress(room),
      from: personOf(c.get('session'), member),
      data,
      ...(messageRef ? { messageRef } : {}),
      privateReply: true,
      isAdmin: adminCheck(c, room),
    });
    // A settings page answered a press: every page in the room checks whether its language changed.
    if (result.replace?.role === 'menu') hub.signal(room, { type: 'settings' });
    return c.json({ ok: true, ...toWebAnswer(result, downloads) });
  });

  app.post('/api/rooms/:room/forms', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const locale = await roomLocale(room);
    const body = await readBody(c, FormBodySchema, locale);
    if (!body.ok) return body.response;
    const { member, data, values, messageRef, requestId } = body.data;
    const taken = claim(c, room, member, locale);
    if (taken) return taken;
    const limited = await charge(c, 'action', locale);
    if (limited) return limited;
    const result = await handle({
      type: 'submit',
      delivery: deliveryOf(requestId),
      chat: roomAddress(room),
      from: personOf(c.get('session'), member),
      data,
      values,
      ...(messageRef ? { messageRef } : {}),
      privateReply: true,
      isAdmin: adminCheck(c, room),
    });
    return c.json({ ok: true, ...toWebAnswer(result, downloads) });
  });

  app.post('/api/rooms/:room/commands', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const locale = await roomLocale(room);
    const body = await readBody(c, CommandBodySchema, locale);
    if (!body.ok) return body.response;
    const { member, name, args, requestId } = body.data;
    const taken = claim(c, room, member, locale);
    if (taken) return taken;
    const limited = await charge(c, 'action', locale);
    if (limited) return limited;
    const result = await handle({ type: 'command', delivery: deliveryOf(requestId), chat: roomAddress(room), from: personOf(c.get('session'), member), name, args, privateReply: true, isAdmin: adminCheck(c, room) });
    return c.json({ ok: true, ...toWebAnswer(result, downloads) });
  });

  // A person's data file (/mydata): its link was given only in their own answer, and works once.
  app.get(`${DOWNLOAD_PATH}:token`, (c) => {
    const token = c.req.param('token');
    const file = /^[A-Za-z0-9_-]{32}$/.test(token) ? downloads.take(token) : undefined;
    if (!file) return fail(c, 404, 'web-error-not-found');
    c.header('Content-Type', file.mime);
    c.header('Content-Disposition', `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Buffer.from(file.bytes));
  });

  /** What the page needs to know about its room now (its language, after the creator changed it). */
  app.get('/api/rooms/:room/info', async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    return c.json({ locale: await roomLocale(room) });
  });

  app.get('/api/rooms/:room/messages', (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    return c.json({ messages: hub.messages(room) });
  });

  app.get('/api/rooms/:room/events', async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const query = EventsQuerySchema.safeParse(c.req.query());
    if (!query.success) return fail(c, 400, 'web-error-invalid-request', { details: query.error.issues.map((i) => i.path.join('.')).join(', ') });
    const { name } = query.data;
    const lastEventId = c.req.header('last-event-id') ?? query.data.lastEventId;
    // A member is who the session cookie says, under the name they hold in the room; anyone else only watches.
    const session = await sessions.read(c);
    const tag = typeof session === 'object' ? memberTag(session.memberId) : undefined;
    const who = tag && name && hub.claimName(room, tag, name) ? { tag, name } : undefined;
    const encoder = new TextEncoder();
    let cleanup = () => {};

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const write = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        // `retry` makes EventSource come back quickly after a server restart.
        write('retry: 2000\n\n');
        write(formatFrame({ event: 'hello', data: JSON.stringify({ tag: who?.tag ?? null, room, creator: tag ? hub.isCreator(room, tag) : false }) }));
        const subscription = hub.subscribe(room, lastEventId, who, (frame) => write(formatFrame(frame)), () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        });
        for (const frame of subscription.initial) write(formatFrame(frame));
        const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
        cleanup = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          subscription.unsubscribe();
        };
        c.req.raw.signal.addEventListener('abort', () => cleanup(), { once: true });
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  });

  return app;
}
