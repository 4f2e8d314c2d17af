import type { StockTakeProgress } from '../../../domain/overview/stock-take-admin.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { countedShare } from './stock-take-rules.ts';

/** How far the counting has come: a bar of counted locations, then one row per location. */
export function LocationProgressTable({
  progress,
  deviceLabel,
}: {
  progress: StockTakeProgress;
  deviceLabel: (id: string) => string;
}) {
  const t = useAdminStrings();
  const lang = useLang();
  const n = (x: number) => formatNumber(lang, x);
  const { totals } = progress;
  const summary = t.progress.summary(n(totals.countedLocations), n(totals.locations), n(totals.packs));
  return (
    <section class="co-panel" aria-labelledby="admin-progress-title">
      <h2 id="admin-progress-title" class="co-panel__title">
        {t.progress.title}
      </h2>
      <div class="admin-progress">
        <progress class="admin-progress__bar" max={100} value={countedShare(progress)} aria-label={summary} />
        <span data-testid="progress-summary">{summary}</span>
      </div>
      {progress.locations.length === 0 ? (
        <p class="co-muted">{t.progress.none}</p>
      ) : (
        <div class="co-table-scroll admin-table-scroll">
          <table class="co-table" data-testid="location-progress">
            <thead>
              <tr>
                <th scope="col">{t.progress.location}</th>
                <th scope="col" class="num">
                  {t.progress.lines}
                </th>
                <th scope="col" class="num">
                  {t.progress.packs}
                </th>
                <th scope="col">{t.progress.devices}</th>
                <th scope="col">{t.progress.lastCount}</th>
              </tr>
            </thead>
            <tbody>
              {progress.locations.map((location) => (
                <tr key={location.locationCode} data-counted={location.lines > 0}>
                  <th scope="row">
                    {location.locationName ?? location.locationCode}
                    <span class="co-table__sub co-mono">{location.locationCode}</span>
                    {location.recountRequested && (
                      <span class="co-badge" data-tone="warn">
                        {t.progress.recountRequested}
                      </span>
                    )}
                  </th>
                  <td class="num">{n(location.lines)}</td>
                  <td class="num">{n(location.packs)}</td>
                  <td>{location.deviceIds.map(deviceLabel).join(', ') || t.common.none}</td>
                  <td class="co-mono">
                    {location.lastCountedAt ? (
                      formatDateTime(lang, location.lastCountedAt)
                    ) : (
                      <span class="co-muted">{t.progress.notCounted}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
