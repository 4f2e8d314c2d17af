import type { SyncStatus } from '../../sync/sync-engine.ts';
import { formatDateTime, formatNumber, formatTime, useLang, useStrings } from '../i18n.ts';

/**
 * The header's promise: where the counts stand, always visible ("Offline · 37 waiting" / "All sent ·
 * last 14:32"), with a warning when unsent counts are over a day old and a stronger one at three days.
 */
export function SyncBar({ status, onSendNow }: { status: SyncStatus; onSendNow: () => void }) {
  const t = useStrings();
  const lang = useLang();
  const waiting = status.pending > 0;
  const refused =
    status.phase === 'error' ||
    status.phase === 'update-required' ||
    status.phase === 'revoked' ||
    status.phase === 'storage-full';
  const tone = refused || status.pendingAge === 'three-days' ? 'error' : waiting ? 'waiting' : 'ok';
  const headline =
    status.phase === 'revoked'
      ? t.statusRevoked
      : status.phase === 'not-enrolled'
        ? t.statusNotEnrolled
        : status.phase === 'syncing' && waiting
          ? t.statusSyncing
          : waiting
            ? t.statusWaiting(formatNumber(lang, status.pending))
            : status.lastContact
              ? t.statusAllSent(formatTime(lang, status.lastContact))
              : t.statusNeverContacted;
  const prefix =
    status.phase === 'offline'
      ? `${t.statusOffline} · `
      : status.phase === 'error'
        ? `${t.statusError} · `
        : status.phase === 'storage-full'
          ? `${t.statusStorageFull} · `
          : '';
  const warnings = [
    status.phase === 'update-required' ? t.statusUpdateRequired : null,
    status.phase === 'storage-full' ? t.statusStorageFullHelp : null,
    // The server's own words when it refused the device (e.g. a credential it does not know).
    status.phase === 'error' && status.lastError ? status.lastError : null,
    status.pendingAge === 'three-days' && status.oldestPendingAt
      ? t.statusWaitingThreeDays(formatDateTime(lang, status.oldestPendingAt))
      : status.pendingAge === 'day' && status.oldestPendingAt
        ? t.statusWaitingDay(formatDateTime(lang, status.oldestPendingAt))
        : null,
    status.rejected > 0 ? t.statusRejected(formatNumber(lang, status.rejected)) : null,
    status.clockSkewed ? t.statusClockSkewed : null,
  ].filter((w): w is string => w !== null);

  return (
    <header class="sync-bar" data-tone={tone}>
      <h1 class="sync-bar__title">{t.appName}</h1>
      <p class="sync-bar__status" role="status" aria-live="polite" data-testid="sync-status">
        <span aria-hidden="true" class="sync-bar__icon">
          {tone === 'ok' ? '✓' : tone === 'error' ? '!' : '↻'}
        </span>
        {prefix}
        {headline}
      </p>
      {waiting && status.phase !== 'revoked' && status.phase !== 'not-enrolled' && (
        <button type="button" class="button button--quiet" onClick={onSendNow}>
          {t.sendNow}
        </button>
      )}
      {warnings.length > 0 && (
        <ul class="sync-bar__warnings" data-testid="sync-warnings">
          {warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
