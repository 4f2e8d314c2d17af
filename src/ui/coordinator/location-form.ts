import { MAX_LOCATION_NAME } from '../../domain/overview/location-check.ts';
import { CODE } from '../../domain/overview/site-import.ts';
import type { Location } from '../../domain/reference-data.ts';

/**
 * The labels screen's "Add or rename a location" (administrators): what was typed, and the location
 * it makes for `PUT /api/v1/locations/:code` — or which fields are wrong, checked before anything is
 * sent. The rules are those of a locations import's row (src/domain/overview/site-import.ts); whether
 * the code belongs to another site's location is the server's to say.
 */
export interface LocationDraft {
  code: string;
  name: string;
}

export type LocationField = keyof LocationDraft;

export type LocationFieldError = { kind: 'required' } | { kind: 'code' } | { kind: 'too-long'; max: number };

export type LocationErrors = Partial<Record<LocationField, LocationFieldError>>;

/** The fields in the order the form shows them: the focus goes to the first one with an error. */
export const LOCATION_FIELDS: readonly LocationField[] = ['code', 'name'];

export const emptyLocationDraft: LocationDraft = { code: '', name: '' };

/** The location to store at `siteCode`, trimmed, or the fields to fix. */
export function locationRequest(
  siteCode: string,
  draft: LocationDraft,
): { ok: true; location: Location } | { ok: false; errors: LocationErrors } {
  const code = draft.code.trim();
  const name = draft.name.trim();
  const errors: LocationErrors = {};
  if (code === '') errors.code = { kind: 'required' };
  else if (!CODE.test(code)) errors.code = { kind: 'code' };
  if (name === '') errors.name = { kind: 'required' };
  else if (name.length > MAX_LOCATION_NAME) errors.name = { kind: 'too-long', max: MAX_LOCATION_NAME };
  if (errors.code || errors.name) return { ok: false, errors };
  return { ok: true, location: { code, siteCode, name } };
}

export function firstLocationError(errors: LocationErrors): LocationField | undefined {
  return LOCATION_FIELDS.find((field) => errors[field]);
}

/** The location of the site whose code was typed (a save renames it), if any. */
export function existingLocation(locations: readonly Location[], typedCode: string): Location | undefined {
  const code = typedCode.trim();
  return code === '' ? undefined : locations.find((location) => location.code === code);
}
