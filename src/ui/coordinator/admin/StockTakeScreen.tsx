import { useCallback, useState } from 'preact/hooks';
import { can } from '../../../domain/auth/roles.ts';
import { siteListSchema } from '../../../domain/overview/master-data-api.ts';
import {
  type ResolveConflict,
  type StockTakeProgress,
  stockTakeProgressSchema,
} from '../../../domain/overview/stock-take-admin.ts';
import { useApp } from '../../app-context.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { CoordinatorShell } from '../CoordinatorShell.tsx';
import { RouteLink } from '../RouteLink.tsx';
import { ConflictCard } from './ConflictCard.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { LoadError } from './LoadError.tsx';
import { LocationProgressTable } from './LocationProgressTable.tsx';
import { Notice, type NoticeMessage } from './Notice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StockTakeActions } from './StockTakeActions.tsx';
import { StockTakeAudit } from './StockTakeAudit.tsx';
import { conflictsInWorkOrder } from './stock-take-rules.ts';
import { type Directory, useDirectory } from './use-directory.ts';
import { useRefresh } from './use-refresh.ts';
import { useResource } from './use-resource.ts';

/** Counts keep arriving while a coordinator watches: fetch the progress again this often. */
const REFRESH_MS = 15_000;

/** One stock-take: its state and actions, its conflicts and their resolutions, progress per location, its audit trail. */
export function StockTakeScreen({ stockTakeId }: { stockTakeId: string }) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api, user } = useApp();
  const path = `/stock-takes/${encodeURIComponent(stockTakeId)}`;
  const progress = useResource(() => api.get(path, stockTakeProgressSchema), [api, path]);
  const directory = useDirectory();
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // Bumped after each action, so that the audit trail shows its line.
  const [version, setVersion] = useState(0);
  const reload = progress.reload;
  useRefresh(reload, REFRESH_MS);

  const afterAction = useCallback(
    (message: string) => {
      setNotice({ tone: 'ok', text: message });
      setVersion((v) => v + 1);
      reload();
    },
    [reload],
  );

  async function resolve(request: ResolveConflict) {
    progress.replace(await api.send('POST', `${path}/resolutions`, request, stockTakeProgressSchema));
    setNotice({ tone: 'ok', text: t.conflicts.done });
    setVersion((v) => v + 1);
  }

  const data = progress.data;
  const mayExport = user !== null && can(user.role, 'exports:read');
  return (
    <CoordinatorShell
      section="stock-takes"
      title={data?.stockTake.name ?? t.stockTakes.title}
      actions={data && mayExport ? <ExportButtons stockTake={data.stockTake} /> : undefined}
    >
      <p class="admin-back">
        <RouteLink route={{ name: 'stock-takes' }}>← {t.stockTake.back}</RouteLink>
      </p>
      {progress.error !== null && <LoadError error={progress.error} onRetry={reload} />}
      {data === null ? (
        progress.error === null && <p class="co-muted">{t.common.loading}</p>
      ) : (
        <>
          <div class="co-panel admin-st-header">
            <StockTakeFacts progress={data} directory={directory} />
            <StockTakeActions progress={data} onDone={afterAction} onStale={reload} />
          </div>
          <Notice notice={notice} />
          {data.countsAfterApproval > 0 && (
            <p class="message message--error" role="status" data-testid="counts-after-approval">
              {t.stockTake.countsAfterApproval(formatNumber(lang, data.countsAfterApproval))}
            </p>
          )}
          <div class="admin-st-grid">
            <ConflictsSection
              progress={data}
              directory={directory}
              mayResolve={
                user !== null && can(user.role, 'stock-takes:resolve') && data.stockTake.status !== 'approved'
              }
              onResolve={resolve}
            />
            <LocationProgressTable progress={data} deviceLabel={directory.deviceLabel} />
          </div>
          <StockTakeAudit stockTakeId={stockTakeId} directory={directory} version={version} />
        </>
      )}
    </CoordinatorShell>
  );
}

/** Site, mode, status, when created, submitted and approved (by whom), who is assigned. */
function StockTakeFacts({ progress, directory }: { progress: StockTakeProgress; directory: Directory }) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api } = useApp();
  const sites = useResource(async () => (await api.get('/sites', siteListSchema)).sites, [api]);
  const st = progress.stockTake;
  const siteName = sites.data?.find((s) => s.code === st.siteCode)?.name;
  const assigned = (ids: readonly string[] | undefined, name: (id: string) => string) =>
    ids && ids.length > 0 ? ids.map(name).join(', ') : t.stockTake.anyone;
  return (
    <dl class="admin-facts admin-facts--wide" data-testid="stock-take-facts">
      <div>
        <dt>{t.stockTake.status}</dt>
        <dd>
          <StatusBadge status={st.status} />
        </dd>
      </div>
      <div>
        <dt>{t.stockTake.site}</dt>
        <dd>
          {siteName ?? st.siteCode} <span class="co-mono co-muted">{siteName ? st.siteCode : ''}</span>
        </dd>
      </div>
      <div>
        <dt>{t.stockTake.mode}</dt>
        <dd>{t.mode[st.mode]}</dd>
      </div>
      <div>
        <dt>{t.stockTake.created}</dt>
        <dd class="co-mono">{formatDateTime(lang, st.createdAt)}</dd>
      </div>
      {st.submittedAt && (
        <div>
          <dt>{t.stockTake.submitted}</dt>
          <dd class="co-mono">{formatDateTime(lang, st.submittedAt)}</dd>
        </div>
      )}
      {st.approvedAt && (
        <div>
          <dt>{t.stockTake.approved}</dt>
          <dd>
            {st.approvedBy
              ? t.stockTake.approvedBy(directory.userName(st.approvedBy), formatDateTime(lang, st.approvedAt))
              : formatDateTime(lang, st.approvedAt)}
          </dd>
        </div>
      )}
      <div>
        <dt>{t.stockTake.assignedDevices}</dt>
        <dd>{assigned(st.assignedDeviceIds, directory.deviceLabel)}</dd>
      </div>
      <div>
        <dt>{t.stockTake.assignedUsers}</dt>
        <dd>{assigned(st.assignedUserIds, directory.userName)}</dd>
      </div>
    </dl>
  );
}

function ConflictsSection({
  progress,
  directory,
  mayResolve,
  onResolve,
}: {
  progress: StockTakeProgress;
  directory: Directory;
  mayResolve: boolean;
  onResolve: (request: ResolveConflict) => Promise<void>;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const names = new Map(progress.locations.map((l) => [l.locationCode, l.locationName ?? l.locationCode]));
  const products = new Map(
    progress.products.map((p) => [p.gtin, lang === 'sv' ? p.nameSv || p.nameEn : p.nameEn || p.nameSv]),
  );
  const productName = (gtin: string) => products.get(gtin) ?? null;
  const conflicts = conflictsInWorkOrder(progress.conflicts);
  return (
    <section class="co-panel" aria-labelledby="admin-conflicts-title" data-testid="conflicts">
      <h2 id="admin-conflicts-title" class="co-panel__title">
        {t.conflicts.title}{' '}
        {conflicts.length > 0 && (
          <span class="co-badge" data-tone={progress.openConflicts > 0 ? 'error' : 'ok'} data-testid="open-conflicts">
            {t.conflicts.summary(formatNumber(lang, progress.openConflicts), formatNumber(lang, conflicts.length))}
          </span>
        )}
      </h2>
      {conflicts.length === 0 ? (
        <p class="co-muted">{t.conflicts.none}</p>
      ) : (
        conflicts.map((conflict) => (
          <ConflictCard
            key={conflict.id}
            conflict={conflict}
            locationName={(code) => names.get(code) ?? code}
            productName={productName}
            userName={directory.userName}
            mayResolve={mayResolve}
            onResolve={onResolve}
          />
        ))
      )}
    </section>
  );
}
