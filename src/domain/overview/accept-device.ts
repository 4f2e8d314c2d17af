import type { CountEvent } from '../count-event.ts';
import { activeCounts } from '../stock-take/corrections.ts';
import { type ConflictSnapshot, isAtConflict } from './conflict-views.ts';

type Correctable = Pick<
  CountEvent,
  'id' | 'kind' | 'corrects' | 'deviceId' | 'stockTakeId' | 'locationCode' | 'gtin' | 'batch' | 'serial'
>;

/**
 * The counts to void so that only `deviceId`'s counts stand where a conflict is (its place, or its
 * serialised pack): every standing count of another device there, and every count each of them
 * replaced, directly or not. Voiding only the standing count would bring back the count it replaced
 * (the correction rules: voiding the newest count of a line is an undo), so the whole line goes.
 * Counts already voided are left alone. Nothing else changes: a replaced count does not stand, so
 * voiding it changes no other place. Pass every event of the stock-take.
 */
export function countsToVoid<E extends Correctable>(
  events: readonly E[],
  stockTakeId: string,
  conflict: Pick<ConflictSnapshot, 'kind' | 'locationCode' | 'gtin' | 'batch' | 'serial'>,
  deviceId: string,
): E[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const voided = new Set(events.flatMap((e) => (e.kind === 'void' && e.corrects ? [e.corrects] : [])));
  const line = new Set<string>();
  const another = (e: E) => e.kind === 'count' && e.deviceId !== deviceId;
  for (const standing of activeCounts(events)) {
    if (standing.stockTakeId !== stockTakeId || !isAtConflict(conflict, standing) || !another(standing)) continue;
    // The count and the counts it replaced, back to the first of its line (through voided ones:
    // a voided count whose replacement is in force still hides the one before it).
    for (let e: E | undefined = standing; e && another(e) && !line.has(e.id); e = byId.get(e.corrects ?? '')) {
      line.add(e.id);
    }
  }
  return events.filter((e) => line.has(e.id) && !voided.has(e.id));
}
