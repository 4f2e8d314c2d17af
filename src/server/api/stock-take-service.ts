import { randomBytes } from 'node:crypto';
import { isOpen } from '../../domain/overview/conflict-views.ts';
import { stockTakesPerSite } from '../../domain/overview/site-stock-takes.ts';
import type { ConflictView, CreateStockTake, StockTakeProgress } from '../../domain/overview/stock-take-admin.ts';
import { stockTakeProgress } from '../../domain/overview/stock-take-progress.ts';
import { expectationsFrom } from '../../domain/overview/stock-take-result.ts';
import {
  type Location,
  locationSchema,
  type Product,
  productSchema,
  type StockTake,
  type StockTakeStatus,
  stockTakeSchema,
} from '../../domain/reference-data.ts';
import type { ApiErrorCode } from '../../domain/sync-protocol.ts';
import type { EventStore } from '../storage/event-store.ts';
import type { StockTakeDecision } from '../storage/stock-take-admin-store.ts';

/**
 * The stock-take administration (issue 8) without HTTP: create, follow, submit, approve (resolving
 * conflicts is in stock-take-resolutions.ts). Every change is written to the audit log in the name
 * of the signed-in user. Routes are in stock-takes.ts; the rules behind the numbers are domain code
 * (src/domain/overview/).
 */

/** Who asks: the signed-in user, and the device the request came from when it names one. */
export interface Actor {
  userId: string;
  deviceId: string | null;
}

export type Refusal = {
  ok: false;
  status: 400 | 404 | 409;
  error: ApiErrorCode;
  message: string;
  /** The open conflicts, when an approval is refused because of them. */
  openConflicts?: ConflictView[];
};
export type Outcome<T> = { ok: true; value: T } | Refusal;

export const refuse = (status: Refusal['status'], message: string, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  status,
  error: status === 400 ? 'invalid_request' : status === 404 ? 'not_found' : 'conflict',
  message,
  ...extra,
});
export const notFound = (id: string) => refuse(404, `No stock-take ${id}.`);

/** A status change: the row after it, and whether it changed anything (for the audit log). */
type StatusChange = { ok: true; value: StockTake; changed: boolean } | Refusal;
const unchanged = (value: StockTake): StockTakeDecision<StatusChange> => ({
  row: null,
  result: { ok: true, value, changed: false },
});
const changedTo = (row: StockTake): StockTakeDecision<StatusChange> => ({
  row,
  result: { ok: true, value: row, changed: true },
});

const parseRows = <T>(rows: readonly unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }) =>
  rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success && parsed.data !== undefined ? [parsed.data] : [];
  });

export async function readStockTake(store: EventStore, id: string): Promise<StockTake | null> {
  const [row] = await store.stockTakeAdmin.referenceRows('stock-takes', { keys: [id] });
  const parsed = stockTakeSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** The stock-takes of a site (or all), newest first. */
export async function listStockTakes(
  store: EventStore,
  filter: { siteCode?: string; status?: StockTakeStatus },
): Promise<StockTake[]> {
  const rows = await store.stockTakeAdmin.referenceRows(
    'stock-takes',
    filter.siteCode === undefined ? {} : { siteCode: filter.siteCode },
  );
  return parseRows<StockTake>(rows, stockTakeSchema)
    .filter((s) => filter.status === undefined || s.status === filter.status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** An id that says what it is: `st-<site>-<yyyymmdd>-<random>`, within the 64 characters of a stock-take id. */
export function newStockTakeId(siteCode: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const site = siteCode.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'site';
  return `st-${site}-${day}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates an open stock-take. Its locations must be the site's; a guided one expects what the
 * site's latest approved stock-take found standing per location, product and batch (nothing when
 * the site has none). The stock-take and its expectations are written in one transaction.
 */
export async function createStockTake(
  store: EventStore,
  input: CreateStockTake,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<StockTake>> {
  const admin = store.stockTakeAdmin;
  const [site] = await admin.referenceRows('sites', { keys: [input.siteCode] });
  if (!site) return refuse(400, `No site ${input.siteCode}.`);
  const locationCodes = [...new Set(input.locationCodes)];
  const known = parseRows<Location>(await admin.referenceRows('locations', { keys: locationCodes }), locationSchema);
  const unknown = locationCodes.filter((code) => !known.some((l) => l.code === code));
  if (unknown.length > 0) return refuse(400, `No location ${unknown.join(', ')}.`);
  const elsewhere = known.filter((l) => l.siteCode !== input.siteCode).map((l) => `${l.code} (${l.siteCode})`);
  if (elsewhere.length > 0) return refuse(400, `Not locations of site ${input.siteCode}: ${elsewhere.join(', ')}.`);

  const stockTake: StockTake = stockTakeSchema.parse({
    id: newStockTakeId(input.siteCode, now),
    siteCode: input.siteCode,
    name: input.name,
    mode: input.mode,
    locationCodes,
    status: 'open',
    createdAt: now.toISOString(),
    assignedDeviceIds: [...new Set(input.assignedDeviceIds)],
    assignedUserIds: [...new Set(input.assignedUserIds)],
  });
  let expectations: ReturnType<typeof expectationsFrom> = [];
  if (stockTake.mode === 'guided') {
    const siteStockTakes = await listStockTakes(store, { siteCode: input.siteCode });
    const approvedId = stockTakesPerSite(siteStockTakes).get(input.siteCode)?.approvedId;
    if (approvedId) {
      const events = (await admin.eventsOfStockTake(approvedId)).map((r) => r.event);
      expectations = expectationsFrom(stockTake.id, events, locationCodes);
    }
  }
  await store.writeReference([
    { dataset: 'stock-takes', key: stockTake.id, row: stockTake },
    ...expectations.map((e) => ({ dataset: 'expectations' as const, key: e.id, row: e })),
  ]);
  await store.auth.appendAudit({
    action: 'stock-take-created',
    userId: actor.userId,
    deviceId: actor.deviceId,
    subject: stockTake.id,
    details: {
      siteCode: stockTake.siteCode,
      mode: stockTake.mode,
      locations: locationCodes.length,
      expectations: expectations.length,
    },
  });
  return { ok: true, value: stockTake };
}

/** The enrollment labels of the devices that have one (the server's own device has none). */
export async function deviceLabels(store: EventStore, deviceIds: readonly string[]): Promise<Map<string, string>> {
  const devices = await Promise.all(deviceIds.map((id) => store.auth.device(id)));
  return new Map(devices.flatMap((d) => (d ? [[d.deviceId, d.label] as const] : [])));
}

async function progressOf(store: EventStore, stockTake: StockTake): Promise<StockTakeProgress> {
  const admin = store.stockTakeAdmin;
  const received = await admin.eventsOfStockTake(stockTake.id);
  const events = received.map((r) => r.event);
  const siteLocations = parseRows<Location>(
    await admin.referenceRows('locations', { siteCode: stockTake.siteCode }),
    locationSchema,
  );
  const named = new Set(siteLocations.map((l) => l.code));
  const others = [
    ...new Set([...stockTake.locationCodes, ...events.flatMap((e) => (e.locationCode ? [e.locationCode] : []))]),
  ].filter((code) => !named.has(code));
  const otherLocations = parseRows<Location>(await admin.referenceRows('locations', { keys: others }), locationSchema);
  const counted = [...new Set(events.flatMap((e) => (e.gtin ? [e.gtin] : [])))];
  const products = parseRows<Product>(await admin.referenceRows('catalog', { keys: counted }), productSchema);
  return stockTakeProgress({
    stockTake,
    locations: [...siteLocations, ...otherLocations],
    events,
    resolutions: await admin.resolutions(stockTake.id),
    deviceLabels: await deviceLabels(store, [...new Set(events.map((e) => e.deviceId))]),
    receivedAt: new Map(received.map((r) => [r.event.id, r.receivedAt])),
    products,
  });
}

export async function readProgress(store: EventStore, id: string): Promise<Outcome<StockTakeProgress>> {
  const stockTake = await readStockTake(store, id);
  return stockTake ? { ok: true, value: await progressOf(store, stockTake) } : notFound(id);
}

/** open → submitted ("counted, ready for approval"). Submitting again changes nothing. */
export async function submitStockTake(
  store: EventStore,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<StockTake>> {
  const outcome = await store.stockTakeAdmin.updateStockTake(id, (current): StockTakeDecision<StatusChange> => {
    if (!current) return { row: null, result: notFound(id) };
    if (current.status === 'approved')
      return { row: null, result: refuse(409, `Stock-take ${id} is already approved.`) };
    if (current.status === 'submitted') return unchanged(current);
    return changedTo({ ...current, status: 'submitted', submittedAt: now.toISOString() });
  });
  if (outcome.ok && outcome.changed) {
    await store.auth.appendAudit({
      action: 'stock-take-submitted',
      userId: actor.userId,
      deviceId: actor.deviceId,
      subject: id,
      details: { siteCode: outcome.value.siteCode },
    });
  }
  return outcome.ok ? { ok: true, value: outcome.value } : outcome;
}

/**
 * Approves a stock-take (open or submitted): refused while a conflict is open. Its standing counts
 * then become the site's counted stock in the overview. Approving again changes nothing.
 */
export async function approveStockTake(
  store: EventStore,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<StockTake>> {
  const stockTake = await readStockTake(store, id);
  if (!stockTake) return notFound(id);
  if (stockTake.status === 'approved') return { ok: true, value: stockTake };
  const progress = await progressOf(store, stockTake);
  const open = progress.conflicts.filter(isOpen);
  if (open.length > 0) {
    return refuse(409, `Stock-take ${id} has ${open.length} open conflict(s); resolve them before approving.`, {
      openConflicts: open,
    });
  }
  const outcome = await store.stockTakeAdmin.updateStockTake(id, (current): StockTakeDecision<StatusChange> => {
    if (!current) return { row: null, result: notFound(id) };
    if (current.status === 'approved') return unchanged(current);
    // The conflicts were checked against the row as read above: a recount requested in between
    // (another supervisor, another instance) changed it, and the check no longer holds.
    if (JSON.stringify(current) !== JSON.stringify(stockTake)) {
      return {
        row: null,
        result: refuse(
          409,
          `Stock-take ${id} changed while it was being approved (a recount request?); review it again.`,
        ),
      };
    }
    return changedTo({ ...current, status: 'approved', approvedAt: now.toISOString(), approvedBy: actor.userId });
  });
  if (outcome.ok && outcome.changed) {
    await store.auth.appendAudit({
      action: 'stock-take-approved',
      userId: actor.userId,
      deviceId: actor.deviceId,
      subject: id,
      details: {
        siteCode: outcome.value.siteCode,
        lines: progress.totals.lines,
        packs: progress.totals.packs,
        resolvedConflicts: progress.conflicts.length,
      },
    });
  }
  return outcome.ok ? { ok: true, value: outcome.value } : outcome;
}
