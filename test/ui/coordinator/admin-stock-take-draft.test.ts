import { describe, expect, it } from 'vitest';
import type { SiteWithLocations } from '../../../src/domain/overview/master-data-api.ts';
import { draftToRequest, emptyDraft, toggle } from '../../../src/ui/coordinator/admin/stock-take-draft.ts';

const site = (code: string, locations: string[]): SiteWithLocations => ({
  code,
  name: `Site ${code}`,
  kind: 'regional-store',
  region: 'Mitt',
  locations: locations.map((l) => ({ code: l, siteCode: code, name: `Shelf ${l}` })),
});
const sites = [site('A', ['A-1', 'A-2', 'A-3']), site('B', ['B-1']), site('EMPTY', [])];

describe('draftToRequest: the "New stock-take" form', () => {
  it('is blind and covers every location unless told otherwise', () => {
    const result = draftToRequest({ ...emptyDraft(), siteCode: 'A', name: '  March count ' }, sites);
    expect(result).toEqual({
      ok: true,
      request: {
        siteCode: 'A',
        name: 'March count',
        mode: 'blind',
        locationCodes: [],
        assignedDeviceIds: [],
        assignedUserIds: [],
      },
    });
  });

  it('sends chosen locations in the site order, dropping ticks left from another site', () => {
    const result = draftToRequest(
      {
        ...emptyDraft(),
        siteCode: 'A',
        name: 'Part',
        mode: 'guided',
        scope: 'chosen',
        locationCodes: ['A-3', 'B-1', 'A-1'],
        deviceIds: ['dev-1'],
        userIds: ['u-1', 'u-2'],
      },
      sites,
    );
    expect(result.ok && result.request).toMatchObject({
      mode: 'guided',
      locationCodes: ['A-1', 'A-3'],
      assignedDeviceIds: ['dev-1'],
      assignedUserIds: ['u-1', 'u-2'],
    });
  });

  it('names each missing piece', () => {
    expect(draftToRequest(emptyDraft(), sites)).toEqual({
      ok: false,
      errors: { siteCode: 'site-missing', name: 'name-missing' },
    });
    expect(
      draftToRequest({ ...emptyDraft(), siteCode: 'A', name: 'x', scope: 'chosen', locationCodes: ['B-1'] }, sites),
    ).toEqual({ ok: false, errors: { locationCodes: 'no-locations' } });
    expect(draftToRequest({ ...emptyDraft(), siteCode: 'EMPTY', name: 'x' }, sites)).toEqual({
      ok: false,
      errors: { siteCode: 'site-has-no-locations' },
    });
    expect(draftToRequest({ ...emptyDraft(), siteCode: 'B', name: 'x'.repeat(201) }, sites)).toEqual({
      ok: false,
      errors: { name: 'name-too-long' },
    });
    expect(draftToRequest({ ...emptyDraft(), siteCode: 'B', name: '   ' }, sites)).toEqual({
      ok: false,
      errors: { name: 'name-missing' },
    });
  });
});

describe('toggle: a list of ticked checkboxes', () => {
  it('adds once and removes', () => {
    expect(toggle(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
