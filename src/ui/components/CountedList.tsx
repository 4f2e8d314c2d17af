import type { StoredEvent } from '../../store/db.ts';
import { formatDate, formatNumber, formatTime, useLang, useStrings } from '../i18n.ts';

export interface CountedRow {
  event: StoredEvent;
  name: string;
}

/** The running list of standing counts, newest first, each with its way to the server. */
export function CountedList({ title, empty, rows }: { title: string; empty: string; rows: readonly CountedRow[] }) {
  const t = useStrings();
  const lang = useLang();
  return (
    <section class="counted-list" aria-labelledby="counted-list-title">
      <h3 id="counted-list-title" class="counted-list__title">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p class="counted-list__empty">{empty}</p>
      ) : (
        <ul class="counted-list__items">
          {rows.map(({ event, name }) => (
            <li key={event.id} class="counted" data-sync={event.sync} data-testid="event" data-event-id={event.id}>
              <div class="counted__main">
                <span class="counted__name">{name}</span>
                <span class="counted__facts">
                  {[
                    event.gtin ?? visibleScan(event.raw),
                    event.batch && `${t.count.batch} ${event.batch}`,
                    event.expiry && `${t.count.expiry} ${formatDate(event.expiry)}`,
                    event.serial && `${t.count.serial} ${event.serial}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <span class="counted__qty">× {formatNumber(lang, event.quantity)}</span>
              <div class="counted__meta">
                <span class="counted__time">{formatTime(lang, event.countedAt)}</span>
                <SyncBadge event={event} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** GS separators are invisible: show them as ␝ so a person can see the scan's structure. */
const visibleScan = (raw: string) => raw.replaceAll('\u001d', '␝');

export function SyncBadge({ event }: { event: StoredEvent }) {
  const t = useStrings();
  const label = event.sync === 'sent' ? t.stateSent : event.sync === 'rejected' ? t.stateRejected : t.statePending;
  const icon = event.sync === 'sent' ? '✓' : event.sync === 'rejected' ? '✕' : '↻';
  return (
    <span class="badge" data-state={event.sync} data-testid="sync-state">
      <span aria-hidden="true">{icon}</span> {label}
      {event.sync === 'rejected' && event.rejectReason ? <span class="badge__reason">{event.rejectReason}</span> : null}
    </span>
  );
}
