// The playground's HTTP face: pages, JSON endpoints that turn clicks into core events, and a Server-Sent Events
// stream per room. The core is reached only through `arena.handle(event)`; its output arrives through the web
// ChatPort (port.ts) and the HandleResult notice returned here to the one person who acted.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Arena } from '../../core/engine/types';
import type { I18n, Locale } from '../../core/i18n/index';
import type { Ack, Button, ChatAddress, CommandName, Form, Person, PnyxEvent } from '../../core/port/types';
import { createDownloads, DOWNLOAD_PATH, type Downloads } from './downloads';
import { leaderboardJson, type LeaderboardSource } from './leaderboard';
import { errorPage, leaderboardPage, roomPage } from './page';
import { renderMarkdown } from './render';
import { memberTag, type RoomHub, type SseFrame, type WebMessage } from './rooms';
import {
  ActionBodySchema,
  COMMANDS,
  CommandBodySchema,
  EventsQuerySchema,
  FormBodySchema,
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
}

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
}

const LOCALE_COOKIE = 'pnyx_lang';
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const STATIC_TYPES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
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
  const { arena, i18n, log, hub, leaderboard } = options;
  i18n.extend(WEB_LOCALES);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const staticFiles = new Map(Object.keys(STATIC_TYPES).map((name) => [name, readFileSync(join(publicDir, name))]));

  const app = new Hono();

  /** The page's language: the switch's cookie, else the browser's languages. */
  const localeOf = (c: Context, wanted?: string): Locale => {
    const accept = (c.req.header('accept-language') ?? '')
      .split(',')
      .map((part) => part.split(';')[0]!.trim())
      .filter(Boolean);
    return i18n.negotiate(wanted, getCookie(c, LOCALE_COOKIE), ...accept);
  };

  const fail = (c: Context, status: 400 | 404 | 413 | 500, id: string, args?: Record<string, string | number>, locale?: Locale) =>
    c.json({ error: { code: id.replace(/^web-error-/, ''), message: i18n.t(locale ?? localeOf(c))(id, args) } }, status);

  const roomAddress = (room: string): ChatAddress => ({ platform: 'web', id: room, kind: 'group', title: `#${room}` });
  const personOf = (member: Member): Person => ({
    platform: 'web',
    id: member.id,
    displayName: member.name,
    ...(member.locale ? { locale: member.locale } : {}),
  });

  /** Reads and validates a JSON body, or answers with a localised 400 and a log line. */
  const readBody = async <S extends z.ZodType>(c: Context, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      log.warn({ path: c.req.path }, 'web: request body is not JSON');
      return { ok: false, response: fail(c, 400, 'web-error-invalid-json') };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const wanted = typeof raw === 'object' && raw && 'member' in raw ? (raw as { member?: { locale?: unknown } }).member?.locale : undefined;
      const locale = localeOf(c, typeof wanted === 'string' ? wanted : undefined);
      const tooLong = parsed.error.issues.find((i) => i.code === 'too_big' && i.path.join('.') === 'text');
      if (tooLong) return { ok: false, response: fail(c, 413, 'web-error-too-large', { max: MAX_TEXT_CHARS }, locale) };
      const details = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ');
      log.warn({ path: c.req.path, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) }, 'web: invalid request');
      return { ok: false, response: fail(c, 400, 'web-error-invalid-request', { details }, locale) };
    }
    return { ok: true, data: parsed.data };
  };

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

  app.get('/r/:room', (c) => {
    const room = roomParam(c);
    if (!room) return c.html(errorPage(i18n, localeOf(c), i18n.t(localeOf(c))('web-error-room')), 400);
    return c.html(roomPage(i18n, localeOf(c), room));
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
    return c.html(leaderboardPage(i18n, localeOf(c), await leaderboard(), room));
  });

  app.get('/static/:file', (c) => {
    const name = c.req.param('file');
    const body = staticFiles.get(name);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, { 'Content-Type': STATIC_TYPES[name]!, 'Cache-Control': 'no-cache' });
  });

  // === JSON API ===========================================================================================
  app.get('/api/leaderboard', async (c) => c.json(leaderboardJson(await leaderboard())));

  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => fail(c, 413, 'web-error-too-large', { max: MAX_TEXT_CHARS }),
  });

  app.post('/api/rooms/:room/messages', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const body = await readBody(c, PromptBodySchema);
    if (!body.ok) return body.response;
    const { member, text, replyTo, requestId } = body.data;
    const chat = roomAddress(room);
    const from = personOf(member);
    const delivery = deliveryOf(requestId);

    const command = parseCommand(text);
    if (command && (COMMANDS as readonly string[]).includes(command.name)) {
      const result = await handle({ type: 'command', delivery, chat, from, name: command.name as CommandName, args: command.args, privateReply: true, isAdmin: async () => true });
      return c.json({ ok: true, ...toWebAnswer(result, downloads) });
    }

    // The prompt joins the room only once the core answers it: a refused prompt (empty, too long, rate-limited)
    // stays in its author's box with the core's explanation instead of showing up unanswered for everyone.
    const shown = text.trim().length > 0;
    const ref = hub.nextRef();
    if (shown) {
      const message: WebMessage = {
        ref,
        kind: 'member',
        author: { tag: memberTag(member.id), name: member.name },
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
    const body = await readBody(c, ActionBodySchema);
    if (!body.ok) return body.response;
    const { member, data, messageRef, requestId } = body.data;
    const result = await handle({
      type: 'action',
      delivery: deliveryOf(requestId),
      chat: roomAddress(room),
      from: personOf(member),
      data,
      ...(messageRef ? { messageRef } : {}),
      privateReply: true,
      isAdmin: async () => true,
    });
    return c.json({ ok: true, ...toWebAnswer(result, downloads) });
  });

  app.post('/api/rooms/:room/forms', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const body = await readBody(c, FormBodySchema);
    if (!body.ok) return body.response;
    const { member, data, values, messageRef, requestId } = body.data;
    const result = await handle({
      type: 'submit',
      delivery: deliveryOf(requestId),
      chat: roomAddress(room),
      from: personOf(member),
      data,
      values,
      ...(messageRef ? { messageRef } : {}),
      privateReply: true,
      isAdmin: async () => true,
    });
    return c.json({ ok: true, ...toWebAnswer(result, downloads) });
  });

  app.post('/api/rooms/:room/commands', limit, async (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const body = await readBody(c, CommandBodySchema);
    if (!body.ok) return body.response;
    const { member, name, args, requestId } = body.data;
    const result = await handle({ type: 'command', delivery: deliveryOf(requestId), chat: roomAddress(room), from: personOf(member), name, args, privateReply: true, isAdmin: async () => true });
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

  app.get('/api/rooms/:room/messages', (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    return c.json({ messages: hub.messages(room) });
  });

  app.get('/api/rooms/:room/events', (c) => {
    const room = roomParam(c);
    if (!room) return fail(c, 400, 'web-error-room');
    const query = EventsQuerySchema.safeParse(c.req.query());
    if (!query.success) return fail(c, 400, 'web-error-invalid-request', { details: query.error.issues.map((i) => i.path.join('.')).join(', ') });
    const { member, name } = query.data;
    const lastEventId = c.req.header('last-event-id') ?? query.data.lastEventId;
    const who = member && name ? { tag: memberTag(member), name } : undefined;
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
        write(formatFrame({ event: 'hello', data: JSON.stringify({ tag: who?.tag ?? null, room }) }));
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
