import type { SyncStatus } from '../../sync/sync-engine.ts';
import { formatNumber, formatTime, useLang, useStrings } from '../i18n.ts';

/** The header's promise: where the counts stand, always visible ("Offline · 37 waiting" / "All sent · last 14:32"). */
export function SyncBar({ status, onSendNow }: { status: SyncStatus; onSendNow: () => void }) {
  const t = useStrings();
  const lang = useLang();
  const waiting = status.pending > 0;
  const tone = status.phase === 'error' ? 'error' : waiting ? 'waiting' : 'ok';
  const headline =
    status.phase === 'syncing' && waiting
      ? t.statusSyncing
      : waiting
        ? t.statusWaiting(formatNumber(lang, status.pending))
        : status.lastContact
          ? t.statusAllSent(formatTime(lang, status.lastContact))
          : t.statusNeverContacted;
  const prefix =
    status.phase === 'offline' ? `${t.statusOffline} · ` : status.phase === 'error' ? `${t.statusError} · ` : '';
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
      {waiting && (
        <button type="button" class="button button--quiet" onClick={onSendNow}>
          {t.sendNow}
        </button>
      )}
    </header>
  );
}
