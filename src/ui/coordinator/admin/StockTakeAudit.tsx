import { auditPageSchema } from '../../../domain/auth/api.ts';
import { useApp } from '../../app-context.ts';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { RouteLink } from '../RouteLink.tsx';
import { AuditTable } from './AuditTable.tsx';
import { LoadError } from './LoadError.tsx';
import type { Directory } from './use-directory.ts';
import { useResource } from './use-resource.ts';

/** The newest lines shown here; the whole log (Audit) pages through the rest. */
const STOCK_TAKE_AUDIT_LINES = 200;

/** The audit trail of one stock-take: created, conflicts resolved, recounts, submitted, approved, exported. */
export function StockTakeAudit({
  stockTakeId,
  directory,
  version,
}: {
  stockTakeId: string;
  directory: Directory;
  /** Changes after each action on the stock-take, so that its line shows up at once. */
  version: number;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api } = useApp();
  // Every line about a stock-take has it as its subject (created, resolved, submitted, approved, exported).
  const audit = useResource(
    async () =>
      (
        await api.get(
          `/audit?subject=${encodeURIComponent(stockTakeId)}&limit=${STOCK_TAKE_AUDIT_LINES}`,
          auditPageSchema,
        )
      ).entries,
    [api, stockTakeId, version],
  );
  const entries = audit.data ?? null;
  return (
    <section class="co-panel" aria-labelledby="admin-st-audit-title">
      <h2 id="admin-st-audit-title" class="co-panel__title">
        {t.stockTakeAudit.title}
      </h2>
      <p class="co-muted admin-small">
        <RouteLink route={{ name: 'audit' }}>{t.stockTakeAudit.fullLog}</RouteLink>
      </p>
      {audit.error !== null ? (
        <LoadError error={audit.error} onRetry={audit.reload} />
      ) : entries === null ? (
        <p class="co-muted">{t.common.loading}</p>
      ) : entries.length === 0 ? (
        <p class="co-muted">{t.stockTakeAudit.none}</p>
      ) : (
        <AuditTable
          entries={entries}
          directory={directory}
          caption={t.audit.shown(formatNumber(lang, entries.length))}
        />
      )}
    </section>
  );
}
