// A person's data file (/mydata): its link was given only in their own answer, and works once.
import type { Hono } from 'hono';
import { DOWNLOAD_PATH } from '../downloads';
import type { Env, WebContext } from './context';
import { fail } from './http';

export function downloadRoute(app: Hono<Env>, web: WebContext): void {
  app.get(`${DOWNLOAD_PATH}:token`, (c) => {
    const token = c.req.param('token');
    const file = /^[A-Za-z0-9_-]{32}$/.test(token) ? web.downloads.take(token) : undefined;
    if (!file) return fail(web, c, 404, 'web-error-not-found');
    c.header('Content-Type', file.mime);
    c.header('Content-Disposition', `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Buffer.from(file.bytes));
  });
}
