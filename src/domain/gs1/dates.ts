// Calendar helpers and the GS1 two-digit-year rule.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Full year for a two-digit year YY (GS1 General Specifications, "Century of a date"): with C the last two
 * digits of the reference year, YY − C from 51 to 99 means the previous century, −99 to −50 the next
 * one, anything else the reference year's century.
 */
export function resolveTwoDigitYear(yy: number, referenceYear: number): number {
  const century = referenceYear - (referenceYear % 100);
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** Reads two digits at s[at]; the caller guarantees they are digits. */
export function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Month and day of day-of-year `dayOfYear` (1-based); undefined when out of range for that year. */
export function fromDayOfYear(year: number, dayOfYear: number): { month: number; day: number } | undefined {
  if (dayOfYear < 1) return undefined;
  let remaining = dayOfYear;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (remaining <= days) return { month, day: remaining };
    remaining -= days;
  }
  return undefined;
}
