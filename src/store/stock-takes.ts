import type { Location, Product, StockTake } from '../domain/reference-data.ts';
import { activeCounts } from '../domain/stock-take/corrections.ts';
import type { LagerkollDb, StoredEvent } from './db.ts';

// Prefix ranges on a compound index: [a] sorts before every [a, …], and [a, []] after every [a, <string>, …]
// (IndexedDB orders arrays after strings), so bound([a], [a, []]) is "every key that starts with a".

/** Every event of a stock-take (counts and corrections), oldest first. */
export function eventsOfStockTake(db: LagerkollDb, stockTakeId: string): Promise<StoredEvent[]> {
  return db.events
    .where('[stockTakeId+locationCode+countedAt]')
    .between([stockTakeId], [stockTakeId, []])
    .sortBy('seq');
}

/** Every event at one location of a stock-take, oldest first. */
export function eventsAtLocation(db: LagerkollDb, stockTakeId: string, locationCode: string): Promise<StoredEvent[]> {
  return db.events
    .where('[stockTakeId+locationCode+countedAt]')
    .between([stockTakeId, locationCode], [stockTakeId, locationCode, []])
    .sortBy('seq');
}

/**
 * The newest events at one location, newest first. A correction is always newer than what it
 * corrects, so which of these counts stand can be decided from this window alone: enough for the
 * running list, without reading a location's whole history on every scan.
 */
export function recentEventsAtLocation(
  db: LagerkollDb,
  stockTakeId: string,
  locationCode: string,
  limit: number,
): Promise<StoredEvent[]> {
  return db.events
    .where('[stockTakeId+locationCode+countedAt]')
    .between([stockTakeId, locationCode], [stockTakeId, locationCode, []])
    .reverse()
    .limit(limit)
    .toArray();
}

/** The events that may concern one serialised pack in a stock-take (its counts and their voids). */
export function eventsOfSerial(
  db: LagerkollDb,
  stockTakeId: string,
  gtin: string,
  serial: string,
): Promise<StoredEvent[]> {
  return db.events.where('[stockTakeId+gtin+serial]').equals([stockTakeId, gtin, serial]).toArray();
}

export function stockTakesOnDevice(db: LagerkollDb): Promise<StockTake[]> {
  return db.stockTakes.toArray().then((all) => all.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
}

/** The locations a stock-take covers: its scope, or all of its site's locations when the scope is empty. */
export async function locationsInScope(db: LagerkollDb, stockTake: StockTake): Promise<Location[]> {
  const ofSite = await db.locations.where('siteCode').equals(stockTake.siteCode).toArray();
  const scope = new Set(stockTake.locationCodes);
  return ofSite.filter((l) => scope.size === 0 || scope.has(l.code)).sort((a, b) => a.code.localeCompare(b.code));
}

/** The whole catalog as a map, for lookups while counting (a few thousand products at most). */
export async function catalogMap(db: LagerkollDb): Promise<Map<string, Product>> {
  return new Map((await db.products.toArray()).map((p) => [p.gtin, p]));
}

export interface StockTakeProgress {
  locationsTotal: number;
  locationsCounted: number;
  packs: number;
}

/** How far a stock-take has come on this device: locations with at least one standing count, and packs. */
export async function stockTakeProgress(db: LagerkollDb, stockTake: StockTake): Promise<StockTakeProgress> {
  const [locations, events] = await Promise.all([locationsInScope(db, stockTake), eventsOfStockTake(db, stockTake.id)]);
  const standing = activeCounts(events);
  return {
    locationsTotal: locations.length,
    locationsCounted: new Set(standing.map((e) => e.locationCode)).size,
    packs: standing.reduce((sum, e) => sum + e.quantity, 0),
  };
}
