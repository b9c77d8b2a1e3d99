import { describe, expect, it } from 'vitest';
import { compose, createComposer, MiddlewareError } from './composer';

describe('the middleware composer', () => {
  it('runs middleware in order, each around the rest', async () => {
    const seen: string[] = [];
    const composer = createComposer<{ log: string[] }>()
      .use('a', async (ctx, next) => {
        ctx.log.push('a:in');
        await next();
        ctx.log.push('a:out');
      })
      .use('b', (ctx) => {
        ctx.log.push('b');
      });
    await composer.run({ log: seen });
    expect(seen).toEqual(['a:in', 'b', 'a:out']);
  });

  it('lets a middleware answer and stop: later ones never run', async () => {
    const reached: string[] = [];
    const composer = createComposer<object>()
      .use('gate', async () => undefined)
      .use('after', async () => {
        reached.push('after');
      });
    await composer.run({});
    expect(reached).toEqual([]);
  });

  it('inserts a middleware before or after a named one, as consent or campaigns will', () => {
    const composer = createComposer<object>()
      .use('chat', async (_c, next) => next())
      .use('person', async (_c, next) => next())
      .use('route', async () => undefined);
    composer.use('consent', async (_c, next) => next(), { after: 'person' });
    composer.use('dedupe', async (_c, next) => next(), { before: 'chat' });
    expect(composer.names()).toEqual(['dedupe', 'chat', 'person', 'consent', 'route']);
    expect(() => composer.use('chat', async () => undefined)).toThrow(/already in use/);
    expect(() => composer.use('x', async () => undefined, { before: 'nowhere' })).toThrow(/no middleware named/);
  });

  it('refuses next() called twice instead of running the rest twice', async () => {
    let routed = 0;
    const run = compose<object>([
      {
        name: 'twice',
        run: async (_c, next) => {
          await next();
          await next();
        },
      },
      { name: 'route', run: () => void routed++ },
    ]);
    await expect(run({})).rejects.toThrow(/called next\(\) more than once/);
    expect(routed).toBe(1);
  });

  it('wraps a throw once, naming the middleware where it happened', async () => {
    const composer = createComposer<object>()
      .use('outer', async (_c, next) => next())
      .use('limits', async () => {
        throw new Error('redis is down');
      });
    const error = await composer.run({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MiddlewareError);
    expect((error as MiddlewareError).middleware).toBe('limits');
    expect((error as MiddlewareError).cause).toEqual(new Error('redis is down'));
  });
});
