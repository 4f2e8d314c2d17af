import { useState } from 'preact/hooks';
import { can } from '../../../domain/auth/roles.ts';
import { type SiteWithLocations, siteListSchema } from '../../../domain/overview/master-data-api.ts';
import { stockTakeListSchema } from '../../../domain/overview/stock-take-admin.ts';
import { type StockTake, stockTakeStatusSchema } from '../../../domain/reference-data.ts';
import { useApp } from '../../app-context.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { CoordinatorShell } from '../CoordinatorShell.tsx';
import { RouteLink } from '../RouteLink.tsx';
import { LoadError } from './LoadError.tsx';
import { NewStockTakeForm } from './NewStockTakeForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { filterQuery, readFilters, writeFilters } from './url-filters.ts';
import { useDirectory } from './use-directory.ts';
import { useResource } from './use-resource.ts';

const STATUSES = stockTakeStatusSchema.options;

/** The stock-takes, filtered by site and status, and the form to create one. */
export function StockTakesScreen() {
  const t = useAdminStrings();
  const { api, user, navigate } = useApp();
  const [filters, setFilters] = useState(() => readFilters(['site', 'status']));
  const [creating, setCreating] = useState(false);
  const sites = useResource(async () => (await api.get('/sites', siteListSchema)).sites, [api]);
  const query = filterQuery(filters);
  const list = useResource(
    async () => (await api.get(`/stock-takes${query ? `?${query}` : ''}`, stockTakeListSchema)).stockTakes,
    [api, query],
  );
  const mayCreate = user !== null && can(user.role, 'stock-takes:create');

  function setFilter(key: 'site' | 'status', value: string) {
    const next = { ...filters, [key]: value };
    setFilters(next);
    writeFilters(next);
  }

  return (
    <CoordinatorShell
      section="stock-takes"
      title={t.stockTakes.title}
      actions={
        mayCreate &&
        !creating && (
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            {t.stockTakes.newStockTake}
          </button>
        )
      }
    >
      {creating && (
        <NewStockTakePanel
          sites={sites.data ?? []}
          onCreated={(st) => navigate({ name: 'stock-take', stockTakeId: st.id })}
          onCancel={() => setCreating(false)}
        />
      )}
      <form class="co-filters" aria-label={t.stockTakes.filters} onSubmit={(e) => e.preventDefault()}>
        <label class="co-field">
          <span class="co-field__label">{t.stockTakes.site}</span>
          <select class="co-input" value={filters.site} onChange={(e) => setFilter('site', e.currentTarget.value)}>
            <option value="">{t.stockTakes.allSites}</option>
            {(sites.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label class="co-field">
          <span class="co-field__label">{t.stockTakes.status}</span>
          <select class="co-input" value={filters.status} onChange={(e) => setFilter('status', e.currentTarget.value)}>
            <option value="">{t.stockTakes.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {sites.error !== null && <LoadError error={sites.error} onRetry={sites.reload} />}
      {list.error !== null ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.data === null ? (
        <p class="co-muted">{t.common.loading}</p>
      ) : (
        <StockTakeTable stockTakes={list.data} sites={sites.data ?? []} />
      )}
    </CoordinatorShell>
  );
}

/** The form, fed with the devices and users that may be assigned (none revoked). */
function NewStockTakePanel({
  sites,
  onCreated,
  onCancel,
}: {
  sites: readonly SiteWithLocations[];
  onCreated: (st: StockTake) => void;
  onCancel: () => void;
}) {
  const directory = useDirectory();
  return (
    <NewStockTakeForm
      sites={sites}
      devices={directory.devices.filter((d) => d.revokedAt === null).sort((a, b) => a.label.localeCompare(b.label))}
      users={directory.users.filter((u) => u.revokedAt === null)}
      onCreated={onCreated}
      onCancel={onCancel}
    />
  );
}

function StockTakeTable({
  stockTakes,
  sites,
}: {
  stockTakes: readonly StockTake[];
  sites: readonly SiteWithLocations[];
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const siteName = (code: string) => sites.find((s) => s.code === code)?.name ?? code;
  if (stockTakes.length === 0) return <p class="co-panel co-muted">{t.stockTakes.none}</p>;
  return (
    <div class="co-table-scroll">
      <table class="co-table" data-testid="stock-take-list">
        <caption>{t.stockTakes.listCaption(formatNumber(lang, stockTakes.length))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.stockTakes.name}</th>
            <th scope="col">{t.stockTakes.site}</th>
            <th scope="col">{t.stockTakes.mode}</th>
            <th scope="col">{t.stockTakes.status}</th>
            <th scope="col">{t.stockTakes.created}</th>
            <th scope="col">{t.stockTakes.approved}</th>
          </tr>
        </thead>
        <tbody>
          {stockTakes.map((st) => (
            <tr key={st.id}>
              <th scope="row">
                <RouteLink route={{ name: 'stock-take', stockTakeId: st.id }}>{st.name}</RouteLink>
              </th>
              <td>
                {siteName(st.siteCode)} <span class="co-table__sub co-mono">{st.siteCode}</span>
              </td>
              <td>{t.mode[st.mode]}</td>
              <td>
                <StatusBadge status={st.status} />
              </td>
              <td class="co-mono">{formatDateTime(lang, st.createdAt)}</td>
              <td class="co-mono">{st.approvedAt ? formatDateTime(lang, st.approvedAt) : t.common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
