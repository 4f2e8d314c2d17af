import { localDate } from '../../domain/stock-take/expiry.ts';
import { buildReview } from '../../domain/stock-take/review.ts';
import { catalogMap, eventsAtLocation, locationsInScope } from '../../store/stock-takes.ts';
import { useApp } from '../app-context.ts';
import { productLabel } from '../components/ProductName.tsx';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { formatDate, formatNumber, useLang, useStrings } from '../i18n.ts';

/** What was counted at one location, before moving on. Never shows expected quantities. */
export function SummaryScreen({ stockTakeId, locationCode }: { stockTakeId: string; locationCode: string }) {
  const t = useStrings();
  const lang = useLang();
  const { db, navigate, settings } = useApp();
  const data = useLiveQuery(
    async () => {
      const stockTake = await db.stockTakes.get(stockTakeId);
      const locations = stockTake ? await locationsInScope(db, stockTake) : [];
      const events = await eventsAtLocation(db, stockTakeId, locationCode);
      return { locations, catalog: await catalogMap(db), events };
    },
    [db, stockTakeId, locationCode],
    null,
  );
  if (!data) return null;
  const review = buildReview(data.events, {
    mode: 'blind',
    locationCode,
    today: localDate(new Date()),
    nearExpiryDays: settings.nearExpiryDays,
  });
  const index = data.locations.findIndex((l) => l.code === locationCode);
  const next = data.locations[index + 1];
  const n = (x: number) => formatNumber(lang, x);

  return (
    <section class="screen" aria-labelledby="summary-title">
      <h2 id="summary-title" class="screen__title">
        {t.summary.title(data.locations[index]?.name ?? locationCode)}
      </h2>
      <p class="screen__meta" data-testid="summary-totals">
        {t.summary.products(n(review.lines.length))} · {t.summary.total(n(review.totalPacks))}
      </p>
      <ul class="summary-list">
        {review.lines.map((line) => (
          <li key={line.gtin ?? 'none'} class="summary-list__item">
            <span class="summary-list__name">
              {productLabel(line.gtin ? data.catalog.get(line.gtin) : undefined, lang, t.count.unknownProduct)}
            </span>
            <span class="summary-list__qty">× {n(line.quantity)}</span>
            <span class="summary-list__batches">
              {line.batches
                .map(
                  (b) =>
                    `${b.batch ?? t.review.noBatch} · ${b.expiry ? formatDate(b.expiry) : t.review.noExpiry} × ${n(b.quantity)}`,
                )
                .join('; ')}
            </span>
          </li>
        ))}
      </ul>
      <div class="screen__actions">
        <button
          type="button"
          class="button"
          onClick={() => navigate({ name: 'count', stockTakeId, locationCode }, true)}
        >
          {t.summary.again}
        </button>
        <button
          type="button"
          class="button button--primary"
          onClick={() =>
            navigate(
              next ? { name: 'count', stockTakeId, locationCode: next.code } : { name: 'locations', stockTakeId },
            )
          }
        >
          {next ? `${t.summary.next}: ${next.name}` : t.locations.title}
        </button>
      </div>
    </section>
  );
}
