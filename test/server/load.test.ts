import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { auditStore, pushFromManyDevices } from '../support/load.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';

/**
 * Load, bounded and on loopback only: 100 devices each pushing 1,000 events at once to the real
 * server process. This asserts only what must hold under load — nothing lost, nothing doubled;
 * the latencies are measured by `npm run bench sync-load` and recorded in docs/benchmarks.md.
 */
describe('load: 100 devices × 1,000 events at once', () => {
  it('stores all 100,000 events exactly once', { timeout: 120_000 }, async () => {
    const server = new ServerProcess(await freePort(), { distDir: null });
    try {
      await server.start();
      const result = await pushFromManyDevices(server, { devices: 100, eventsPerDevice: 1_000 });
      expect(result.latenciesMs).toHaveLength(200);
      const store = new SqliteEventStore(join(server.dataDir, 'lagerkoll.sqlite'));
      try {
        expect(await auditStore(store, result.events)).toEqual({ lost: 0, doubled: 0, stored: 100_000 });
      } finally {
        await store.close();
      }
    } finally {
      await server.dispose();
    }
  });
});
