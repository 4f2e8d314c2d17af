import { deviceListSchema, userListSchema } from '../../domain/auth/api.ts';
import { siteListSchema } from '../../domain/overview/master-data-api.ts';
import {
  type DrillBatch,
  type DrillEvent,
  drillSchema,
  type OverviewRow,
  overviewPageSchema,
} from '../../domain/overview/model.ts';
import { useApp } from '../app-context.ts';
import { formatDate, formatDateTime, formatNumber, type Lang, useLang } from '../i18n.ts';
import { CoordinatorShell } from './CoordinatorShell.tsx';
import { formatPercent, productName } from './format.ts';
import { LoadError } from './LoadError.tsx';
import { type OverviewStrings, overviewStrings } from './overview-strings.ts';
import { RouteLink } from './RouteLink.tsx';
import { expiryStatus } from './stock-figures.ts';
import { useApiData } from './use-api-data.ts';
import './overview.css';

/** Names for ids, when the server told us them: who counted, on which device, where. */
interface Names {
  users: ReadonlyMap<string, string>;
  devices: ReadonlyMap<string, string>;
  locations: ReadonlyMap<string, string>;
}

/**
 * One product at one site: its figures, then the batches behind the approved count and behind the
 * stock-take in progress, each with the standing count events (who, when, which device, where).
 * "Back" returns to the overview with the filters it came from (carried in the address).
 */
export function DrillScreen({ siteCode, gtin }: { siteCode: string; gtin: string }) {
  const { api } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang];
  const query = new URLSearchParams({ site: siteCode, gtin }).toString();
  const [drill, reloadDrill] = useApiData(query, () => api.get(`/overview/drill?${query}`, drillSchema));
  // The overview row gives the product's name and figures; a site has at most a few thousand rows.
  const [rows] = useApiData(siteCode, () =>
    api.get(`/overview?site=${encodeURIComponent(siteCode)}&limit=1000`, overviewPageSchema),
  );
  const names = useNames(siteCode);
  const row = rows.data?.rows.find((r) => r.gtin === gtin) ?? null;
  const title = t.drill.title(row ? productName(row, lang, t.overview.unknownProduct) : gtin, siteCode);
  const backQuery = location.search.replace(/^\?/, '');

  return (
    <CoordinatorShell section="overview" title={title}>
      <p class="drill__back">
        <RouteLink route={{ name: 'overview' }} query={backQuery}>
          ← {t.drill.back}
        </RouteLink>
      </p>
      <DrillFacts row={row} siteCode={siteCode} gtin={gtin} lang={lang} t={t} />
      {drill.state === 'error' && <LoadError error={drill.error} onRetry={reloadDrill} />}
      {drill.data === null
        ? drill.state === 'loading' && <p class="co-muted">{t.loading}</p>
        : [
            <DrillSection
              key="counted"
              title={t.drill.countedSection}
              part={drill.data.counted}
              empty={t.drill.noCounted}
              names={names}
              lang={lang}
              t={t}
            />,
            <DrillSection
              key="provisional"
              title={t.drill.provisionalSection}
              part={drill.data.provisional}
              empty={t.drill.noProvisional}
              names={names}
              lang={lang}
              t={t}
              provisional
            />,
          ]}
    </CoordinatorShell>
  );
}

/** Users, devices and locations by id. Each list is optional: without it the ids are shown alone. */
function useNames(siteCode: string): Names {
  const { api } = useApp();
  const [users] = useApiData('users', () => api.get('/users', userListSchema));
  const [devices] = useApiData('devices', () => api.get('/devices', deviceListSchema));
  const [sites] = useApiData('sites', () => api.get('/sites', siteListSchema));
  return {
    users: new Map(users.data?.users.map((u) => [u.id, u.name]) ?? []),
    devices: new Map(devices.data?.devices.map((d) => [d.deviceId, d.label]) ?? []),
    locations: new Map(
      sites.data?.sites.find((s) => s.code === siteCode)?.locations.map((l) => [l.code, l.name]) ?? [],
    ),
  };
}

function DrillFacts({
  row,
  siteCode,
  gtin,
  lang,
  t,
}: {
  row: OverviewRow | null;
  siteCode: string;
  gtin: string;
  lang: Lang;
  t: OverviewStrings;
}) {
  const packs = (n: number | null) => (n === null ? '–' : t.packs(formatNumber(lang, n)));
  return (
    <dl class="co-panel drill__facts">
      <div>
        <dt>{t.drill.site}</dt>
        <dd>
          <span class="co-mono">{siteCode}</span>
          {row?.siteName && <span class="co-table__sub">{row.siteName}</span>}
        </dd>
      </div>
      {row?.region && (
        <div>
          <dt>{t.drill.region}</dt>
          <dd>{row.region}</dd>
        </div>
      )}
      <div>
        <dt>{t.drill.gtin}</dt>
        <dd class="co-mono">{gtin}</dd>
      </div>
      {row?.atc && (
        <div>
          <dt>{t.drill.atc}</dt>
          <dd class="co-mono">{row.atc}</dd>
        </div>
      )}
      {row && (
        <>
          <div>
            <dt>{t.drill.counted}</dt>
            <dd>{packs(row.countedPacks)}</dd>
          </div>
          <div>
            <dt>{t.drill.provisional}</dt>
            <dd>{packs(row.provisionalPacks)}</dd>
          </div>
          <div>
            <dt>{t.drill.target}</dt>
            <dd>{packs(row.targetPacks)}</dd>
          </div>
          <div>
            <dt>{t.drill.coverage}</dt>
            <dd>{row.coveragePercent === null ? '–' : formatPercent(lang, row.coveragePercent)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}

interface DrillSectionProps {
  title: string;
  part: { stockTakeId: string; status: string; batches: DrillBatch[] } | null;
  empty: string;
  names: Names;
  lang: Lang;
  t: OverviewStrings;
  provisional?: boolean;
}

function DrillSection({ title, part, empty, names, lang, t, provisional = false }: DrillSectionProps) {
  const today = new Date();
  const eventCount = part?.batches.reduce((n, b) => n + b.events.length, 0) ?? 0;
  // Open every batch when that stays readable; otherwise the person opens the ones they want.
  const openAll = eventCount <= 40;
  return (
    <section class="co-panel drill__section" data-testid={provisional ? 'drill-provisional' : 'drill-counted'}>
      <h2 class="co-panel__title">{title}</h2>
      {part === null ? (
        <p class="co-muted">{empty}</p>
      ) : (
        <>
          <p class="co-muted drill__stock-take">
            {t.drill.stockTake(part.stockTakeId, t.drill.status[part.status] ?? part.status)}
          </p>
          {part.batches.length === 0 && <p class="co-muted">{empty}</p>}
          {part.batches.map((batch) => {
            const status = expiryStatus(batch.expiry, today);
            const batchName = batch.batch ?? t.drill.noBatch;
            return (
              <details
                key={`${batch.batch}|${batch.expiry}`}
                class="drill__batch"
                open={openAll}
                data-testid="drill-batch"
              >
                <summary>
                  <span class="drill__batch-name">
                    {t.drill.batch} <span class="co-mono">{batchName}</span>
                  </span>
                  <span class="expiry drill__expiry" data-status={status}>
                    {t.drill.expiry} {batch.expiry ? formatDate(batch.expiry) : t.drill.noExpiry}
                    {status === 'expired' && (
                      <span class="co-badge" data-tone="error">
                        {t.overview.expired}
                      </span>
                    )}
                    {status === 'near' && (
                      <span class="co-badge" data-tone="warn">
                        {t.overview.nearExpiry}
                      </span>
                    )}
                  </span>
                  <strong class="drill__batch-packs">
                    {t.packs(formatNumber(lang, batch.quantity))}
                    {provisional && (
                      <span class="co-badge" data-tone="info">
                        {t.overview.provisionalMark}
                      </span>
                    )}
                  </strong>
                  <span class="co-muted">
                    {t.drill.events(formatNumber(lang, batch.events.length), batch.events.length)}
                  </span>
                </summary>
                <EventTable
                  events={batch.events}
                  caption={t.drill.eventsCaption(batchName)}
                  names={names}
                  lang={lang}
                  t={t}
                />
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}

function EventTable({
  events,
  caption,
  names,
  lang,
  t,
}: {
  events: DrillEvent[];
  caption: string;
  names: Names;
  lang: Lang;
  t: OverviewStrings;
}) {
  return (
    <div class="co-table-scroll">
      <table class="co-table" data-testid="drill-events">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.drill.who}</th>
            <th scope="col">{t.drill.countedAt}</th>
            <th scope="col">{t.drill.receivedAt}</th>
            <th scope="col">{t.drill.device}</th>
            <th scope="col">{t.drill.location}</th>
            <th scope="col">{t.drill.serial}</th>
            <th scope="col" class="num">
              {t.drill.quantity}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.eventId}>
              <td>
                <IdWithName
                  id={event.userId}
                  name={event.userId ? names.users.get(event.userId) : undefined}
                  fallback={t.drill.unknownUser}
                />
              </td>
              <td class="co-nowrap">{formatDateTime(lang, event.countedAt)}</td>
              <td class="co-nowrap">{formatDateTime(lang, event.receivedAt)}</td>
              <td>
                <IdWithName id={event.deviceId} name={names.devices.get(event.deviceId)} fallback="" />
              </td>
              <td>
                <IdWithName
                  id={event.locationCode}
                  name={event.locationCode ? names.locations.get(event.locationCode) : undefined}
                  fallback="–"
                />
              </td>
              <td class="co-mono">{event.serial ?? '–'}</td>
              <td class="num">{formatNumber(lang, event.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A name when known, with the id below it (ids are what logs and exports carry): a long id (a UUID)
 * is cut to its first characters on screen, whole in the tooltip and for screen readers.
 */
function IdWithName({ id, name, fallback }: { id: string | null; name: string | undefined; fallback: string }) {
  if (id === null) return <span class="co-muted">{fallback}</span>;
  if (!name) return <span class="co-mono">{id}</span>;
  const short = id.length > 16 ? `${id.slice(0, 8)}…` : id;
  return (
    <>
      {name}
      <span class="co-table__sub co-mono" title={id}>
        <span aria-hidden="true">{short}</span>
        <span class="visually-hidden">{id}</span>
      </span>
    </>
  );
}
