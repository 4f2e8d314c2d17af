import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from './event-store.ts';
import { PostgresEventStore } from './postgres-event-store.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

/** PostgreSQL when a DATABASE_URL is given, otherwise the embedded SQLite file in the data directory. */
export async function openStore(config: { databaseUrl: string | null; dataDir: string }): Promise<EventStore> {
  if (config.databaseUrl) return PostgresEventStore.open(config.databaseUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'lagerkoll.sqlite'));
}

/** Where the data lives, for the start-up line (never prints a password). */
export function describeStore(config: { databaseUrl: string | null; dataDir: string }): string {
  if (!config.databaseUrl) return `SQLite in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
