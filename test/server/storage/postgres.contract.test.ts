import pg from 'pg';
import { PostgresEventStore } from '../../../src/server/storage/postgres-event-store.ts';
import { freshPostgresDatabase } from '../../support/postgres.ts';
import { describeAuthContract } from './auth-contract.ts';
import { describeStoreContract } from './contract.ts';
import { describeStockTakeAdminContract } from './stock-take-admin-contract.ts';

describeStoreContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase();
  const store = await PostgresEventStore.open(database.url);
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});

// The stock-take administration (issue 8): its own rules, on a fresh database of their own.
describeStockTakeAdminContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase();
  const store = await PostgresEventStore.open(database.url);
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});

// Identity (issue 7): accounts, sessions, enrollments and the audit log, on a fresh database of their own.
describeAuthContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase();
  const store = await PostgresEventStore.open(database.url);
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  return {
    store,
    execute: async (sql) => {
      await raw.query(sql);
    },
    async dispose() {
      await raw.end();
      await store.close();
      await database.drop();
    },
  };
});
