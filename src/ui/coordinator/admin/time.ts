import { type PendingAgeLevel, pendingAgeLevel } from '../../../sync/status.ts';
import type { Lang } from '../../i18n.ts';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "3 hours ago" / "för 3 timmar sedan": how long ago something happened, in the largest whole unit
 * (days, hours, minutes); under a minute is "now". Times a little in the future (a clock ahead of
 * the server's) read as "now" rather than "in 2 minutes".
 */
export function relativeTime(lang: Lang, iso: string, now: Date): string {
  const format = new Intl.RelativeTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { numeric: 'auto' });
  const age = Math.max(0, now.getTime() - Date.parse(iso));
  for (const [unit, ms] of UNITS) {
    if (age >= ms) return format.format(-Math.floor(age / ms), unit);
  }
  return format.format(0, 'second');
}

/** What is left of a code's life as m:ss ("14:07"); 0:00 once it has expired. */
export function countdown(expiresAt: string, now: Date): string {
  const left = Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/**
 * How worried a coordinator should be about a device's oldest unsent count: the same two steps as
 * the device's own header (a day, three days), so both screens agree.
 */
export function unsentLevel(oldestUnsentAt: string | null, now: Date): PendingAgeLevel {
  return pendingAgeLevel(oldestUnsentAt, now);
}
