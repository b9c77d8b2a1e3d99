// The Server-Sent Events stream of a room: a hello frame, what the watcher missed, then every change as it happens,
// with heartbeats. A member is who the session cookie says, under the name they hold in the room.
import type { Context, Hono } from 'hono';
import { memberTag, type SseFrame } from '../rooms';
import { EventsQuerySchema } from '../schemas';
import type { Env, WebContext } from './context';
import { fail, roomParam } from './http';

export function formatFrame(frame: SseFrame): string {
  const lines = [`event: ${frame.event}`, ...frame.data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`)];
  if (frame.id) lines.push(`id: ${frame.id}`);
  return `${lines.join('\n')}\n\n`;
}

/** Who is watching: the session's member tag, and their name when they hold it in the room. */
interface Watcher {
  tag: string | undefined;
  who: { tag: string; name: string } | undefined;
}

function roomStream(web: WebContext, c: Context, room: string, watcher: Watcher, lastEventId: string | undefined): ReadableStream<Uint8Array> {
  const { hub, heartbeatMs } = web;
  const { tag, who } = watcher;
  const encoder = new TextEncoder();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
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
}

export function eventRoute(app: Hono<Env>, web: WebContext): void {
  app.get('/api/rooms/:room/events', async (c) => {
    const room = roomParam(c);
    if (!room) return fail(web, c, 400, 'web-error-room');
    const query = EventsQuerySchema.safeParse(c.req.query());
    if (!query.success) return fail(web, c, 400, 'web-error-invalid-request', { details: query.error.issues.map((i) => i.path.join('.')).join(', ') });
    const { name } = query.data;
    const lastEventId = c.req.header('last-event-id') ?? query.data.lastEventId;
    // A member is who the session cookie says, under the name they hold in the room; anyone else only watches.
    const session = await web.sessions.read(c);
    const tag = typeof session === 'object' ? memberTag(session.memberId) : undefined;
    const who = tag && name && web.hub.claimName(room, tag, name) ? { tag, name } : undefined;
    return new Response(roomStream(web, c, room, { tag, who }, lastEventId), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
