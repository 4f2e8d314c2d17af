import { v7 as uuidv7 } from 'uuid';
import type { CountEvent } from '../../domain/count-event.ts';

/**
 * Correction events that void `targets`, recorded under the server's own device (sequence numbers
 * from `firstSeq` on) in the name of the supervisor who decided. Each names the place of the count it
 * voids, so it lands in the same stock-take (the overview rebuilds that stock-take) and reads like
 * any other correction.
 */
export function voidEvents(
  targets: readonly CountEvent[],
  server: { deviceId: string; firstSeq: number },
  userId: string,
  at: Date,
): CountEvent[] {
  return targets.map((target, i) => ({
    id: uuidv7({ msecs: at.getTime() }),
    deviceId: server.deviceId,
    seq: server.firstSeq + i,
    countedAt: at.toISOString(),
    raw: `void ${target.id}`,
    gtin: target.gtin,
    quantity: 0,
    schema: 2,
    kind: 'void',
    corrects: target.id,
    stockTakeId: target.stockTakeId,
    locationCode: target.locationCode,
    batch: target.batch,
    expiry: target.expiry,
    serial: target.serial,
    unitLevel: target.unitLevel,
    userId: userId.slice(0, 64),
  }));
}
