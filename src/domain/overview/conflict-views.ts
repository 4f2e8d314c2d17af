import type { CountEvent } from '../count-event.ts';
import { activeCounts } from '../stock-take/corrections.ts';
import { type CountConflict, detectConflicts } from './conflicts.ts';
import type { ConflictView, ResolutionKind } from './stock-take-admin.ts';

/** A conflict as the API shows it, before its resolution is looked up. */
export type ConflictSnapshot = Omit<ConflictView, 'resolution'>;

/**
 * How a supervisor settled a conflict, as the server keeps it: with the conflict as it was when
 * decided, because accepting one device's counts makes the conflict disappear from the counts.
 */
export interface ResolutionRecord {
  stockTakeId: string;
  conflictId: string;
  kind: ResolutionKind;
  /** The device whose counts stand (accept-device); null otherwise. */
  deviceId: string | null;
  decidedBy: string;
  decidedAt: string;
  reason: string | null;
  conflict: ConflictSnapshot;
}

type ConflictEvent = Pick<
  CountEvent,
  | 'id'
  | 'kind'
  | 'corrects'
  | 'deviceId'
  | 'userId'
  | 'stockTakeId'
  | 'locationCode'
  | 'gtin'
  | 'batch'
  | 'serial'
  | 'quantity'
>;

/**
 * The id of a conflict: its place (stock-take, location, product and batch) or its pack (product
 * and serial), so it stays the same while the conflict exists and a resolution can name it.
 */
export function conflictId(conflict: CountConflict): string {
  return conflict.kind === 'serial'
    ? JSON.stringify(['serial', conflict.gtin, conflict.serial])
    : JSON.stringify(['location-totals', conflict.locationCode, conflict.gtin, conflict.batch]);
}

/** Whether an event is at the place (or is the pack) a conflict is about. */
export function isAtConflict(
  conflict: Pick<ConflictSnapshot, 'kind' | 'locationCode' | 'gtin' | 'batch' | 'serial'>,
  e: Pick<CountEvent, 'locationCode' | 'gtin' | 'batch' | 'serial'>,
): boolean {
  if (e.gtin !== conflict.gtin) return false;
  return conflict.kind === 'serial'
    ? e.serial === conflict.serial
    : e.locationCode === conflict.locationCode && e.batch === conflict.batch;
}

/**
 * The conflicts among the events of one stock-take (detectConflicts), each with its id and each
 * device's standing total there and who counted it. `deviceLabels` names the enrolled devices.
 */
export function conflictSnapshots(
  events: readonly ConflictEvent[],
  deviceLabels: ReadonlyMap<string, string> = new Map(),
): ConflictSnapshot[] {
  const standing = activeCounts(events);
  return detectConflicts(events).map((conflict) => {
    const base = {
      id: conflictId(conflict),
      kind: conflict.kind,
      locationCode: conflict.kind === 'serial' ? null : conflict.locationCode,
      gtin: conflict.gtin,
      batch: conflict.kind === 'serial' ? null : conflict.batch,
      serial: conflict.kind === 'serial' ? conflict.serial : null,
    };
    const here = standing.filter((e) => e.stockTakeId === conflict.stockTakeId && isAtConflict(base, e));
    const deviceIds = conflict.kind === 'serial' ? conflict.deviceIds : conflict.totals.map((t) => t.deviceId);
    const totals = deviceIds.map((deviceId) => {
      const mine = here.filter((e) => e.deviceId === deviceId);
      return {
        deviceId,
        deviceLabel: deviceLabels.get(deviceId) ?? null,
        quantity: mine.reduce((sum, e) => sum + e.quantity, 0),
        userIds: [...new Set(mine.flatMap((e) => (e.userId ? [e.userId] : [])))].sort(),
      };
    });
    return { ...base, totals };
  });
}

const sameTotals = (a: ConflictSnapshot, b: ConflictSnapshot) =>
  JSON.stringify(a.totals.map((t) => [t.deviceId, t.quantity])) ===
  JSON.stringify(b.totals.map((t) => [t.deviceId, t.quantity]));

/**
 * The conflicts of a stock-take with their resolutions. A conflict is open when its view has no
 * resolution or a recount request (the UI can tell from `resolution` alone):
 * - separate-zones settles the conflict only while the totals are those it was decided on: a new
 *   count there opens it again;
 * - accept-device voids the other devices' counts, so the conflict disappears from the counts; it
 *   is listed from the record, as it was when decided. If it appears again (new counts), it is open;
 * - recount leaves it open; once the new counts agree it disappears and is no longer listed.
 */
export function conflictViews(
  current: readonly ConflictSnapshot[],
  records: readonly ResolutionRecord[],
): { conflicts: ConflictView[]; openConflicts: number } {
  const byId = new Map(records.map((r) => [r.conflictId, r]));
  const resolutionOf = (r: ResolutionRecord) => ({
    kind: r.kind,
    deviceId: r.deviceId,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  });
  const conflicts: ConflictView[] = current.map((snapshot) => {
    const record = byId.get(snapshot.id);
    const applies =
      record &&
      (record.kind === 'recount' || (record.kind === 'separate-zones' && sameTotals(record.conflict, snapshot)));
    return { ...snapshot, resolution: record && applies ? resolutionOf(record) : null };
  });
  const detected = new Set(current.map((c) => c.id));
  for (const record of records) {
    if (record.kind === 'accept-device' && !detected.has(record.conflictId))
      conflicts.push({ ...record.conflict, resolution: resolutionOf(record) });
  }
  const openConflicts = conflicts.filter((c) => isOpen(c)).length;
  return { conflicts, openConflicts };
}

/** Open: no resolution, or only a recount request. Approval waits until none is open. */
export function isOpen(conflict: ConflictView): boolean {
  return conflict.resolution === null || conflict.resolution.kind === 'recount';
}
