import { afterEach, describe, expect, it } from 'vitest';
import { targetLevelKey } from '../../src/domain/reference-datasets.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import {
  applyPullPage,
  readCursor,
  StagedDataset,
  swapInDataset,
  syncedDatasets,
} from '../../src/store/reference-data.ts';

const dbs: LagerkollDb[] = [];
let n = 0;
function freshDb(): LagerkollDb {
  const db = new LagerkollDb(`reference-data-test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const site = (code: string) => ({ code, name: `DEMO ${code}`, kind: 'regional-store' as const, region: 'Gotland' });

describe('device reference data', () => {
  it('pulls every dataset the database has a table for (all of them since schema version 3)', () => {
    expect([...syncedDatasets(freshDb())].sort()).toEqual(
      ['catalog', 'expectations', 'locations', 'sites', 'stock-takes', 'target-levels', 'users'].sort(),
    );
  });

  it('applies a page and its cursor together, only over the cursor the page was asked with', async () => {
    const db = freshDb();
    expect(await applyPullPage(db, 'sites', null, [{ op: 'upsert', key: 'S1', row: site('S1') }], 'e.1')).toBe(true);
    // A page asked with an older cursor (another writer got there first) changes nothing.
    expect(await applyPullPage(db, 'sites', null, [{ op: 'upsert', key: 'S2', row: site('S2') }], 'e.2')).toBe(false);
    expect(await db.sites.count()).toBe(1);
    expect(await readCursor(db, 'sites')).toBe('e.1');
    expect(await applyPullPage(db, 'sites', 'e.1', [{ op: 'delete', key: 'S1' }], 'e.3')).toBe(true);
    expect(await db.sites.count()).toBe(0);
  });

  it('leaves data and cursor untouched when the transaction fails half-way', async () => {
    const db = freshDb();
    await applyPullPage(db, 'sites', null, [{ op: 'upsert', key: 'S1', row: site('S1') }], 'e.1');
    // A row without its primary key makes bulkPut fail after the transaction started.
    const broken = [
      { op: 'upsert' as const, key: 'S2', row: site('S2') },
      { op: 'upsert' as const, key: 'S3', row: { name: 'no code' } as never },
    ];
    await expect(applyPullPage(db, 'sites', 'e.1', broken, 'e.3')).rejects.toThrow();
    expect(await db.sites.toArray()).toEqual([site('S1')]);
    expect(await readCursor(db, 'sites')).toBe('e.1');
  });

  it('deletes a target level by its [site, gtin] key', async () => {
    const db = freshDb();
    const level = { siteCode: 'S1', gtin: '09506000100739', targetPacks: 5 };
    const key = targetLevelKey('S1', '09506000100739');
    await applyPullPage(db, 'target-levels', null, [{ op: 'upsert', key, row: level }], 'e.1');
    expect(await db.targetLevels.count()).toBe(1);
    await applyPullPage(db, 'target-levels', 'e.1', [{ op: 'delete', key }], 'e.2');
    expect(await db.targetLevels.count()).toBe(0);
  });

  it('swaps a staged dataset in whole, with its cursor', async () => {
    const db = freshDb();
    await applyPullPage(db, 'sites', null, [{ op: 'upsert', key: 'OLD', row: site('OLD') }], 'e.1');
    const staged = new StagedDataset();
    staged.apply([
      { op: 'upsert', key: 'A', row: site('A') },
      { op: 'upsert', key: 'B', row: site('B') },
    ]);
    staged.apply([{ op: 'delete', key: 'A' }]);
    await swapInDataset(db, 'sites', staged, 'f.9');
    expect(await db.sites.toArray()).toEqual([site('B')]);
    expect(await readCursor(db, 'sites')).toBe('f.9');
  });
});
