import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { countEventSchema } from '../../src/domain/count-event.ts';
import { LagerkollDb, SCHEMA } from '../../src/store/db.ts';
import { toWireEvent } from '../../src/store/events.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database exactly as the app at schema version `version` left it. */
function databaseAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const [v, stores] of SCHEMA.filter(([v]) => v <= version)) db.version(v).stores(stores);
  return db;
}

describe('device database migrations', () => {
  it('numbers its versions 1, 2, 3… with no gaps', () => {
    expect(SCHEMA.map(([v]) => v)).toEqual(SCHEMA.map((_, i) => i + 1));
  });

  it('upgrades version 1 (walking skeleton) to the current version, keeping every pending event sendable', async () => {
    const name = 'migrate-from-1';
    names.push(name);
    const old = databaseAtVersion(name, 1);
    const v1Event = {
      id: '019aa0c0-0000-7000-8000-000000000001',
      deviceId: '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d6e',
      seq: 1,
      countedAt: '2026-11-20T08:00:00.000Z',
      raw: '0107046261000000',
      gtin: '07046261000000',
      quantity: 4,
      sync: 'pending',
    };
    await old.table('events').add(v1Event);
    await old.table('meta').put({ key: 'device', value: { deviceId: v1Event.deviceId, nextSeq: 2 } });
    old.close();

    const db = new LagerkollDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA.length);
    const upgraded = await db.events.get(v1Event.id);
    expect(upgraded).toMatchObject({ ...v1Event, schema: 2, kind: 'count', stockTakeId: null, unitLevel: 'pack' });
    expect(countEventSchema.safeParse(toWireEvent(upgraded as never)).success).toBe(true);
    expect(await db.meta.get('device')).toEqual({ key: 'device', value: { deviceId: v1Event.deviceId, nextSeq: 2 } });
    db.close();
  });
});
