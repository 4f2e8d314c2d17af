/**
 * The device's clock against the server's, from the `Date` header of any answer. The header has a
 * resolution of one second, so the estimate takes the middle of that second and of the round trip:
 * good to about a second, plenty to see a clock that is minutes off (the server flags events from
 * a device more than five minutes off; the app can warn before that).
 */
export interface ClockSample {
  /** Server clock minus device clock, in ms: add it to a device time to get server time. */
  offsetMs: number;
  /** The round trip the sample was taken over; a shorter one is a better sample. */
  roundTripMs: number;
}

export function clockSample(dateHeader: string | null, sentAtMs: number, receivedAtMs: number): ClockSample | null {
  if (!dateHeader) return null;
  const serverSecond = Date.parse(dateHeader);
  if (Number.isNaN(serverSecond)) return null;
  const deviceMidpoint = (sentAtMs + receivedAtMs) / 2;
  return { offsetMs: Math.round(serverSecond + 500 - deviceMidpoint), roundTripMs: receivedAtMs - sentAtMs };
}
