import type { SiteWithLocations } from '../../../domain/overview/master-data-api.ts';
import { type CreateStockTake, createStockTakeSchema } from '../../../domain/overview/stock-take-admin.ts';
import type { StockTakeMode } from '../../../domain/reference-data.ts';

/** The "New stock-take" form as the person fills it in. */
export interface StockTakeDraft {
  siteCode: string;
  name: string;
  mode: StockTakeMode;
  /** Every location of the site, or only those ticked. */
  scope: 'all' | 'chosen';
  locationCodes: readonly string[];
  deviceIds: readonly string[];
  userIds: readonly string[];
}

export type DraftField = 'siteCode' | 'name' | 'locationCodes';
export type DraftError = 'site-missing' | 'name-missing' | 'name-too-long' | 'no-locations' | 'site-has-no-locations';
export type DraftErrors = Partial<Record<DraftField, DraftError>>;

export const NAME_MAX_LENGTH = 200;

export function emptyDraft(): StockTakeDraft {
  // Blind by default: it never shows a counter what the books say.
  return { siteCode: '', name: '', mode: 'blind', scope: 'all', locationCodes: [], deviceIds: [], userIds: [] };
}

/**
 * Checks the form and, when it is complete, turns it into the request the server takes: the name
 * trimmed, "all locations" sent as an empty list, chosen locations kept only if they belong to the
 * site (a site changed after ticking drops the old ticks), in the site's order.
 */
export function draftToRequest(
  draft: StockTakeDraft,
  sites: readonly SiteWithLocations[],
): { ok: true; request: CreateStockTake } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const site = sites.find((s) => s.code === draft.siteCode);
  const name = draft.name.trim();
  if (!site) errors.siteCode = 'site-missing';
  else if (site.locations.length === 0) errors.siteCode = 'site-has-no-locations';
  if (name === '') errors.name = 'name-missing';
  else if (name.length > NAME_MAX_LENGTH) errors.name = 'name-too-long';
  const chosen = new Set(draft.locationCodes);
  const locationCodes =
    draft.scope === 'all' || !site ? [] : site.locations.filter((l) => chosen.has(l.code)).map((l) => l.code);
  if (site && draft.scope === 'chosen' && locationCodes.length === 0) errors.locationCodes = 'no-locations';
  if (!site || Object.keys(errors).length > 0) return { ok: false, errors };

  const request = createStockTakeSchema.parse({
    siteCode: site.code,
    name,
    mode: draft.mode,
    locationCodes,
    assignedDeviceIds: [...draft.deviceIds],
    assignedUserIds: [...draft.userIds],
  });
  return { ok: true, request };
}

/** Adds or removes one value of a list of ticked checkboxes. */
export function toggle(values: readonly string[], value: string, on: boolean): string[] {
  const rest = values.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}
