import type { CountEvent } from '../count-event.ts';
import type { StockTake } from '../reference-data.ts';

export interface PendingRecount {
  locationCode: string;
  requestedAt: string;
  reason: string;
}

/**
 * The recounts a supervisor asked for that nobody has made yet: a location's request is settled by
 * any count or correction made there at or after the request (the device's clock, like every
 * countedAt). Shared by the device (a badge on the location) and the server (progress per location).
 */
export function pendingRecounts(
  stockTake: Pick<StockTake, 'id' | 'recounts'>,
  events: readonly Pick<CountEvent, 'stockTakeId' | 'locationCode' | 'countedAt'>[],
): Map<string, PendingRecount> {
  const pending = new Map<string, PendingRecount>();
  for (const request of stockTake.recounts ?? []) {
    const earlier = pending.get(request.locationCode);
    if (!earlier || earlier.requestedAt < request.requestedAt) pending.set(request.locationCode, request);
  }
  if (pending.size === 0) return pending;
  for (const event of events) {
    if (event.stockTakeId !== stockTake.id || !event.locationCode) continue;
    const request = pending.get(event.locationCode);
    if (request && Date.parse(event.countedAt) >= Date.parse(request.requestedAt)) pending.delete(event.locationCode);
  }
  return pending;
}
