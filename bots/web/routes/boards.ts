// The leaderboards: the page (the global board and the room's own, once the room has a chat in the core) and the
// global board as JSON.
import type { Hono } from 'hono';
import { leaderboardJson } from '../leaderboard';
import { leaderboardPage } from '../page';
import { ROOM_ID } from '../schemas';
import type { Env, WebContext } from './context';
import { localeOf } from './http';

export function boardPageRoute(app: Hono<Env>, web: WebContext): void {
  const { leaderboard } = web;
  app.get('/leaderboard', async (c) => {
    const roomQuery = c.req.query('room') ?? 'lobby';
    const room = ROOM_ID.test(roomQuery) ? roomQuery : 'lobby';
    const chat = (await web.roomChat?.(room)) ?? null;
    const [global, own] = await Promise.all([leaderboard(), chat ? leaderboard({ chat }) : Promise.resolve(null)]);
    return c.html(leaderboardPage(web.i18n, localeOf(web, c), global, room, own));
  });
}

export function boardApiRoute(app: Hono<Env>, web: WebContext): void {
  app.get('/api/leaderboard', async (c) => c.json(leaderboardJson(await web.leaderboard())));
}
