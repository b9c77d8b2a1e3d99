import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { pendingDeliveries, pingDatabase } from './probes';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';

for (const kind of databaseCases()) {
  describe.skipIf(kind.skip)(`database probes (${kind.name})`, () => {
    it('pings the database while it is open, and fails once it is closed', async () => {
      const db = await openDatabase(await kind.fresh());
      await expect(pingDatabase(db)).resolves.toBeUndefined();
      await db.close();
      await expect(pingDatabase(db)).rejects.toThrow();
    });

    it('counts deliveries claimed but not yet completed', async () => {
      const db = await openDatabase(await kind.fresh());
      const store = createStore(db);
      try {
        expect(await pendingDeliveries(db)).toBe(0);
        const now = new Date();
        for (const key of ['p:1', 'p:2', 'p:3']) await store.claimDelivery(key, now);
        await store.claimDelivery('p:1', now); // a redelivery: still one
        expect(await pendingDeliveries(db)).toBe(3);
        await store.completeDeliveries([{ key: 'p:1', ack: '{}' }, { key: 'p:3', ack: '{}' }]);
        expect(await pendingDeliveries(db)).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}
