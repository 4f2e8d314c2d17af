import { describe, expect, it } from 'vitest';
import { validateLocations, validateSites } from '../../../src/domain/overview/site-import.ts';

describe('validateSites', () => {
  it('reads sites, names each problem by row and column, and accepts only clean rows', () => {
    const result = validateSites([
      ['Code', 'Name', 'Kind', 'Region'],
      ['SA-VISBY', 'Säkerhetslager Visby', 'state-stockpile', 'Gotland'],
      ['RF LULEÅ', 'Regionförråd', 'regional-store', 'Norrbotten'],
      ['SJH-KAR', '', 'hospital-pharmacy', 'Stockholm'],
      ['SA-VISBY', 'Again', 'state-stockpile', 'Gotland'],
      ['X1', 'X', 'warehouse', 'Skåne'],
    ]);
    expect(result.rowCount).toBe(5);
    expect(result.sites.map((s) => s.site.code)).toEqual(['SA-VISBY']);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'code'],
      [4, 'name'],
      [5, 'code'],
      [6, 'kind'],
    ]);
    expect(result.errors[2]?.message).toContain('row 2');
    expect(result.errors[3]?.message).toContain('hospital-pharmacy');
  });

  it('refuses a file without a required column as a whole', () => {
    const result = validateSites([
      ['code', 'name', 'kind'],
      ['A', 'B', 'regional-store'],
    ]);
    expect(result.sites).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 1, column: 'region' })]);
  });
});

describe('validateLocations', () => {
  it('refuses to move an existing location to another site', () => {
    const result = validateLocations(
      [
        ['code', 'siteCode', 'name'],
        ['VIS-A-01', 'RF-LULEA', 'Hylla A1'],
        ['VIS-A-02', 'SA-VISBY', 'Hylla A2, nytt namn'],
      ],
      {
        siteCodes: new Set(['SA-VISBY', 'RF-LULEA']),
        siteOfLocation: new Map([
          ['VIS-A-01', 'SA-VISBY'],
          ['VIS-A-02', 'SA-VISBY'],
        ]),
      },
    );
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'siteCode' })]);
    expect(result.errors[0]?.message).toContain('belongs to site SA-VISBY');
    expect(result.locations.map((l) => l.location.code)).toEqual(['VIS-A-02']);
  });

  it('needs a known site and a code unique over the file', () => {
    const result = validateLocations(
      [
        ['code', 'siteCode', 'name'],
        ['VIS-A-01', 'SA-VISBY', 'Hylla A1'],
        ['VIS-A-02', 'SA-NOPE', 'Hylla A2'],
        ['VIS-A-01', 'SA-VISBY', 'Hylla A1 igen'],
      ],
      { siteCodes: new Set(['SA-VISBY']) },
    );
    expect(result.locations).toEqual([
      { row: 2, location: { code: 'VIS-A-01', siteCode: 'SA-VISBY', name: 'Hylla A1' } },
    ]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'siteCode'],
      [4, 'code'],
    ]);
  });
});
