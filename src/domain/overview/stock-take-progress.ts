import type { CountEvent } from '../count-event.ts';
import type { Location, Product, StockTake } from '../reference-data.ts';
import { activeCounts } from '../stock-take/corrections.ts';
import { pendingRecounts } from '../stock-take/recounts.ts';
import { conflictSnapshots, conflictViews, type ResolutionRecord } from './conflict-views.ts';
import type { LocationProgress, StockTakeProgress } from './stock-take-admin.ts';

export interface ProgressInput {
  stockTake: StockTake;
  /** The site's locations, and any other location counted in the stock-take (for its name). */
  locations: readonly Location[];
  /** Every event of the stock-take, corrections and the server's voids included. */
  events: readonly CountEvent[];
  resolutions: readonly ResolutionRecord[];
  /** Labels of enrolled devices by id; a device without one is shown by its id. */
  deviceLabels?: ReadonlyMap<string, string>;
  /** When the server received each event, by event id (for what came after the approval). */
  receivedAt?: ReadonlyMap<string, string>;
  /** The catalog's products, at least those the conflicts name. */
  products?: readonly Pick<Product, 'gtin' | 'nameSv' | 'nameEn'>[];
}

/**
 * The progress of a stock-take as a supervisor follows it: per location of its scope (every
 * location of the site when the scope is empty), and any location counted outside the scope, the
 * standing lines and packs, the devices, the last count and whether a requested recount is still
 * waiting; the conflicts with their resolutions; totals. Counts without a location are in the totals
 * only.
 */
export function stockTakeProgress(input: ProgressInput): StockTakeProgress {
  const { stockTake, events } = input;
  const names = new Map(input.locations.map((l) => [l.code, l.name]));
  const scope =
    stockTake.locationCodes.length > 0
      ? stockTake.locationCodes
      : input.locations
          .filter((l) => l.siteCode === stockTake.siteCode)
          .map((l) => l.code)
          .sort();
  const counted = new Set(events.flatMap((e) => (e.kind === 'count' && e.locationCode ? [e.locationCode] : [])));
  const outside = [...counted].filter((code) => !scope.includes(code)).sort();
  const standing = activeCounts(events);
  // The same rule the device shows its badge by (a count or correction there since the request).
  const waiting = pendingRecounts(stockTake, events);

  const locations = [...new Set([...scope, ...outside])].map((code): LocationProgress => {
    const here = standing.filter((e) => e.locationCode === code);
    const lastCountedAt = latest(events.filter((e) => e.kind === 'count' && e.locationCode === code));
    return {
      locationCode: code,
      locationName: names.get(code) ?? null,
      lines: here.length,
      packs: sum(here),
      deviceIds: [...new Set(here.map((e) => e.deviceId))].sort(),
      lastCountedAt,
      recountRequested: waiting.has(code),
    };
  });

  const { conflicts, openConflicts } = conflictViews(conflictSnapshots(events, input.deviceLabels), input.resolutions);
  return {
    stockTake,
    locations,
    conflicts,
    openConflicts,
    countsAfterApproval: receivedAfter(stockTake.approvedAt, events, input.receivedAt),
    products: (input.products ?? [])
      .filter((p) => conflicts.some((c) => c.gtin === p.gtin))
      .map(({ gtin, nameSv, nameEn }) => ({ gtin, nameSv, nameEn })),
    totals: {
      lines: standing.length,
      packs: sum(standing),
      countedLocations: locations.filter((l) => l.lines > 0).length,
      locations: locations.length,
    },
  };
}

function receivedAfter(
  approvedAt: string | undefined,
  events: readonly { id: string }[],
  receivedAt: ReadonlyMap<string, string> | undefined,
): number {
  if (!approvedAt || !receivedAt) return 0;
  const approved = Date.parse(approvedAt);
  return events.filter((e) => Date.parse(receivedAt.get(e.id) ?? '') > approved).length;
}

const sum = (events: readonly { quantity: number }[]) => events.reduce((total, e) => total + e.quantity, 0);

/** The latest `countedAt`, or null (compared as instants: a device may leave out the milliseconds). */
function latest(events: readonly { countedAt: string }[]): string | null {
  return events.reduce<string | null>(
    (max, e) => (max === null || Date.parse(e.countedAt) > Date.parse(max) ? e.countedAt : max),
    null,
  );
}
