import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/server/storage/sqlite-event-store.ts';
import { describeAuthContract } from './auth-contract.ts';
import { describeStoreContract } from './contract.ts';
import { describeStockTakeAdminContract } from './stock-take-admin-contract.ts';

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-contract-'));
  const store = new SqliteEventStore(join(dir, 'contract.sqlite'));
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The stock-take administration (issue 8): its own rules, on a fresh store of their own.
describeStockTakeAdminContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-contract-'));
  const store = new SqliteEventStore(join(dir, 'contract.sqlite'));
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// Identity (issue 7): accounts, sessions, enrollments and the audit log, on a fresh store of their own.
describeAuthContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-contract-'));
  const file = join(dir, 'contract.sqlite');
  const store = new SqliteEventStore(file);
  const raw = new Database(file);
  return {
    store,
    execute: async (sql) => {
      raw.prepare(sql).run();
    },
    async dispose() {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
