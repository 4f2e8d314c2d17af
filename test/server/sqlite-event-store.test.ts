import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { SQLITE_SCHEMA_VERSION } from '../../src/server/storage/sqlite-migrations.ts';
import { makeDeviceId, makeEvents } from '../support/events.ts';
import { batchOf } from './storage/contract.ts';

const dirs: string[] = [];
function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-sqlite-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteEventStore', () => {
  it('runs in WAL mode with synchronous=FULL, so every acknowledged push is on disk', async () => {
    const store = new SqliteEventStore(tempFile());
    expect(store.pragma('journal_mode')).toBe('wal');
    expect(store.pragma('synchronous')).toBe(2); // 2 = FULL
    await store.close();
  });

  it('migrates a new database to the current schema version, and reopening changes nothing', async () => {
    const file = tempFile();
    await new SqliteEventStore(file).close();
    const store = new SqliteEventStore(file);
    expect(store.pragma('user_version')).toBe(SQLITE_SCHEMA_VERSION);
    await store.close();
  });

  it('refuses a database from a newer server instead of damaging it', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => new SqliteEventStore(file)).toThrow(/newer than this server knows/);
  });

  it('keeps what was stored across a reopen', async () => {
    const file = tempFile();
    const device = makeDeviceId();
    const events = makeEvents(device, 10);
    const first = new SqliteEventStore(file);
    expect((await first.ingest(batchOf(device, events))).outcomes).toEqual(events.map(() => 'accepted'));
    await first.close();
    const second = new SqliteEventStore(file);
    expect((await second.eventsOfDevice(device)).map((r) => r.event)).toEqual(events);
    expect((await second.ingest(batchOf(device, events))).outcomes).toEqual(events.map(() => 'duplicate'));
    await second.close();
  });
});
