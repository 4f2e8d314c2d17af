import { PostgresEventStore } from '../../../src/server/storage/postgres-event-store.ts';
import { freshPostgresDatabase } from '../../support/postgres.ts';
import { describeStoreContract } from './contract.ts';

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
