// Faults a test injects (429s with Discord's headers, errors instead of or after the effect) and real rate-limit
// buckets (X-RateLimit-* on every answer, 429 beyond the limit) — what discord.js's REST queue has to honour.
import { createHash } from 'node:crypto';
import { DiscordError, type DiscordErrorBody } from './errors';
import type { Call } from './model';

/** A route template (`PATCH /channels/:channel/messages/:message`), an exact `METHOD /path`, `*` for any call, a RegExp on `METHOD /path`, or a test. */
export type RouteMatch = string | RegExp | ((call: Call) => boolean);

interface Injected {
  match: RouteMatch;
  times: number;
  rateLimit?: { retryAfter: number; global: boolean; scope: 'user' | 'shared' | 'global' };
  fault?: { status: number; code: number; message: string; after: boolean };
}
interface Bucket {
  match: RouteMatch;
  limit: number;
  windowMs: number;
  windows: Map<string, { resetAt: number; count: number }>;
}

export class Faults {
  private readonly injected: Injected[] = [];
  private readonly buckets: Bucket[] = [];

  rateLimit(match: RouteMatch, o: { retryAfter?: number; times?: number; global?: boolean; scope?: 'user' | 'shared' | 'global' }): void {
    const global = o.global ?? o.scope === 'global';
    this.injected.push({ match, times: o.times ?? 1, rateLimit: { retryAfter: o.retryAfter ?? 0.5, global, scope: o.scope ?? (global ? 'global' : 'user') } });
  }

  fail(match: RouteMatch, f: { status: number; code?: number; message?: string; times?: number; after?: boolean }): void {
    this.injected.push({
      match,
      times: f.times ?? 1,
      fault: { status: f.status, code: f.code ?? 0, message: f.message ?? `${f.status}: injected by the test`, after: f.after ?? false },
    });
  }

  limit(match: RouteMatch, b: { limit: number; windowSeconds: number }): void {
    this.buckets.push({ match, limit: b.limit, windowMs: b.windowSeconds * 1000, windows: new Map() });
  }

  clear(): void {
    this.injected.length = 0;
    this.buckets.length = 0;
  }

  /** Throws the injected answer that replaces the request; returns one that follows the request's effect. */
  before(call: Call, headers: Record<string, string>): Injected['fault'] {
    const hit = this.injected.find((i) => i.times > 0 && matches(i.match, call));
    if (!hit) return undefined;
    hit.times -= 1;
    if (hit.fault?.after) return hit.fault;
    if (hit.fault) throw new InjectedError(hit.fault.status, { message: hit.fault.message, code: hit.fault.code }, 'instead');
    const { retryAfter, global, scope } = hit.rateLimit!;
    throw new RateLimited(
      {
        message: scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.',
        retry_after: retryAfter,
        global,
      },
      {
        ...headers,
        // Discord rounds Retry-After up to whole seconds; retry_after in the body keeps the fraction.
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-scope': scope,
        ...(global
          ? { 'x-ratelimit-global': 'true' }
          : {
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
              'x-ratelimit-reset-after': retryAfter.toFixed(3),
              'x-ratelimit-bucket': bucketHash(call.route),
            }),
      },
      'instead',
    );
  }

  bucket(call: Call, headers: Record<string, string>): void {
    for (const bucket of this.buckets) {
      if (!matches(bucket.match, call)) continue;
      const p = call.params;
      const key = p.channel ?? (p.app && p.token ? `${p.app}/${p.token}` : undefined) ?? p.interaction ?? p.guild ?? 'global';
      const now = Date.now();
      let window = bucket.windows.get(key);
      if (!window || now >= window.resetAt) {
        window = { resetAt: now + bucket.windowMs, count: 0 };
        bucket.windows.set(key, window);
      }
      const resetAfter = (window.resetAt - now) / 1000;
      const common = {
        'x-ratelimit-limit': String(bucket.limit),
        'x-ratelimit-reset': (window.resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
        'x-ratelimit-bucket': bucketHash(call.route),
      };
      if (window.count >= bucket.limit) {
        throw new RateLimited(
          { message: 'You are being rate limited.', retry_after: Number(resetAfter.toFixed(3)), global: false },
          { ...common, 'x-ratelimit-remaining': '0', 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
          undefined,
        );
      }
      window.count += 1;
      Object.assign(headers, common, { 'x-ratelimit-remaining': String(bucket.limit - window.count) });
    }
  }
}

export class RateLimited extends Error {
  constructor(
    readonly body: { message: string; retry_after: number; global: boolean },
    readonly headers: Record<string, string>,
    /** Set for a 429 the test injected; undefined for one a bucket earned. */
    readonly injected: 'instead' | undefined,
  ) {
    super('rate limited');
  }
}

export class InjectedError extends DiscordError {
  constructor(
    status: number,
    body: DiscordErrorBody,
    readonly when: 'instead' | 'after',
  ) {
    super(status, body);
  }
}

function matches(match: RouteMatch, call: Call): boolean {
  if (typeof match === 'function') return match(call);
  const line = `${call.method} ${call.path}`;
  if (typeof match === 'string') return match === '*' || call.route === match || line === match;
  return match.test(line);
}

function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 16);
}
