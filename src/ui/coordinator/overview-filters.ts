/**
 * The overview's filters as they live in the address bar (`/admin?site=…&region=…&atc=…&page=2`), so
 * that a link to a filtered overview can be shared, and as the API's query string.
 */

export const OVERVIEW_PAGE_SIZE = 50;

export interface OverviewFilters {
  site: string | null;
  region: string | null;
  /** An ATC code or its start, upper case (`B05`). */
  atc: string | null;
  /** 1-based. */
  page: number;
}

export const NO_FILTERS: OverviewFilters = { site: null, region: null, atc: null, page: 1 };

const ATC_PREFIX = /^[A-Z0-9]{1,7}$/;

/** An ATC prefix as typed (`b05 `) made canonical (`B05`), or null when it cannot be one. */
export function normaliseAtc(text: string): string | null {
  const atc = text.trim().toUpperCase();
  return ATC_PREFIX.test(atc) ? atc : null;
}

/** Reads the filters from a query string; anything malformed is left out rather than sent on. */
export function parseOverviewSearch(search: string): OverviewFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, 100) : null;
  };
  const atc = params.get('atc');
  const page = Number(params.get('page'));
  return {
    site: text('site'),
    region: text('region'),
    atc: atc ? normaliseAtc(atc) : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function filterParams(filters: OverviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.site) params.set('site', filters.site);
  if (filters.region) params.set('region', filters.region);
  if (filters.atc) params.set('atc', filters.atc);
  return params;
}

/** The query string for the address bar (without `?`); page 1 and empty filters are left out. */
export function overviewSearch(filters: OverviewFilters): string {
  const params = filterParams(filters);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params.toString();
}

/** The query string for the overview API: the filters and the page as offset and limit. */
export function overviewApiQuery(filters: OverviewFilters, pageSize = OVERVIEW_PAGE_SIZE): string {
  const params = filterParams(filters);
  params.set('offset', String((filters.page - 1) * pageSize));
  params.set('limit', String(pageSize));
  return params.toString();
}

/** The query string for the endpoints that take the filters only (expiries, exports). */
export function filterApiQuery(filters: OverviewFilters): string {
  return filterParams(filters).toString();
}

/** How many pages `total` rows make (at least one, so "page 1 of 1" reads right when empty). */
export function pageCount(total: number, pageSize = OVERVIEW_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
