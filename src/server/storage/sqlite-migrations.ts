import type Database from 'better-sqlite3';

/**
 * Schema migrations for the SQLite store, applied in order inside one transaction each;
 * `PRAGMA user_version` records how far a database has come. Never edit a migration that has
 * shipped: add a new one.
 */
const migrations: readonly string[] = [
  // 1: count events, immutable, keyed by the id the device made.
  `CREATE TABLE events (
     id          TEXT PRIMARY KEY,
     device_id   TEXT NOT NULL,
     seq         INTEGER NOT NULL,
     counted_at  TEXT NOT NULL,
     raw         TEXT NOT NULL,
     gtin        TEXT,
     quantity    INTEGER NOT NULL,
     received_at TEXT NOT NULL,
     payload     TEXT NOT NULL
   ) STRICT;
   CREATE INDEX events_device_seq ON events (device_id, seq);
   CREATE INDEX events_gtin ON events (gtin);`,
  // 2: the stock-take fields of event format 2 as columns for queries; payload stays the source of truth.
  `ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'count';
   ALTER TABLE events ADD COLUMN corrects TEXT;
   ALTER TABLE events ADD COLUMN stock_take_id TEXT;
   ALTER TABLE events ADD COLUMN location_code TEXT;
   ALTER TABLE events ADD COLUMN batch TEXT;
   ALTER TABLE events ADD COLUMN expiry TEXT;
   ALTER TABLE events ADD COLUMN serial TEXT;
   ALTER TABLE events ADD COLUMN user_id TEXT;
   CREATE INDEX events_stock_take ON events (stock_take_id, location_code);`,
  // 3: sync protocol 2 — clock skew per event, per-device watermark, reference data with versions.
  `ALTER TABLE events ADD COLUMN clock_skew_ms INTEGER;
   CREATE TABLE devices (
     device_id      TEXT PRIMARY KEY,
     contiguous_seq INTEGER NOT NULL DEFAULT 0,
     last_push_at   TEXT,
     app_version    TEXT
   ) STRICT;
   CREATE TABLE reference_clock (
     id      INTEGER PRIMARY KEY CHECK (id = 1),
     epoch   TEXT NOT NULL,
     version INTEGER NOT NULL
   ) STRICT;
   INSERT INTO reference_clock (id, epoch, version) VALUES (1, lower(hex(randomblob(8))), 0);
   CREATE TABLE reference_rows (
     dataset    TEXT NOT NULL,
     key        TEXT NOT NULL,
     version    INTEGER NOT NULL,
     data       TEXT,
     changed_at TEXT NOT NULL,
     PRIMARY KEY (dataset, key)
   ) STRICT;
   CREATE UNIQUE INDEX reference_rows_by_version ON reference_rows (dataset, version);
   CREATE TABLE reference_purges (
     dataset        TEXT PRIMARY KEY,
     purged_through INTEGER NOT NULL
   ) STRICT;`,
  // 4: the coordinators' overview — precomputed tables kept up to date from the events and the
  // reference data (storage/overview-refresh.ts); events stay read-only. Every stock-take that
  // already has events is marked, so the first read of the overview builds its totals.
  `CREATE TABLE stock_take_changes (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     stock_take_id TEXT NOT NULL
   ) STRICT;
   INSERT INTO stock_take_changes (stock_take_id)
     SELECT DISTINCT stock_take_id FROM events WHERE stock_take_id IS NOT NULL;
   CREATE TABLE stock_take_batches (
     stock_take_id TEXT NOT NULL,
     gtin          TEXT NOT NULL,
     batch         TEXT,
     expiry        TEXT,
     quantity      INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX stock_take_batches_by_stock_take ON stock_take_batches (stock_take_id, gtin);
   CREATE TABLE overview_targets (
     site_code    TEXT NOT NULL,
     gtin         TEXT NOT NULL,
     target_packs INTEGER NOT NULL,
     PRIMARY KEY (site_code, gtin)
   ) STRICT;
   CREATE TABLE overview_sites (
     site_code      TEXT PRIMARY KEY,
     approved_id    TEXT,
     provisional_id TEXT
   ) STRICT;
   CREATE TABLE overview_rows (
     site_code         TEXT NOT NULL,
     gtin              TEXT NOT NULL,
     target_packs      INTEGER,
     counted_packs     INTEGER,
     provisional_packs INTEGER,
     coverage          REAL,
     earliest_expiry   TEXT,
     sort_coverage     REAL NOT NULL,
     PRIMARY KEY (site_code, gtin)
   ) STRICT;
   CREATE INDEX overview_rows_by_coverage ON overview_rows (sort_coverage, site_code, gtin);
   CREATE TABLE overview_state (
     id                INTEGER PRIMARY KEY CHECK (id = 1),
     reference_version INTEGER NOT NULL
   ) STRICT;
   INSERT INTO overview_state (id, reference_version) VALUES (1, 0);`,
  // 5: identity (issue 7) — accounts with password hashes, sessions and credentials stored only as
  // hashes, one-time enrollment codes, which users signed in on which device, and the audit log,
  // which triggers keep append-only.
  `CREATE TABLE accounts (
     user_id        TEXT PRIMARY KEY,
     username       TEXT NOT NULL UNIQUE,
     name           TEXT NOT NULL,
     role           TEXT NOT NULL,
     password_hash  TEXT,
     created_at     TEXT NOT NULL,
     revoked_at     TEXT,
     revoked_by     TEXT,
     revoked_reason TEXT
   ) STRICT;
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id    TEXT NOT NULL,
     device_id  TEXT,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX sessions_by_user ON sessions (user_id);
   CREATE TABLE enrollment_codes (
     code_hash      TEXT PRIMARY KEY,
     label          TEXT NOT NULL,
     created_by     TEXT NOT NULL,
     created_at     TEXT NOT NULL,
     expires_at     TEXT NOT NULL,
     used_at        TEXT,
     used_by_device TEXT
   ) STRICT;
   CREATE TABLE device_enrollments (
     device_id        TEXT PRIMARY KEY,
     credential_hash  TEXT NOT NULL UNIQUE,
     label            TEXT NOT NULL,
     enrolled_at      TEXT NOT NULL,
     enrolled_by      TEXT NOT NULL,
     last_contact_at  TEXT,
     app_version      TEXT,
     oldest_unsent_at TEXT,
     revoked_at       TEXT,
     revoked_by       TEXT,
     revoked_reason   TEXT
   ) STRICT;
   CREATE TABLE device_users (
     device_id        TEXT NOT NULL,
     user_id          TEXT NOT NULL,
     first_sign_in_at TEXT NOT NULL,
     last_sign_in_at  TEXT NOT NULL,
     PRIMARY KEY (device_id, user_id)
   ) STRICT;
   CREATE TABLE audit_log (
     id        INTEGER PRIMARY KEY AUTOINCREMENT,
     at        TEXT NOT NULL,
     action    TEXT NOT NULL,
     user_id   TEXT,
     device_id TEXT,
     subject   TEXT,
     details   TEXT NOT NULL
   ) STRICT;
   CREATE INDEX audit_log_by_action ON audit_log (action, id);
   CREATE INDEX audit_log_by_subject ON audit_log (subject, id);
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  // 6: stock-take administration (issue 8) — how each conflict was settled (with the conflict as the
  // supervisor saw it, since an accepted device makes it disappear from the counts), and the id and
  // last sequence number under which the server records the correction events of a resolution (a
  // device of its own).
  `CREATE TABLE conflict_resolutions (
     stock_take_id TEXT NOT NULL,
     conflict_id   TEXT NOT NULL,
     kind          TEXT NOT NULL,
     device_id     TEXT,
     decided_by    TEXT NOT NULL,
     decided_at    TEXT NOT NULL,
     reason        TEXT,
     conflict      TEXT NOT NULL,
     PRIMARY KEY (stock_take_id, conflict_id)
   ) STRICT;
   CREATE TABLE server_device (
     id        INTEGER PRIMARY KEY CHECK (id = 1),
     device_id TEXT NOT NULL,
     last_seq  INTEGER NOT NULL DEFAULT 0
   ) STRICT;`,
];

export const SQLITE_SCHEMA_VERSION = migrations.length;

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server knows (${migrations.length}). Upgrade the server.`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
