import { useState } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditEntry, auditPageSchema } from '../../../domain/auth/api.ts';
import { useApp } from '../../app-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { CoordinatorShell } from '../CoordinatorShell.tsx';
import { AuditTable } from './AuditTable.tsx';
import { apiErrorText } from './api-error-text.ts';
import { LoadError } from './LoadError.tsx';
import { filterQuery, readFilters, writeFilters } from './url-filters.ts';
import { useDirectory } from './use-directory.ts';
import { useResource } from './use-resource.ts';

const PAGE_SIZE = 100;

/** The audit log, newest first: filter by event, page to older entries. */
export function AuditScreen() {
  const t = useAdminStrings();
  const lang = useLang();
  const { api } = useApp();
  const directory = useDirectory();
  const [filters, setFilters] = useState(() => readFilters(['action']));
  const firstPage = useResource(
    () => api.get(`/audit?${filterQuery({ ...filters, limit: String(PAGE_SIZE) })}`, auditPageSchema),
    [api, filters.action],
  );
  // Older pages, fetched on request, appended under the first.
  const [older, setOlder] = useState<{ action: string; entries: AuditEntry[]; nextBefore: number | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const current = older?.action === filters.action ? older : null;
  const entries = [...(firstPage.data?.entries ?? []), ...(current?.entries ?? [])];
  const nextBefore = current ? current.nextBefore : (firstPage.data?.nextBefore ?? null);

  function setAction(action: string) {
    const next = { action };
    setFilters(next);
    writeFilters(next);
    setOlder(null);
  }

  async function loadOlder() {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const query = filterQuery({ ...filters, before: String(nextBefore), limit: String(PAGE_SIZE) });
      const page = await api.get(`/audit?${query}`, auditPageSchema);
      setOlder({
        action: filters.action,
        entries: [...(current?.entries ?? []), ...page.entries],
        nextBefore: page.nextBefore,
      });
    } catch (error) {
      setOlderError(apiErrorText(t, error));
    } finally {
      setLoadingOlder(false);
    }
  }

  return (
    <CoordinatorShell section="audit" title={t.audit.title}>
      <form class="co-filters" aria-label={t.stockTakes.filters} onSubmit={(e) => e.preventDefault()}>
        <label class="co-field">
          <span class="co-field__label">{t.audit.action}</span>
          <select class="co-input" value={filters.action} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t.audit.allActions}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t.audit.actions[action]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {firstPage.error !== null && <LoadError error={firstPage.error} onRetry={firstPage.reload} />}
      {firstPage.data === null ? (
        firstPage.error === null && <p class="co-muted">{t.common.loading}</p>
      ) : entries.length === 0 ? (
        <p class="co-panel co-muted">{t.audit.none}</p>
      ) : (
        <>
          <AuditTable
            entries={entries}
            directory={directory}
            caption={t.audit.shown(formatNumber(lang, entries.length))}
          />
          <div class="co-pager">
            {nextBefore !== null ? (
              <button type="button" class="button" disabled={loadingOlder} onClick={() => void loadOlder()}>
                {loadingOlder ? t.audit.loadingOlder : t.audit.older}
              </button>
            ) : (
              <p class="co-pager__status">{t.audit.end}</p>
            )}
            <ErrorMessage>{olderError}</ErrorMessage>
          </div>
        </>
      )}
    </CoordinatorShell>
  );
}
