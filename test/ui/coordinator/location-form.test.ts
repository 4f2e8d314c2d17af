import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locationSchema } from '../../../src/domain/reference-data.ts';
import {
  emptyLocationDraft,
  existingLocation,
  firstLocationError,
  locationRequest,
} from '../../../src/ui/coordinator/location-form.ts';

const SITE = 'SSL-MITT';

describe('the "Add or rename a location" form', () => {
  it('makes the location of the chosen site, trimmed', () => {
    expect(locationRequest(SITE, { code: ' SSL-MITT-R9-H1 ', name: '  Rum 9, hylla 1 ' })).toEqual({
      ok: true,
      location: { code: 'SSL-MITT-R9-H1', siteCode: SITE, name: 'Rum 9, hylla 1' },
    });
    // Every character a code may have, and the longest code and name.
    const code = `a${'.'.repeat(10)}_/-Z9${'x'.repeat(48)}`;
    expect(code).toHaveLength(64);
    expect(locationRequest(SITE, { code, name: 'n'.repeat(200) }).ok).toBe(true);
  });

  it('names every field to fix, and the first of them in the form’s order', () => {
    const empty = locationRequest(SITE, emptyLocationDraft);
    expect(empty).toEqual({ ok: false, errors: { code: { kind: 'required' }, name: { kind: 'required' } } });
    if (!empty.ok) expect(firstLocationError(empty.errors)).toBe('code');

    expect(locationRequest(SITE, { code: 'R9', name: '   ' })).toEqual({
      ok: false,
      errors: { name: { kind: 'required' } },
    });
    expect(locationRequest(SITE, { code: 'R9', name: 'n'.repeat(201) })).toEqual({
      ok: false,
      errors: { name: { kind: 'too-long', max: 200 } },
    });
    expect(firstLocationError({ name: { kind: 'required' } })).toBe('name');
    expect(firstLocationError({})).toBeUndefined();
  });

  it('refuses a code a label cannot carry', () => {
    for (const code of ['SSL MITT', 'R9\tH1', '-R9', '.R9', 'Rum#9', 'hylla:1', 'Å1', 'x'.repeat(65)]) {
      expect(locationRequest(SITE, { code, name: 'Hylla' })).toEqual({ ok: false, errors: { code: { kind: 'code' } } });
    }
  });

  it('tells a code this site already has, which a save renames', () => {
    const locations = [
      { code: 'SSL-MITT-R1-H1', siteCode: SITE, name: 'Rum 1, hylla 1' },
      { code: 'SSL-MITT-R1-H2', siteCode: SITE, name: 'Rum 1, hylla 2' },
    ];
    expect(existingLocation(locations, ' SSL-MITT-R1-H2 ')?.name).toBe('Rum 1, hylla 2');
    expect(existingLocation(locations, 'ssl-mitt-r1-h2')).toBeUndefined();
    expect(existingLocation(locations, 'SSL-MITT-R1')).toBeUndefined();
    expect(existingLocation(locations, '')).toBeUndefined();
  });

  it('only ever sends what the server’s schema takes', () => {
    fc.assert(
      fc.property(
        fc.record({
          code: fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9._/ -]{0,70}$/)),
          name: fc.string({ maxLength: 220 }),
        }),
        (draft) => {
          const result = locationRequest(SITE, draft);
          if (result.ok) {
            expect(locationSchema.safeParse(result.location).success).toBe(true);
            expect(result.location.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/);
            expect(result.location.name.trim()).not.toBe('');
          }
        },
      ),
    );
  });
});
