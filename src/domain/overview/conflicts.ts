import type { CountEvent } from '../count-event.ts';
import { activeCounts } from '../stock-take/corrections.ts';

type ConflictInput = Pick<
  CountEvent,
  'id' | 'kind' | 'corrects' | 'deviceId' | 'stockTakeId' | 'locationCode' | 'gtin' | 'batch' | 'serial' | 'quantity'
>;

/** Two or more devices counted the same place, product and batch of a stock-take and got different totals. */
export interface LocationConflict {
  kind: 'location-totals';
  stockTakeId: string;
  locationCode: string;
  gtin: string;
  batch: string | null;
  /** Each device's standing total there, by device id. */
  totals: Array<{ deviceId: string; quantity: number }>;
}

/** One serialised pack standing on two or more devices in the same stock-take: it was counted twice. */
export interface SerialConflict {
  kind: 'serial';
  stockTakeId: string;
  gtin: string;
  serial: string;
  /** The standing counts of the pack, one or more per device. */
  eventIds: string[];
  deviceIds: string[];
}

export type CountConflict = LocationConflict | SerialConflict;

/**
 * Conflicts among standing counts (corrections applied first, so a recount that settled a
 * difference settles the conflict too). Counts without a stock-take, location or GTIN cannot be
 * compared and are left out. On one device the same serial twice is not a conflict here: the device
 * itself warns about it when the pack is scanned.
 */
export function detectConflicts(events: readonly ConflictInput[]): CountConflict[] {
  const standing = activeCounts(events);
  return [...locationConflicts(standing), ...serialConflicts(standing)];
}

function locationConflicts(standing: readonly ConflictInput[]): LocationConflict[] {
  const places = new Map<string, { sample: ConflictInput; totals: Map<string, number> }>();
  for (const e of standing) {
    if (!e.stockTakeId || !e.locationCode || !e.gtin) continue;
    const key = JSON.stringify([e.stockTakeId, e.locationCode, e.gtin, e.batch]);
    const place = places.get(key) ?? { sample: e, totals: new Map() };
    place.totals.set(e.deviceId, (place.totals.get(e.deviceId) ?? 0) + e.quantity);
    places.set(key, place);
  }
  const conflicts: LocationConflict[] = [];
  for (const { sample, totals } of places.values()) {
    if (totals.size < 2 || new Set(totals.values()).size < 2) continue;
    conflicts.push({
      kind: 'location-totals',
      stockTakeId: sample.stockTakeId as string,
      locationCode: sample.locationCode as string,
      gtin: sample.gtin as string,
      batch: sample.batch,
      totals: [...totals].map(([deviceId, quantity]) => ({ deviceId, quantity })).sort(byDevice),
    });
  }
  return conflicts;
}

function serialConflicts(standing: readonly ConflictInput[]): SerialConflict[] {
  const packs = new Map<string, ConflictInput[]>();
  for (const e of standing) {
    if (!e.stockTakeId || !e.gtin || !e.serial) continue;
    const key = JSON.stringify([e.stockTakeId, e.gtin, e.serial]);
    packs.set(key, [...(packs.get(key) ?? []), e]);
  }
  const conflicts: SerialConflict[] = [];
  for (const counts of packs.values()) {
    const deviceIds = [...new Set(counts.map((e) => e.deviceId))].sort();
    const first = counts[0];
    if (deviceIds.length < 2 || !first) continue;
    conflicts.push({
      kind: 'serial',
      stockTakeId: first.stockTakeId as string,
      gtin: first.gtin as string,
      serial: first.serial as string,
      eventIds: counts.map((e) => e.id),
      deviceIds,
    });
  }
  return conflicts;
}

function byDevice(a: { deviceId: string }, b: { deviceId: string }): number {
  return a.deviceId.localeCompare(b.deviceId);
}
