import type { Location } from '../reference-data.ts';
import { CODE } from './site-import.ts';

/** Longest location name, as in a locations import. */
export const MAX_LOCATION_NAME = 200;

/**
 * Why one location cannot be stored as it stands, or null: the rules of a locations import's row. A
 * code that is a location of another site is refused: its label, and the counts made there, would
 * silently move to the other site.
 */
export function locationProblem(
  location: Location,
  known: { siteCodes: ReadonlySet<string>; siteOfLocation: ReadonlyMap<string, string> },
): string | null {
  if (!CODE.test(location.code)) {
    return `"${location.code}" is not a usable code: 1–64 letters, digits and . _ / - (no spaces).`;
  }
  if (!known.siteCodes.has(location.siteCode)) return `There is no site "${location.siteCode}".`;
  const name = location.name.trim();
  if (name === '') return 'The name is empty.';
  if (name.length > MAX_LOCATION_NAME) return `The name is longer than ${MAX_LOCATION_NAME} characters.`;
  const siteBefore = known.siteOfLocation.get(location.code);
  if (siteBefore !== undefined && siteBefore !== location.siteCode) {
    return `The location ${location.code} belongs to site ${siteBefore}; a location code is unique over all sites.`;
  }
  return null;
}
