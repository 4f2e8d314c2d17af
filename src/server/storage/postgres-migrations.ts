import type pg from 'pg';

/**
 * Schema migrations for the PostgreSQL store, in order, one transaction each; `schema_migrations`
 * records how far a database has come. Several server instances may start at once against one
 * database: an advisory lock lets one of them migrate while the others wait. Never edit a
 * migration that has shipped: add a new one. Kept in step with sqlite-migrations.ts (the same
 * contract suite runs on both).
 */
const migrations: readonly string[] = [
  // 1: count events (format 2 columns for queries; payload, the canonical JSON, is the source of
  // truth), the per-device watermark, and reference data with server-assigned versions.
  `CREATE TABLE events (
     id            uuid PRIMARY KEY,
     device_id     uuid NOT NULL,
     seq           bigint NOT NULL,
     counted_at    timestamptz NOT NULL,
     raw           text NOT NULL,
     gtin          text,
     quantity      integer NOT NULL,
     kind          text NOT NULL,
     corrects      uuid,
     stock_take_id text,
     location_code text,
     batch         text,
     expiry        date,
     serial        text,
     user_id       text,
     received_at   timestamptz NOT NULL,
     clock_skew_ms bigint,
     payload       text NOT NULL
   );
   CREATE INDEX events_device_seq ON events (device_id, seq);
   CREATE INDEX events_gtin ON events (gtin);
   CREATE INDEX events_stock_take ON events (stock_take_id, location_code);
   CREATE TABLE devices (
     device_id      uuid PRIMARY KEY,
     contiguous_seq bigint NOT NULL DEFAULT 0,
     last_push_at   timestamptz,
     app_version    text
   );
   CREATE TABLE reference_clock (
     id      integer PRIMARY KEY CHECK (id = 1),
     epoch   text NOT NULL,
     version bigint NOT NULL
   );
   INSERT INTO reference_clock (id, epoch, version) VALUES (1, substr(md5(gen_random_uuid()::text), 1, 16), 0);
   CREATE TABLE reference_rows (
     dataset    text NOT NULL,
     key        text NOT NULL,
     version    bigint NOT NULL,
     data       text,
     changed_at timestamptz NOT NULL,
     PRIMARY KEY (dataset, key)
   );
   CREATE UNIQUE INDEX reference_rows_by_version ON reference_rows (dataset, version);
   CREATE TABLE reference_purges (
     dataset        text PRIMARY KEY,
     purged_through bigint NOT NULL
   );`,
  // 2: the coordinators' overview — precomputed tables kept up to date from the events and the
  // reference data (storage/overview-refresh.ts); events stay read-only. Every stock-take that
  // already has events is marked, so the first read of the overview builds its totals.
  `CREATE TABLE stock_take_changes (
     id            bigserial PRIMARY KEY,
     stock_take_id text NOT NULL
   );
   INSERT INTO stock_take_changes (stock_take_id)
     SELECT DISTINCT stock_take_id FROM events WHERE stock_take_id IS NOT NULL;
   CREATE TABLE stock_take_batches (
     stock_take_id text NOT NULL,
     gtin          text NOT NULL,
     batch         text,
     expiry        date,
     quantity      integer NOT NULL
   );
   CREATE INDEX stock_take_batches_by_stock_take ON stock_take_batches (stock_take_id, gtin);
   CREATE TABLE overview_targets (
     site_code    text NOT NULL,
     gtin         text NOT NULL,
     target_packs integer NOT NULL,
     PRIMARY KEY (site_code, gtin)
   );
   CREATE TABLE overview_sites (
     site_code      text PRIMARY KEY,
     approved_id    text,
     provisional_id text
   );
   CREATE TABLE overview_rows (
     site_code         text NOT NULL,
     gtin              text NOT NULL,
     target_packs      integer,
     counted_packs     integer,
     provisional_packs integer,
     coverage          double precision,
     earliest_expiry   date,
     sort_coverage     double precision NOT NULL,
     PRIMARY KEY (site_code, gtin)
   );
   CREATE INDEX overview_rows_by_coverage ON overview_rows (sort_coverage, site_code COLLATE "C", gtin COLLATE "C");
   CREATE TABLE overview_state (
     id                integer PRIMARY KEY CHECK (id = 1),
     reference_version bigint NOT NULL
   );
   INSERT INTO overview_state (id, reference_version) VALUES (1, 0);`,
  // 5: identity (issue 7), as SQLite's migration 5: hashes only, and an append-only audit log.
  `CREATE TABLE accounts (
     user_id        text PRIMARY KEY,
     username       text NOT NULL UNIQUE,
     name           text NOT NULL,
     role           text NOT NULL,
     password_hash  text,
     created_at     timestamptz NOT NULL,
     revoked_at     timestamptz,
     revoked_by     text,
     revoked_reason text
   );
   CREATE TABLE sessions (
     token_hash text PRIMARY KEY,
     user_id    text NOT NULL,
     device_id  uuid,
     created_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX sessions_by_user ON sessions (user_id);
   CREATE TABLE enrollment_codes (
     code_hash      text PRIMARY KEY,
     label          text NOT NULL,
     created_by     text NOT NULL,
     created_at     timestamptz NOT NULL,
     expires_at     timestamptz NOT NULL,
     used_at        timestamptz,
     used_by_device uuid
   );
   CREATE TABLE device_enrollments (
     device_id        uuid PRIMARY KEY,
     credential_hash  text NOT NULL UNIQUE,
     label            text NOT NULL,
     enrolled_at      timestamptz NOT NULL,
     enrolled_by      text NOT NULL,
     last_contact_at  timestamptz,
     app_version      text,
     oldest_unsent_at timestamptz,
     revoked_at       timestamptz,
     revoked_by       text,
     revoked_reason   text
   );
   CREATE TABLE device_users (
     device_id        uuid NOT NULL,
     user_id          text NOT NULL,
     first_sign_in_at timestamptz NOT NULL,
     last_sign_in_at  timestamptz NOT NULL,
     PRIMARY KEY (device_id, user_id)
   );
   CREATE TABLE audit_log (
     id        bigserial PRIMARY KEY,
     at        timestamptz NOT NULL,
     action    text NOT NULL,
     user_id   text,
     device_id uuid,
     subject   text,
     details   text NOT NULL
   );
   CREATE INDEX audit_log_by_action ON audit_log (action, id);
   CREATE INDEX audit_log_by_subject ON audit_log (subject, id);
   CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
   CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`,
  // 6: stock-take administration (issue 8), as SQLite's migration 6.
  `CREATE TABLE conflict_resolutions (
     stock_take_id text NOT NULL,
     conflict_id   text NOT NULL,
     kind          text NOT NULL,
     device_id     uuid,
     decided_by    text NOT NULL,
     decided_at    timestamptz NOT NULL,
     reason        text,
     conflict      text NOT NULL,
     PRIMARY KEY (stock_take_id, conflict_id)
   );
   CREATE TABLE server_device (
     id        integer PRIMARY KEY CHECK (id = 1),
     device_id uuid NOT NULL,
     last_seq  bigint NOT NULL DEFAULT 0
   );`,
];

export const POSTGRES_SCHEMA_VERSION = migrations.length;
/** Any fixed number: the key of the advisory lock held while migrating. */
const MIGRATION_LOCK = 7_306_011;

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)');
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > migrations.length) {
        throw new Error(
          `The database is at schema version ${current}, newer than this server knows (${migrations.length}). Upgrade the server.`,
        );
      }
      for (let version = current + 1; version <= migrations.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[version - 1] as string);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
