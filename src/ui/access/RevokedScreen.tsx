import { useState } from 'preact/hooks';
import { unsentExport } from '../../identity/unsent-export.ts';
import { countPending } from '../../store/events.ts';
import type { Revocation } from '../../store/identity.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { downloadText } from '../download.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { formatDateTime, formatNumber } from '../i18n.ts';
import { AccessLayout } from './AccessLayout.tsx';
import { EnrollPanel } from './EnrollPanel.tsx';
import type { AccessScreenProps } from './props.ts';
import { ACCESS_STRINGS } from './strings.ts';

/**
 * A revoked device: says so with the server's reason, how many counts never reached the server,
 * and lets them be exported as files. It never deletes anything.
 */
export function RevokedScreen({
  db,
  lang,
  onLangChange,
  onChanged,
  revocation,
}: AccessScreenProps & { revocation: Revocation }) {
  const t = ACCESS_STRINGS[lang];
  const unsent = useLiveQuery(() => countPending(db), [db], null);
  const [error, setError] = useState<string | null>(null);

  async function exportAs(kind: 'json' | 'csv') {
    setError(null);
    try {
      const files = await unsentExport(db);
      if (kind === 'json') downloadText(`${files.fileBase}.json`, files.json, 'application/json');
      else downloadText(`${files.fileBase}.csv`, files.csv, 'text/csv;charset=utf-8');
    } catch (failure) {
      setError(t.failed(failure instanceof Error ? failure.message : String(failure)));
    }
  }

  return (
    <AccessLayout id="revoked" title={t.revoked.title} intro={t.revoked.intro} lang={lang} onLangChange={onLangChange}>
      <div class="access__card access__card--alert">
        <p class="access__label">{t.revoked.reason}</p>
        <p class="access__reason" data-testid="revocation-reason">
          {revocation.details
            ? t.revoked.revokedBy(
                revocation.details.revokedAt && formatDateTime(lang, revocation.details.revokedAt),
                revocation.details.revokedBy,
                revocation.details.reason,
              )
            : revocation.message}
        </p>
        <p class="access__text access__text--muted">{formatDateTime(lang, revocation.at)}</p>
      </div>
      {unsent !== null && (
        <div class="access__card">
          <p class="access__count" data-testid="unsent-count">
            {unsent > 0 ? t.revoked.unsent(formatNumber(lang, unsent)) : t.revoked.noneUnsent}
          </p>
          <p class="access__text">{t.revoked.keep}</p>
          {unsent > 0 && (
            <div class="access__actions">
              <button type="button" class="button button--primary access__big" onClick={() => void exportAs('json')}>
                {t.revoked.exportJson}
              </button>
              <button type="button" class="button access__big" onClick={() => void exportAs('csv')}>
                {t.revoked.exportCsv}
              </button>
            </div>
          )}
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
      <details class="access__card access__card--quiet access__again">
        <summary class="access__subtitle">{t.revoked.againTitle}</summary>
        <p class="access__text">{t.revoked.againIntro}</p>
        <EnrollPanel db={db} lang={lang} onChanged={onChanged} />
      </details>
    </AccessLayout>
  );
}
