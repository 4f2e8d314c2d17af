import type { CountEvent } from '../../src/domain/count-event.ts';
import { pushResponseSchema } from '../../src/domain/sync-protocol.ts';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from './events.ts';
import { administratorSession, deviceHeader, enrollOverHttp, type ServerWithSetupCode } from './identity.ts';

export interface LoadResult {
  /** Wall time of every push that got a 200 answer (ms). */
  latenciesMs: number[];
  /** Pushes that failed (network, 5xx, 429) and were sent again with the same ids. */
  retries: number;
  wallMs: number;
  events: Map<string, CountEvent[]>;
}

/**
 * Many simulated devices pushing at once over real HTTP: each sends its events in batches, one
 * after the other, retrying a failed batch with the same ids — what the app does, without the
 * browser around it. All devices start together. Before the clock starts each device is enrolled
 * over HTTP (the server's first administrator makes the codes) and sends its credential.
 */
export async function pushFromManyDevices(
  server: ServerWithSetupCode,
  { devices, eventsPerDevice, batchSize = 500 }: { devices: number; eventsPerDevice: number; batchSize?: number },
): Promise<LoadResult> {
  const baseUrl = server.url;
  const events = new Map<string, CountEvent[]>();
  const credentials = new Map<string, string>();
  const session = await administratorSession(server);
  for (let i = 0; i < devices; i++) {
    const deviceId = makeDeviceId();
    events.set(deviceId, makeEvents(deviceId, eventsPerDevice));
    credentials.set(deviceId, await enrollOverHttp(baseUrl, session, deviceId));
  }
  // Bodies are made before the clock starts: a device serializes its own batch, on its own CPU.
  const bodies = [...events].map(([deviceId, mine]) => {
    const batches: string[] = [];
    for (let from = 0; from < mine.length; from += batchSize) {
      batches.push(pushBody(deviceId, mine.slice(from, from + batchSize)));
    }
    return [deviceId, batches] as const;
  });
  const latenciesMs: number[] = [];
  let retries = 0;
  const started = performance.now();
  await Promise.all(
    bodies.map(async ([deviceId, batches]) => {
      for (const body of batches) {
        for (let attempt = 0; ; attempt++) {
          if (attempt > 20) throw new Error(`device ${deviceId}: a batch failed 20 times`);
          const sent = performance.now();
          try {
            const headers = { ...versionHeaders, ...deviceHeader(credentials.get(deviceId) ?? '') };
            const response = await fetch(`${baseUrl}/api/v1/sync/push`, postJson(body, headers));
            if (response.status !== 200) throw new Error(`status ${response.status}`);
            const answer = pushResponseSchema.parse(await response.json());
            if (answer.results.some((r) => r.status !== 'accepted' && r.status !== 'duplicate')) {
              throw new Error(`device ${deviceId}: an event was refused`);
            }
            latenciesMs.push(performance.now() - sent);
            break;
          } catch (error) {
            if (error instanceof Error && error.message.includes('refused')) throw error;
            retries++;
          }
        }
      }
    }),
  );
  return { latenciesMs, retries, wallMs: performance.now() - started, events };
}

/** Lost and doubled events: what the devices sent against what the store holds. */
export async function auditStore(
  store: EventStore,
  events: Map<string, CountEvent[]>,
): Promise<{ lost: number; doubled: number; stored: number }> {
  let lost = 0;
  let expected = 0;
  for (const [deviceId, sent] of events) {
    expected += sent.length;
    const stored = new Set((await store.eventsOfDevice(deviceId)).map((r) => r.event.id));
    lost += sent.filter((e) => !stored.has(e.id)).length;
  }
  const stored = await store.countEvents();
  return { lost, doubled: stored - (expected - lost), stored };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
