// A small middleware kernel in front of the arena, after grammY's composer: each concern (delivery dedupe, the chat,
// the person, rate limits, routing…) is one named middleware that may answer and stop, or call `next()`. The order is
// explicit and inspectable, and a later concern (consent, campaigns, abuse checks) is one `use(..., { before })` away
// instead of an edit inside a handler.

export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void> | void;

export interface NamedMiddleware<C> {
  name: string;
  run: Middleware<C>;
}

export interface Composer<C> {
  /** Adds a middleware at the end, or just before/after a named one. Names are unique. */
  use(name: string, run: Middleware<C>, where?: { before?: string; after?: string }): Composer<C>;
  /** The names in the order they run. */
  names(): string[];
  /** Runs `ctx` through the chain; resolves when the chain has finished (or a middleware stopped it). */
  run(ctx: C): Promise<void>;
}

export class MiddlewareError extends Error {
  constructor(
    readonly middleware: string,
    override readonly cause: unknown,
  ) {
    super(`middleware "${middleware}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MiddlewareError';
  }
}

/** Runs the chain; `next()` called twice by one middleware is a bug and throws rather than running the rest twice. */
export function compose<C>(chain: readonly NamedMiddleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    let reached = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= reached) throw new Error(`middleware "${chain[i - 1]?.name}" called next() more than once`);
      reached = i;
      const entry = chain[i];
      if (!entry) return;
      try {
        await entry.run(ctx, () => dispatch(i + 1));
      } catch (error) {
        // Wrap once, where it happened; an outer middleware sees the same wrapped error.
        throw error instanceof MiddlewareError ? error : new MiddlewareError(entry.name, error);
      }
    };
    return dispatch(0);
  };
}

export function createComposer<C>(): Composer<C> {
  const chain: NamedMiddleware<C>[] = [];
  let composed: ((ctx: C) => Promise<void>) | null = null;
  const indexOf = (name: string) => {
    const i = chain.findIndex((m) => m.name === name);
    if (i < 0) throw new Error(`no middleware named "${name}"`);
    return i;
  };
  const composer: Composer<C> = {
    use(name, run, where = {}) {
      if (chain.some((m) => m.name === name)) throw new Error(`a middleware named "${name}" is already in use`);
      const at = where.before !== undefined ? indexOf(where.before) : where.after !== undefined ? indexOf(where.after) + 1 : chain.length;
      chain.splice(at, 0, { name, run });
      composed = null;
      return composer;
    },
    names: () => chain.map((m) => m.name),
    run(ctx) {
      composed ??= compose([...chain]);
      return composed(ctx);
    },
  };
  return composer;
}
