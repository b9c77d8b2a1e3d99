// A room's page and what the page reads about its room: its language and its messages so far.
import type { Hono } from 'hono';
import { errorPage, roomPage } from '../page';
import { memberTag } from '../rooms';
import type { Env, WebContext } from './context';
import { fail, localeOf, roomParam } from './http';
import { ensureSession } from './session';

export function roomPageRoute(app: Hono<Env>, web: WebContext): void {
  const { i18n } = web;
  app.get('/r/:room', async (c) => {
    const room = roomParam(c);
    if (!room) return c.html(errorPage(i18n, localeOf(web, c), i18n.t(localeOf(web, c))('web-error-room')), 400);
    const locale = await web.roomLocale(room);
    const session = await ensureSession(web, c);
    if (!session) return c.html(errorPage(i18n, locale, i18n.t(locale)('web-error-too-many-sessions')), 429);
    c.header('Cache-Control', 'no-store');
    return c.html(roomPage(i18n, locale, room, { csrf: session.csrf, tag: memberTag(session.memberId), maxPromptChars: web.maxPromptChars }));
  });
}

export function roomReadRoutes(app: Hono<Env>, web: WebContext): void {
  /** What the page needs to know about its room now (its language, after the creator changed it). */
  app.get('/api/rooms/:room/info', async (c) => {
    const room = roomParam(c);
    if (!room) return fail(web, c, 400, 'web-error-room');
    return c.json({ locale: await web.roomLocale(room) });
  });

  app.get('/api/rooms/:room/messages', (c) => {
    const room = roomParam(c);
    if (!room) return fail(web, c, 400, 'web-error-room');
    return c.json({ messages: web.hub.messages(room) });
  });
}
