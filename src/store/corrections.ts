import type { LagerkollDb, StoredEvent } from './db.ts';
import { recordCount } from './events.ts';

/** The fields a correction copies from the event it corrects, so it is found by the same indexes. */
function sameLine(target: StoredEvent) {
  return {
    raw: target.raw,
    gtin: target.gtin,
    stockTakeId: target.stockTakeId,
    locationCode: target.locationCode,
    batch: target.batch,
    expiry: target.expiry,
    serial: target.serial,
    unitLevel: target.unitLevel,
  };
}

/** Cancels a count with a new `void` event (the count itself is never changed). */
export function voidCount(db: LagerkollDb, target: StoredEvent, userId: string | null = null): Promise<StoredEvent> {
  return recordCount(db, { ...sameLine(target), quantity: 0, kind: 'void', corrects: target.id, userId });
}

/** Replaces a count's quantity with a new `count` event that supersedes it. */
export function replaceCount(
  db: LagerkollDb,
  target: StoredEvent,
  quantity: number,
  userId: string | null = null,
): Promise<StoredEvent> {
  return recordCount(db, { ...sameLine(target), quantity, kind: 'count', corrects: target.id, userId });
}

/**
 * A recount of a review line (one product, batch and expiry, possibly counted in several places and
 * several times): the newest standing count is replaced by the recounted total and the others are
 * voided, all in one transaction.
 */
export async function recountLine(
  db: LagerkollDb,
  standing: readonly StoredEvent[],
  quantity: number,
  userId: string | null = null,
): Promise<StoredEvent | null> {
  if (standing.length === 0) return null;
  const ordered = [...standing].sort((a, b) => a.seq - b.seq);
  const newest = ordered[ordered.length - 1] as StoredEvent;
  return db.transaction('rw', db.events, db.meta, async () => {
    for (const event of ordered.slice(0, -1)) await voidCount(db, event, userId);
    return replaceCount(db, newest, quantity, userId);
  });
}
