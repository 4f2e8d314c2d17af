import { parseScan } from '../../domain/gs1/index.ts';
import type { ParsedScan, ScanIssue } from '../../domain/gs1/types.ts';
import type { Location, Product } from '../../domain/reference-data.ts';
import { activeCounts } from '../../domain/stock-take/corrections.ts';
import { type CountDraft, type CountProblem, draftFromScan } from '../../domain/stock-take/count-from-scan.ts';
import { type ExpiryStatus, expiryStatus } from '../../domain/stock-take/expiry.ts';
import { locationOfLabel } from '../../domain/stock-take/location-label.ts';
import type { LagerkollDb, StoredEvent } from '../../store/db.ts';
import { recordCount } from '../../store/events.ts';
import { eventsOfSerial } from '../../store/stock-takes.ts';

export interface CountingContext {
  db: LagerkollDb;
  /** null for a quick count outside any stock-take. */
  stockTakeId: string | null;
  locationCode: string | null;
  /** Location labels that may be scanned to switch location (the stock-take's scope). */
  locations: readonly Location[];
  catalog: ReadonlyMap<string, Product>;
  /** Today on the device (YYYY-MM-DD) and the near-expiry threshold, for flags. */
  today: string;
  nearExpiryDays: number;
  userId: string | null;
  now?: Date;
}

export type ScanOutcome =
  | { kind: 'counted'; event: StoredEvent; draft: CountDraft; expiry: ExpiryStatus; warnings: readonly ScanIssue[] }
  | { kind: 'already-counted'; previous: StoredEvent; draft: CountDraft }
  | { kind: 'location'; location: Location }
  | { kind: 'unreadable'; parsed: ParsedScan; problem: CountProblem };

/**
 * What happens when something is scanned (camera, scanner or typed) on the counting screen:
 * a location label switches location; a readable product code is counted at once (undo beats
 * confirm); a serialised pack already counted in this stock-take is caught and not counted again;
 * a code that cannot be used says why and stores nothing.
 */
export async function recordScan(ctx: CountingContext, raw: string): Promise<ScanOutcome> {
  const code = raw.trim();
  const location = locationOfLabel(code, ctx.locations);
  if (location) return { kind: 'location', location };

  const now = ctx.now ?? new Date();
  const parsed = parseScan(code, { today: now });
  const result = draftFromScan(parsed, (gtin) => ctx.catalog.get(gtin));
  if (!result.ok) return { kind: 'unreadable', parsed, problem: result.problem };
  const { draft } = result;

  // The serial check and the write happen in one transaction, so two quick scans of the same pack
  // can never both be counted.
  return ctx.db.transaction('rw', ctx.db.events, ctx.db.meta, async (): Promise<ScanOutcome> => {
    if (ctx.stockTakeId && draft.serial) {
      const seen = activeCounts(await eventsOfSerial(ctx.db, ctx.stockTakeId, draft.gtin, draft.serial));
      const previous = seen[0];
      if (previous) return { kind: 'already-counted', previous, draft };
    }
    const event = await recordCount(
      ctx.db,
      {
        raw: code,
        gtin: draft.gtin,
        quantity: draft.quantity,
        stockTakeId: ctx.stockTakeId,
        locationCode: ctx.locationCode,
        batch: draft.batch,
        expiry: draft.expiry,
        serial: draft.serial,
        unitLevel: draft.unitLevel,
        userId: ctx.userId,
      },
      now,
    );
    return {
      kind: 'counted',
      event,
      draft,
      expiry: expiryStatus(draft.expiry, ctx.today, ctx.nearExpiryDays),
      warnings: parsed.warnings,
    };
  });
}
