import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { APP_VERSION_HEADER, PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER } from '../../src/domain/sync-protocol.ts';

export function makeDeviceId(): string {
  return uuidv4();
}

/** One count event of format 2 with nothing but a raw scan; `fields` fill in what the test is about. */
export function countEvent(deviceId: string, seq: number, fields: Partial<CountEvent> = {}): CountEvent {
  return {
    id: uuidv7(),
    deviceId,
    seq,
    countedAt: new Date().toISOString(),
    raw: `01${fields.gtin ?? ''}`,
    gtin: null,
    quantity: 1,
    schema: 2,
    kind: 'count',
    corrects: null,
    stockTakeId: null,
    locationCode: null,
    batch: null,
    expiry: null,
    serial: null,
    unitLevel: 'pack',
    userId: null,
    ...fields,
  };
}

/** Valid count events of one device, seq 1…n. */
export function makeEvents(deviceId: string, n: number, firstSeq = 1): CountEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(),
    deviceId,
    seq: firstSeq + i,
    countedAt: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(),
    raw: `010704626100000021SER${firstSeq + i}`,
    gtin: '07046261000000',
    quantity: 1 + (i % 5),
    schema: 2,
    kind: 'count',
    corrects: null,
    stockTakeId: null,
    locationCode: null,
    batch: null,
    expiry: null,
    serial: `SER${firstSeq + i}`,
    unitLevel: 'pack',
    userId: null,
  }));
}

export function pushBody(deviceId: string, events: unknown[], sentAt: Date = new Date()): string {
  return JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId, sentAt: sentAt.toISOString(), events });
}

/** The headers every request of the current app carries. */
export const versionHeaders = { [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION), [APP_VERSION_HEADER]: '0.1.0' };

export function postJson(body: string, headers: Record<string, string> = versionHeaders): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}
