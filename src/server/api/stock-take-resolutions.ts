import type { CountEvent } from '../../domain/count-event.ts';
import { countsToVoid } from '../../domain/overview/accept-device.ts';
import {
  type ConflictSnapshot,
  conflictSnapshots,
  type ResolutionRecord,
} from '../../domain/overview/conflict-views.ts';
import type { ResolveConflict, StockTakeProgress } from '../../domain/overview/stock-take-admin.ts';
import type { StockTake } from '../../domain/reference-data.ts';
import type { EventStore } from '../storage/event-store.ts';
import type { StockTakeDecision } from '../storage/stock-take-admin-store.ts';
import { voidEvents } from './server-events.ts';
import {
  type Actor,
  deviceLabels,
  notFound,
  type Outcome,
  readProgress,
  readStockTake,
  refuse,
} from './stock-take-service.ts';

/**
 * Settles one conflict (docs/overview.md, "Conflicts"): accept-device voids the other devices'
 * counts there with correction events of the server's own device, in the supervisor's name;
 * separate-zones lets both stand (location conflicts only); recount asks the devices to count the
 * location(s) again — the stock-take row carries the request, and a submitted stock-take is open
 * again. Not once the stock-take is approved. Answers the new progress.
 */
export async function resolveConflict(
  store: EventStore,
  id: string,
  input: ResolveConflict,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<StockTakeProgress>> {
  const stockTake = await readStockTake(store, id);
  if (!stockTake) return notFound(id);
  if (stockTake.status === 'approved') return refuse(409, `Stock-take ${id} is approved; its conflicts are closed.`);
  const events = (await store.stockTakeAdmin.eventsOfStockTake(id)).map((r) => r.event);
  const labels = await deviceLabels(store, [...new Set(events.map((e) => e.deviceId))]);
  // Kept with the decision as the supervisor saw it, labels included.
  const conflict = conflictSnapshots(events, labels).find((c) => c.id === input.conflictId);
  if (!conflict) {
    return refuse(404, `Stock-take ${id} has no conflict ${input.conflictId} (new counts may have settled it).`);
  }
  if (input.kind !== 'accept-device' && input.deviceId !== undefined) {
    return refuse(400, 'deviceId names whose counts stand: only for accept-device.');
  }
  const record: ResolutionRecord = {
    stockTakeId: id,
    conflictId: conflict.id,
    kind: input.kind,
    deviceId: input.kind === 'accept-device' ? (input.deviceId ?? null) : null,
    decidedBy: actor.userId,
    decidedAt: now.toISOString(),
    reason: input.reason ?? null,
    conflict,
  };
  const audit = (action: 'conflict-resolved' | 'recount-requested', details: Record<string, unknown>) =>
    store.auth.appendAudit({
      action,
      userId: actor.userId,
      deviceId: actor.deviceId,
      subject: id,
      details: { conflictId: conflict.id, kind: input.kind, ...details },
    });

  if (input.kind === 'accept-device') {
    const chosen = input.deviceId;
    if (!chosen || !conflict.totals.some((t) => t.deviceId === chosen)) {
      const devices = conflict.totals.map((t) => t.deviceId).join(', ');
      return refuse(400, `accept-device needs the deviceId of one of the devices in the conflict: ${devices}.`);
    }
    const targets = countsToVoid(events, id, conflict, chosen);
    if (targets.length > 0) {
      const server = await store.stockTakeAdmin.reserveServerSeqs(targets.length);
      // Through ingest like any device's events, so the overview tables update the same way.
      await store.ingest({
        deviceId: server.deviceId,
        appVersion: null,
        receivedAt: now.toISOString(),
        items: voidEvents(targets, server, actor.userId, now).map((event) => ({ event, clockSkewMs: null })),
      });
    }
    await store.stockTakeAdmin.recordResolution(record);
    await audit('conflict-resolved', { deviceId: chosen, voided: targets.map((t) => t.id) });
  } else if (input.kind === 'separate-zones') {
    if (conflict.kind === 'serial') {
      return refuse(400, 'One serialised pack cannot stand in two zones: accept one device, or ask for a recount.');
    }
    await store.stockTakeAdmin.recordResolution(record);
    await audit('conflict-resolved', {});
  } else {
    const locations = recountLocations(events, conflict);
    if (locations.length === 0) return refuse(400, 'The counts of this pack name no location to count again.');
    const requested = await requestRecount(store, id, locations, input.reason ?? '', now);
    if (!requested.ok) return requested;
    await store.stockTakeAdmin.recordResolution(record);
    await audit('recount-requested', { locationCodes: locations, reason: input.reason ?? '' });
  }
  return readProgress(store, id);
}

/** Where to count again: the conflict's location, or every location where the serialised pack stands. */
function recountLocations(events: readonly CountEvent[], conflict: ConflictSnapshot): string[] {
  if (conflict.locationCode !== null) return [conflict.locationCode];
  const places = events.flatMap((e) =>
    e.kind === 'count' && e.gtin === conflict.gtin && e.serial === conflict.serial && e.locationCode
      ? [e.locationCode]
      : [],
  );
  return [...new Set(places)].sort();
}

/** Adds (or renews) the recount requests in the stock-take row, which devices pull. */
async function requestRecount(
  store: EventStore,
  id: string,
  locationCodes: readonly string[],
  reason: string,
  now: Date,
): Promise<Outcome<StockTake>> {
  const requestedAt = now.toISOString();
  return store.stockTakeAdmin.updateStockTake(id, (current): StockTakeDecision<Outcome<StockTake>> => {
    if (!current) return { row: null, result: notFound(id) };
    if (current.status === 'approved') {
      return { row: null, result: refuse(409, `Stock-take ${id} is approved; nothing can be counted again.`) };
    }
    const kept = (current.recounts ?? []).filter((r) => !locationCodes.includes(r.locationCode));
    const { submittedAt: _submitted, ...rest } = current;
    const row: StockTake = {
      ...rest,
      // Counting is not finished while a recount waits.
      status: 'open',
      recounts: [...kept, ...locationCodes.map((locationCode) => ({ locationCode, requestedAt, reason }))],
    };
    return { row, result: { ok: true, value: row } };
  });
}
