// Test helpers for the playground: a real Pnyx app (demo models, SQLite in a temporary folder) behind a real HTTP
// server on 127.0.0.1, and a small Server-Sent Events reader for Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPnyx, type PnyxApp } from '../../core/app';
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import type { WebLimits } from './limits';
import { startWebPlayground, type WebPlayground } from './server';

export interface TestPlayground {
  app: PnyxApp;
  web: WebPlayground;
  url: string;
  close(): Promise<void>;
}

/** The default demo models, at a speed where streaming is visible but tests stay short. Group battles close after
 * two votes so a test can see the private reveal (first vote) and the public one (second vote). */
export async function startTestPlayground(
  options: { tokensPerSecond?: number; closeAfterVotes?: number; maxPromptChars?: number; countInRankings?: boolean; limits?: Partial<WebLimits>; operatorToken?: string; locale?: string; revealGroupMinutes?: number } = {},
): Promise<TestPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-web-'));
  const config = {
    // The rooms' language (what the bot posts for everyone); each page is in its reader's.
    locale: options.locale ?? 'en',
    web: { countInRankings: options.countInRankings ?? false },
    ...DEMO_MODELS_CONFIG,
    // The one-line demo model can finish before a single paced edit, so a test could not see it stream:
    // battles here are between the three talkative ones.
    models: DEMO_MODELS_CONFIG.models.filter((m) => m.id !== 'demo-laconic'),
    providers: { demo: { type: 'demo', tokensPerSecond: options.tokensPerSecond ?? 60 } },
    battle: {
      maxPromptChars: options.maxPromptChars ?? 4000,
      reveal: {
        private: { after: 'votes', votes: 1 },
        group: options.revealGroupMinutes ? { after: 'minutes', minutes: options.revealGroupMinutes } : { after: 'votes', votes: options.closeAfterVotes ?? 2 },
      },
      perUserPerMinute: 100,
      perChatPerMinute: 100,
    },
  };
  const app = await createPnyx({ config, env: { DATABASE_URL: `file:${join(dir, 'web.db')}`, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } });
  const web = await startWebPlayground({
    app,
    host: '127.0.0.1',
    port: 0,
    secret: 'test-secret-test-secret-test-secret-0123',
    // Tests make many members from one address; a test of the limits passes its own.
    limits: { sessionsPerIpPerHour: 10_000, promptsPerIpPerMinute: 10_000, actionsPerIpPerMinute: 10_000, promptsPerSessionPerMinute: 1000, actionsPerSessionPerMinute: 1000, ...options.limits },
    ...(options.operatorToken ? { operatorToken: options.operatorToken } : {}),
  });
  await app.arena.start();
  return {
    app,
    web,
    url: web.url.replace(/\/$/, ''),
    async close() {
      await web.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** Reads an SSE stream with fetch; `next(predicate)` waits for the first matching event not consumed yet. */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let consumed = 0;
  let ended = false;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event: SseEvent = { event: 'message', data: '' };
          const data: string[] = [];
          let any = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || !line.includes(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') (event.event = value), (any = true);
            else if (field === 'data') data.push(value), (any = true);
            else if (field === 'id') event.id = value;
          }
          if (!any) continue;
          event.data = data.join('\n');
          events.push(event);
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();

  return {
    response,
    events,
    /** Waits for the next event (after those already returned) matching the predicate. */
    async next(predicate: (e: SseEvent) => boolean, timeoutMs = 20_000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (let i = consumed; i < events.length; i++) {
          if (predicate(events[i]!)) {
            consumed = i + 1;
            return events[i]!;
          }
        }
        if (ended) throw new Error('SSE stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for an SSE event; got: ${events.map((e) => e.event).join(', ')}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    close: () => controller.abort(),
  };
}

/** One browser as a script: its session cookie and CSRF token, and its display name sent with every request. */
export interface TestMember {
  name: string;
  cookie: string;
  csrf: string;
  tag: string;
  /** POSTs JSON to the API as this member (`member: { name }` added unless the body has one). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The room's event stream as this member (present under its name). */
  sse(room: string, headers?: Record<string, string>): ReturnType<typeof openSse>;
}

export async function newMember(url: string, name: string): Promise<TestMember> {
  const res = await fetch(`${url}/api/session`);
  if (!res.ok) throw new Error(`no session: HTTP ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf, tag } = (await res.json()) as { csrf: string; tag: string };
  const member: TestMember = {
    name,
    cookie,
    csrf,
    tag,
    post: (path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Pnyx-CSRF': csrf, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body && typeof body === 'object' && !('member' in body) ? { member: { name }, ...body } : body),
      }),
    sse: (room, headers = {}) => openSse(`${url}/api/rooms/${room}/events?name=${encodeURIComponent(name)}`, { Cookie: cookie, ...headers }),
  };
  return member;
}
