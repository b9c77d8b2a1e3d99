// How much one browser (session) and one address (IP) may do: new sessions, prompts and clicks (votes, reactions,
// settings) per window, so that a script cannot stuff a battle's ballot with made-up members or flood a room. In
// memory (rate-limiter-flexible): the playground is one process.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface WebLimits {
  /** New sessions one address may open per hour (each is a new member, so this bounds votes per battle per address). */
  sessionsPerIpPerHour: number;
  promptsPerSessionPerMinute: number;
  promptsPerIpPerMinute: number;
  /** Button presses and forms (votes, reasons, reactions, settings). */
  actionsPerSessionPerMinute: number;
  actionsPerIpPerMinute: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = {
  sessionsPerIpPerHour: 20,
  promptsPerSessionPerMinute: 10,
  promptsPerIpPerMinute: 30,
  actionsPerSessionPerMinute: 60,
  actionsPerIpPerMinute: 120,
};

export type LimitKind = 'session' | 'prompt' | 'action';

export function createWebLimiter(limits: Partial<WebLimits> = {}) {
  const l = { ...DEFAULT_WEB_LIMITS, ...limits };
  const limiter = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
  const sessionsPerIp = limiter(l.sessionsPerIpPerHour, 3600);
  const prompts = { session: limiter(l.promptsPerSessionPerMinute, 60), ip: limiter(l.promptsPerIpPerMinute, 60) };
  const actions = { session: limiter(l.actionsPerSessionPerMinute, 60), ip: limiter(l.actionsPerIpPerMinute, 60) };

  /** Seconds to wait when the limiter refused (0: allowed). */
  const take = async (rl: RateLimiterMemory, key: string): Promise<number> => {
    try {
      await rl.consume(key);
      return 0;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  };

  return {
    /** A new session from this address; seconds to wait, or 0. */
    newSession: (ip: string) => take(sessionsPerIp, ip),
    /** A prompt or a click by this session from this address; seconds to wait, or 0. Both limits are charged. */
    async use(kind: 'prompt' | 'action', session: string, ip: string): Promise<number> {
      const pair = kind === 'prompt' ? prompts : actions;
      const [bySession, byIp] = await Promise.all([take(pair.session, session), take(pair.ip, ip)]);
      return Math.max(bySession, byIp);
    },
  };
}

export type WebLimiter = ReturnType<typeof createWebLimiter>;
