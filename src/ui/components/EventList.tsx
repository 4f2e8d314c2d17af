import type { StoredEvent } from '../../store/db.ts';
import { formatNumber, formatTime, useLang, useStrings } from '../i18n.ts';

/** GS separators are invisible: show them as ␝ so a person can see the scan's structure. */
const visibleScan = (raw: string) => raw.replaceAll('\u001d', '␝');

export function EventList({ events }: { events: readonly StoredEvent[] }) {
  const t = useStrings();
  const lang = useLang();
  return (
    <section class="event-list" aria-labelledby="event-list-title">
      <h2 id="event-list-title" class="event-list__title">
        {t.counted}
      </h2>
      {events.length === 0 ? (
        <p class="event-list__empty">{t.nothingYet}</p>
      ) : (
        <ul class="event-list__items">
          {events.map((event) => (
            <li key={event.id} class="event" data-sync={event.sync} data-testid="event">
              <div class="event__main">
                <span class="event__gtin">{event.gtin ?? t.noGtin}</span>
                <span class="event__raw">{visibleScan(event.raw)}</span>
              </div>
              <span class="event__qty">× {formatNumber(lang, event.quantity)}</span>
              <span class="event__time">{formatTime(lang, event.countedAt)}</span>
              <SyncBadge event={event} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SyncBadge({ event }: { event: StoredEvent }) {
  const t = useStrings();
  const label = event.sync === 'sent' ? t.stateSent : event.sync === 'rejected' ? t.stateRejected : t.statePending;
  const icon = event.sync === 'sent' ? '✓' : event.sync === 'rejected' ? '✕' : '↻';
  return (
    <span
      class="badge"
      data-state={event.sync}
      data-testid="sync-state"
      title={event.sync === 'rejected' ? event.rejectReason : undefined}
    >
      <span aria-hidden="true">{icon}</span> {label}
      {event.sync === 'rejected' && event.rejectReason ? <span class="badge__reason">{event.rejectReason}</span> : null}
    </span>
  );
}
