import type { CountEvent } from '../domain/count-event.ts';
import { toExcelCsv } from '../domain/csv.ts';
import { safeFileName } from '../domain/file-name.ts';
import type { LagerkollDb } from '../store/db.ts';
import type { DeviceState } from '../store/device.ts';
import { toWireEvent } from '../store/events.ts';
import { readDeviceCredential, readRevocation } from '../store/identity.ts';

/** Every field of a count event, in this order, as the CSV's columns. */
const COLUMNS = [
  'id',
  'deviceId',
  'seq',
  'countedAt',
  'userId',
  'kind',
  'corrects',
  'stockTakeId',
  'locationCode',
  'gtin',
  'batch',
  'expiry',
  'serial',
  'unitLevel',
  'quantity',
  'raw',
] as const satisfies ReadonlyArray<keyof CountEvent>;

export interface UnsentExport {
  count: number;
  /** The whole events as the server would have received them, with the device and why it stopped. */
  json: string;
  /** The same events for a spreadsheet (Swedish Excel: `;`, UTF-8 with BOM). */
  csv: string;
  /** A file name without extension: lagerkoll-unsent-<device label or id>-<date>. */
  fileBase: string;
}

/**
 * The counts that never reached the server (a revoked device, or one that cannot connect), as files
 * a person can carry to a supervisor. Only reads: nothing is marked, moved or deleted.
 */
export async function unsentExport(db: LagerkollDb, now: Date = new Date()): Promise<UnsentExport> {
  const { events, deviceId, credential, revocation } = await db.transaction('r', db.events, db.meta, async () => ({
    events: await db.events.where('[sync+seq]').between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER]).toArray(),
    deviceId: ((await db.meta.get('device'))?.value as DeviceState | undefined)?.deviceId ?? null,
    credential: await readDeviceCredential(db),
    revocation: await readRevocation(db),
  }));
  const wire = events.map(toWireEvent);
  const json = JSON.stringify(
    {
      format: 'lagerkoll-unsent-counts',
      version: 1,
      exportedAt: now.toISOString(),
      deviceId,
      deviceLabel: credential?.label ?? null,
      revocation,
      events: wire,
    },
    null,
    2,
  );
  const rows = [[...COLUMNS], ...wire.map((event) => COLUMNS.map((column) => cell(event[column])))];
  const name = safeFileName(credential?.label ?? deviceId ?? 'device');
  return {
    count: wire.length,
    json,
    csv: toExcelCsv(rows),
    fileBase: `lagerkoll-unsent-${name || 'device'}-${now.toISOString().slice(0, 10)}`,
  };
}

function cell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
