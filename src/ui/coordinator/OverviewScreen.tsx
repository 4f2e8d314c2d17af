import { useEffect, useRef, useState } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import { siteListSchema } from '../../domain/overview/master-data-api.ts';
import { expiryChartSchema, overviewPageSchema } from '../../domain/overview/model.ts';
import { useApp } from '../app-context.ts';
import { useLang } from '../i18n.ts';
import { CoordinatorShell } from './CoordinatorShell.tsx';
import { ExpiryChart } from './ExpiryChart.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { LoadError } from './LoadError.tsx';
import { OverviewFilterBar } from './OverviewFilterBar.tsx';
import { OverviewTable } from './OverviewTable.tsx';
import {
  filterApiQuery,
  type OverviewFilters,
  overviewApiQuery,
  overviewSearch,
  parseOverviewSearch,
} from './overview-filters.ts';
import { overviewStrings } from './overview-strings.ts';
import { Pager } from './Pager.tsx';
import { useApiData } from './use-api-data.ts';
import './overview.css';

/**
 * The coordinators' overview: stock per site and product against its target level, filtered by
 * region, site and ATC group (kept in the address, so a link shares the view), with the expiries
 * per month beside it and exports of both.
 */
export function OverviewScreen() {
  const { api, user } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang];
  const [filters, setFilterState] = useFilterAddress();
  const [today] = useState(() => new Date());
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const pageQuery = overviewApiQuery(filters);
  const [page, reloadPage] = useApiData(pageQuery, () => api.get(`/overview?${pageQuery}`, overviewPageSchema));
  const filterQuery = filterApiQuery(filters);
  const [expiries, reloadExpiries] = useApiData(filterQuery, () =>
    api.get(`/overview/expiries${filterQuery ? `?${filterQuery}` : ''}`, expiryChartSchema),
  );
  const [sites] = useApiData('sites', () => api.get('/sites', siteListSchema));

  const canManage = user !== null && can(user.role, 'master-data:manage');

  const changeFilters = (next: OverviewFilters) => {
    setNotice(null);
    setFilterState(next);
  };

  return (
    <CoordinatorShell section="overview" title={t.overview.title} actions={<ExportButtons filters={filters} />}>
      <OverviewFilterBar filters={filters} sites={sites.data?.sites ?? null} onChange={changeFilters} />
      <div class="overview-layout">
        <div class="overview-layout__main">
          <p
            ref={noticeRef}
            tabIndex={-1}
            class="message message--info overview-notice"
            role="status"
            hidden={notice === null}
          >
            {notice}
          </p>
          {page.state === 'error' && <LoadError error={page.error} onRetry={reloadPage} />}
          {page.data === null ? (
            page.state === 'loading' && <p class="co-muted">{t.loading}</p>
          ) : (
            <div class="overview-layout__table" aria-busy={page.state === 'loading' ? 'true' : undefined}>
              <Pager
                page={filters.page}
                total={page.data.total}
                onPage={(n) => changeFilters({ ...filters, page: n })}
              />
              {page.data.rows.length === 0 ? (
                <p class="co-panel co-muted">{t.overview.none}</p>
              ) : (
                <OverviewTable
                  rows={page.data.rows}
                  query={overviewSearch(filters)}
                  canEditTargets={canManage}
                  canAddToCatalog={canManage}
                  today={today}
                  onTargetSaved={(message) => {
                    setNotice(message);
                    reloadPage();
                    reloadExpiries();
                  }}
                  onProductSaved={(product) => {
                    setNotice(t.catalog.saved(product.gtin, lang === 'en' ? product.nameEn : product.nameSv));
                    reloadPage();
                    // The button that opened the dialog goes with the reload: the keyboard user is
                    // left at the notice that says what happened (once the dialog has closed).
                    requestAnimationFrame(() => noticeRef.current?.focus());
                  }}
                />
              )}
            </div>
          )}
        </div>
        <div class="overview-layout__aside">
          {expiries.state === 'error' && <LoadError error={expiries.error} onRetry={reloadExpiries} />}
          {expiries.data && <ExpiryChart months={expiries.data.months} today={today} />}
        </div>
      </div>
    </CoordinatorShell>
  );
}

/**
 * The filters live in the address bar (`/admin?region=…`): a change pushes a history entry (Back
 * undoes a filter), and Back/Forward or a pasted link set them.
 */
function useFilterAddress(): [OverviewFilters, (filters: OverviewFilters) => void] {
  const [filters, setFilters] = useState(() => parseOverviewSearch(location.search));
  useEffect(() => {
    const onPop = () => setFilters(parseOverviewSearch(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const change = (next: OverviewFilters) => {
    const search = overviewSearch(next);
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    setFilters(next);
  };
  return [filters, change];
}
