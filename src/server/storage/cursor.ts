/**
 * Pull cursors: `<epoch>.<version>`. The version is the server's change counter for reference data
 * (never a clock); the epoch is made once per database, so that a cursor from another database —
 * or from before a restore — is recognised and expires instead of silently skipping changes.
 */
export function encodeCursor(epoch: string, version: number): string {
  return `${epoch}.${version}`;
}

export interface CursorState {
  epoch: string;
  /** The newest version assigned in this database. */
  currentVersion: number;
  /** Tombstones up to this version of the dataset have been purged. */
  purgedThrough: number;
}

/**
 * The version to serve changes after, or 'expired' when the device must reload the dataset: the
 * cursor is unreadable, from another epoch, ahead of the database (a restored backup), or older
 * than purged tombstones (it might miss a deletion). No cursor starts from 0: a full load needs no
 * tombstones.
 */
export function versionAfter(cursor: string | null, state: CursorState): number | 'expired' {
  if (cursor === null) return 0;
  const match = /^([0-9a-f]{1,32})\.(0|[1-9]\d{0,15})$/.exec(cursor);
  if (!match || match[1] !== state.epoch) return 'expired';
  const version = Number(match[2]);
  if (version > state.currentVersion) return 'expired';
  if (version > 0 && version < state.purgedThrough) return 'expired';
  return version;
}

/**
 * Outcomes of a batch from what the database did: an id inserted now is 'accepted' at its first
 * position; any other position of an id is compared with the content stored (or stored earlier in
 * the same batch).
 */
export function classifyOutcomes(
  ids: readonly string[],
  payloads: readonly string[],
  insertedIds: ReadonlySet<string>,
  storedPayloads: ReadonlyMap<string, string>,
): Array<'accepted' | 'duplicate' | 'conflict'> {
  const settled = new Map<string, string>();
  return ids.map((id, i) => {
    const payload = payloads[i] as string;
    if (insertedIds.has(id) && !settled.has(id)) {
      settled.set(id, payload);
      return 'accepted';
    }
    return (settled.get(id) ?? storedPayloads.get(id)) === payload ? 'duplicate' : 'conflict';
  });
}
