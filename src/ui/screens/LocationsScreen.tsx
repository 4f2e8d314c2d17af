import { useState } from 'preact/hooks';
import { activeCounts } from '../../domain/stock-take/corrections.ts';
import { locationOfLabel } from '../../domain/stock-take/location-label.ts';
import { pendingRecounts } from '../../domain/stock-take/recounts.ts';
import { eventsOfStockTake, locationsInScope } from '../../store/stock-takes.ts';
import { useApp } from '../app-context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ScanField } from '../components/ScanField.tsx';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useScannerBursts } from '../hooks/use-scanner-bursts.ts';
import { formatNumber, useLang, useStrings } from '../i18n.ts';

export function LocationsScreen({ stockTakeId }: { stockTakeId: string }) {
  const t = useStrings();
  const lang = useLang();
  const { db, navigate, settings } = useApp();
  const [message, setMessage] = useState<string | null>(null);
  const data = useLiveQuery(
    async () => {
      const stockTake = await db.stockTakes.get(stockTakeId);
      if (!stockTake) return null;
      const [locations, events] = await Promise.all([
        locationsInScope(db, stockTake),
        eventsOfStockTake(db, stockTakeId),
      ]);
      const perLocation = new Map<string, number>();
      for (const e of activeCounts(events)) {
        if (e.locationCode) perLocation.set(e.locationCode, (perLocation.get(e.locationCode) ?? 0) + e.quantity);
      }
      // A supervisor asked for these to be counted again (a conflict between devices): flagged until done.
      return { stockTake, locations, perLocation, recounts: pendingRecounts(stockTake, events) };
    },
    [db, stockTakeId],
    undefined,
  );
  function onScanLabel(raw: string) {
    const location = locationOfLabel(raw, data?.locations ?? []);
    if (location) navigate({ name: 'count', stockTakeId, locationCode: location.code });
    else setMessage(t.locations.unknownLabel(raw));
  }

  // A location label scanned with a hand scanner, wherever the focus is.
  useScannerBursts((raw) => onScanLabel(raw), settings.gsSubstitute);

  if (data === undefined) return null;
  if (data === null) {
    navigate({ name: 'start' }, true);
    return null;
  }
  const { stockTake, locations, perLocation, recounts } = data;
  const onScan = onScanLabel;

  return (
    <section class="screen" aria-labelledby="locations-title">
      <p class="screen__eyebrow">{stockTake.name}</p>
      <h2 id="locations-title" class="screen__title">
        {t.locations.title}
      </h2>
      <ScanField label={t.locations.scanLabel} onScan={onScan} />
      <ErrorMessage>{message}</ErrorMessage>
      <ul class="card-list card-list--grid">
        {locations.map((location) => {
          const packs = perLocation.get(location.code);
          const recount = recounts.get(location.code);
          return (
            <li key={location.code}>
              <button
                type="button"
                class="card card--button"
                data-counted={packs !== undefined && !recount}
                data-recount={recount !== undefined}
                onClick={() => navigate({ name: 'count', stockTakeId, locationCode: location.code })}
              >
                <span class="card__title">{location.name}</span>
                <span class="card__line card__code">{location.code}</span>
                <span class="card__line">
                  {packs === undefined ? (
                    t.locations.notCounted
                  ) : (
                    <>
                      <span aria-hidden="true">✓ </span>
                      {t.locations.counted(formatNumber(lang, packs))}
                    </>
                  )}
                </span>
                {recount && (
                  <span class="card__line card__badge card__badge--warning">
                    <span aria-hidden="true">↻ </span>
                    {t.locations.recountRequested(recount.reason)}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        class="button button--primary button--wide"
        onClick={() => navigate({ name: 'review', stockTakeId })}
      >
        {t.locations.review}
      </button>
    </section>
  );
}
