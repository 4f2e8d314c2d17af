import { CLOCK_SKEW_TOLERANCE_MS } from './sync-protocol.ts';

/**
 * How far off an event's time may be, as the server judges it when a push arrives: the device's
 * clock against the server's at that moment (`deviceSkewMs`), or an event counted in the future.
 * Returns the skew in ms when it is beyond the tolerance (the event is then flagged, never
 * refused: the count itself is right, only its time is in doubt), otherwise null.
 */
export function eventClockSkewMs(countedAt: string, deviceSkewMs: number, receivedAtMs: number): number | null {
  if (Math.abs(deviceSkewMs) > CLOCK_SKEW_TOLERANCE_MS) return deviceSkewMs;
  const ahead = Date.parse(countedAt) - receivedAtMs;
  return ahead > CLOCK_SKEW_TOLERANCE_MS ? ahead : null;
}
