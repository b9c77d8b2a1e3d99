import { describe, expect, it } from 'vitest';
import { createPendingWork } from './pending-work';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('pending work', () => {
  it('is idle at once when nothing was tracked', async () => {
    const work = createPendingWork();
    await expect(work.idle()).resolves.toBeUndefined();
    expect(work.count()).toBe(0);
  });

  it('waits for every tracked promise, fulfilled or rejected, including ones tracked while waiting', async () => {
    const work = createPendingWork();
    const first = deferred();
    const second = deferred();
    const third = deferred();
    work.track(first.promise);
    work.track(second.promise).catch(() => undefined);
    let idle = false;
    const waiting = work.idle().then(() => (idle = true));
    first.resolve();
    await first.promise;
    expect(idle).toBe(false);
    work.track(third.promise);
    second.reject(new Error('failed delivery'));
    await second.promise.catch(() => undefined);
    await Promise.resolve();
    expect(idle).toBe(false);
    expect(work.count()).toBe(1);
    third.resolve();
    await waiting;
    expect(idle).toBe(true);
    expect(work.count()).toBe(0);
  });

  it('hands the tracked promise back unchanged', async () => {
    const work = createPendingWork();
    const promise = Promise.resolve(42);
    expect(work.track(promise)).toBe(promise);
    await expect(promise).resolves.toBe(42);
  });
});
