import { describe, expect, it } from 'vitest';
import {
  filterApiQuery,
  NO_FILTERS,
  normaliseAtc,
  overviewApiQuery,
  overviewSearch,
  pageCount,
  parseOverviewSearch,
} from '../../../src/ui/coordinator/overview-filters.ts';

describe('overview filters in the address bar', () => {
  it('round-trips every filter and the page through the query string', () => {
    const filters = { site: 'SA-VISBY', region: 'Västra Götaland', atc: 'B05', page: 3 };
    const search = overviewSearch(filters);
    expect(search).toBe('site=SA-VISBY&region=V%C3%A4stra+G%C3%B6taland&atc=B05&page=3');
    expect(parseOverviewSearch(`?${search}`)).toEqual(filters);
  });

  it('leaves out empty filters and page 1, so the plain overview is /admin', () => {
    expect(overviewSearch(NO_FILTERS)).toBe('');
    expect(overviewSearch({ ...NO_FILTERS, region: 'Gotland' })).toBe('region=Gotland');
  });

  it('drops what a hand-edited link gets wrong instead of sending it to the server', () => {
    expect(parseOverviewSearch('?atc=B05%25&page=-2&site=')).toEqual(NO_FILTERS);
    expect(parseOverviewSearch('?page=2.5&atc=b05ba')).toEqual({ ...NO_FILTERS, atc: 'B05BA' });
  });

  it('normalises a typed ATC prefix and refuses what cannot be one', () => {
    expect(normaliseAtc(' n01ax ')).toBe('N01AX');
    expect(normaliseAtc('B05-A')).toBeNull();
    expect(normaliseAtc('B05BA0101')).toBeNull();
  });

  it('asks the API for the page as offset and limit, and the other endpoints for the filters only', () => {
    const filters = { site: null, region: 'Skåne', atc: 'B', page: 2 };
    expect(overviewApiQuery(filters, 50)).toBe('region=Sk%C3%A5ne&atc=B&offset=50&limit=50');
    expect(filterApiQuery(filters)).toBe('region=Sk%C3%A5ne&atc=B');
  });

  it('counts pages, one at least', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});
