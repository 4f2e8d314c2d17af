import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  distDir: string;
  /** PostgreSQL instead of the embedded SQLite database, when set. */
  databaseUrl: string | null;
  /** Apps older than this get 426 (the operator's lever against a known-bad release). */
  minAppVersion: string | null;
  /** Tombstones of reference data older than this many days are purged (devices behind that far reload). */
  tombstoneRetentionDays: number;
  /**
   * Behind a reverse proxy (TLS in front): take the client's address (rate limits) and the public
   * origin (enrollment links) from the proxy's X-Forwarded-For/-Proto/-Host. Only when every request
   * comes through that proxy: otherwise a client could choose its own address.
   */
  trustProxy: boolean;
}

/** Configuration from the environment: PORT, HOST, DATA_DIR, DIST_DIR, DATABASE_URL, MIN_APP_VERSION, TOMBSTONE_RETENTION_DAYS, TRUST_PROXY. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const retention = Number(env.TOMBSTONE_RETENTION_DAYS ?? 90);
  if (!Number.isFinite(retention) || retention < 1)
    throw new Error(`TOMBSTONE_RETENTION_DAYS must be at least 1, not "${env.TOMBSTONE_RETENTION_DAYS}".`);
  const minAppVersion = env.MIN_APP_VERSION?.trim() || null;
  if (minAppVersion !== null && !/^\d+(\.\d+)*$/.test(minAppVersion))
    throw new Error(`MIN_APP_VERSION must look like 1.2.3, not "${minAppVersion}".`);
  const trustProxy = (env.TRUST_PROXY?.trim() || 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(trustProxy))
    throw new Error(`TRUST_PROXY must be true or false, not "${env.TRUST_PROXY}".`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    minAppVersion,
    tombstoneRetentionDays: retention,
    trustProxy: trustProxy === 'true' || trustProxy === '1',
  };
}
