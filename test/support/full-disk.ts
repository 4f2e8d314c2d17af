import type { LagerkollDb } from '../../src/store/db.ts';

/**
 * A full disk under Dexie, for tests in Node: while `full` is true, every write to the given tables
 * (all of them by default) fails with the QuotaExceededError IndexedDB gives when storage runs out.
 * fake-indexeddb has no quota, so a DBCore middleware refuses instead; it takes effect as the
 * database reopens, which this does.
 */
export async function simulateFullDisk(db: LagerkollDb, tables?: readonly string[]): Promise<{ full: boolean }> {
  const disk = { full: true };
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const refused = () => disk.full && (!tables || tables.includes(name));
        return {
          ...table,
          mutate: (request) =>
            refused()
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
  db.close();
  await db.open();
  return disk;
}
