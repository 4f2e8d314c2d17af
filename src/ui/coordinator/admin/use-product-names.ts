import { can } from '../../../domain/auth/roles.ts';
import { overviewPageSchema } from '../../../domain/overview/model.ts';
import { useApp } from '../../app-context.ts';
import { useLang } from '../../i18n.ts';
import { useResource } from './use-resource.ts';

/** The overview serves at most this many rows a page: a site's whole catalog fits. */
const OVERVIEW_PAGE_MAX = 1000;

/**
 * Product names for a site's stock-take, from the overview's rows of that site (a coordinator's
 * browser has no catalog of its own: it is not a device that pulls reference data). A product with
 * neither a target nor a count there has no row: null, and the screen shows its GTIN.
 */
export function useProductNames(siteCode: string): (gtin: string) => string | null {
  const { api, user } = useApp();
  const lang = useLang();
  const mayRead = user !== null && can(user.role, 'overview:read');
  const rows = useResource(
    async () =>
      mayRead
        ? (
            await api.get(
              `/overview?site=${encodeURIComponent(siteCode)}&limit=${OVERVIEW_PAGE_MAX}`,
              overviewPageSchema,
            )
          ).rows
        : [],
    [api, siteCode, mayRead],
  );
  const names = new Map(
    (rows.data ?? []).map((row) => [
      row.gtin,
      lang === 'sv' ? (row.productNameSv ?? row.productNameEn) : (row.productNameEn ?? row.productNameSv),
    ]),
  );
  return (gtin) => names.get(gtin) ?? null;
}
