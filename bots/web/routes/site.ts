// What every response shares (security headers, error and not-found pages) and the site's plain files: the home
// redirect, the language switch, the favicon and the static assets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { errorPage } from '../page';
import type { Env, WebContext } from './context';
import { fail, LOCALE_COOKIE, localeOf } from './http';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
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

/** Headers on every response; errors and unknown paths as JSON under /api/, else as a page. */
export function siteFrame(app: Hono<Env>, web: WebContext): void {
  const { i18n, log } = web;
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', CSP);
  });

  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, 'web: request failed');
    if (c.req.path.startsWith('/api/')) return fail(web, c, 500, 'web-error-internal');
    return c.html(errorPage(i18n, localeOf(web, c), i18n.t(localeOf(web, c))('web-error-internal')), 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return fail(web, c, 404, 'web-error-not-found');
    return c.html(errorPage(i18n, localeOf(web, c), i18n.t(localeOf(web, c))('web-error-not-found')), 404);
  });
}

export function homeRoute(app: Hono<Env>): void {
  app.get('/', (c) => c.redirect('/r/lobby'));
}

export function languageRoute(app: Hono<Env>, web: WebContext): void {
  app.get('/lang', (c) => {
    const lang = web.i18n.negotiate(c.req.query('lang'));
    const back = c.req.query('back') ?? '/';
    // Only paths on this site: never an open redirect.
    const target = /^\/(?!\/)[\w\-/?=&.%]*$/.test(back) ? back : '/';
    setCookie(c, LOCALE_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
    return c.redirect(target, 303);
  });
}

/** The favicon and the page's script and style, read once when the app is built. */
export function staticRoutes(app: Hono<Env>): void {
  const staticFiles = new Map(Object.keys(STATIC_TYPES).map((name) => [name, readFileSync(join(publicDir, name))]));
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));

  app.get('/static/:file', (c) => {
    const name = c.req.param('file');
    const body = staticFiles.get(name);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, { 'Content-Type': STATIC_TYPES[name]!, 'Cache-Control': 'no-cache' });
  });
}
