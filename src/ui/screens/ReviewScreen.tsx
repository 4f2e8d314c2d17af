import { useState } from 'preact/hooks';
import { can } from '../../domain/auth/roles.ts';
import { localDate } from '../../domain/stock-take/expiry.ts';
import { reviewToCsv } from '../../domain/stock-take/export.ts';
import { type BatchLine, buildReview, type ExpiredPack, type Review } from '../../domain/stock-take/review.ts';
import { recountLine } from '../../store/corrections.ts';
import type { StoredEvent } from '../../store/db.ts';
import { countPending } from '../../store/events.ts';
import { catalogMap, eventsOfStockTake, locationsInScope } from '../../store/stock-takes.ts';
import { useApp } from '../app-context.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { productLabel } from '../components/ProductName.tsx';
import { QuantityKeypad } from '../components/QuantityKeypad.tsx';
import { downloadText, safeFileName } from '../download.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { formatDate, formatNumber, type Lang, useLang, useStrings } from '../i18n.ts';
import { saveFailureText } from '../save-failure.ts';

/**
 * The stock-take review: grouped by product, then batch and expiry, with totals; in a guided count
 * the expected quantity and the variance (never in a blind count); expired and near-expiry packs;
 * recount a line; export and print.
 */
export function ReviewScreen({ stockTakeId }: { stockTakeId: string }) {
  const t = useStrings();
  const lang = useLang();
  const { db, sync, settings, user } = useApp();
  const [recounting, setRecounting] = useState<{ key: string; line: BatchLine; name: string } | null>(null);
  const [recountError, setRecountError] = useState<string | null>(null);

  const data = useLiveQuery(
    async () => {
      const stockTake = await db.stockTakes.get(stockTakeId);
      if (!stockTake) return null;
      const [events, catalog, locations, expectations] = await Promise.all([
        eventsOfStockTake(db, stockTakeId),
        catalogMap(db),
        locationsInScope(db, stockTake),
        stockTake.mode === 'guided' ? db.expectations.where('stockTakeId').equals(stockTakeId).toArray() : [],
      ]);
      return { stockTake, events, catalog, locations, expectations };
    },
    [db, stockTakeId],
    undefined,
  );
  if (!data) return null;
  const { stockTake, events, catalog, locations } = data;
  const review: Review = buildReview(events, {
    mode: stockTake.mode,
    expectations: data.expectations,
    today: localDate(new Date()),
    nearExpiryDays: settings.nearExpiryDays,
  });
  const name = (gtin: string | null) =>
    productLabel(gtin ? catalog.get(gtin) : undefined, lang, t.count.unknownProduct);
  const locationName = (code: string) => locations.find((l) => l.code === code)?.name ?? code;
  const n = (x: number) => formatNumber(lang, x);
  const guided = review.mode === 'guided';

  async function applyRecount(line: BatchLine, quantity: number) {
    setRecounting(null);
    const byId = new Map(events.map((e) => [e.id, e]));
    const standing = line.eventIds.map((id) => byId.get(id)).filter((e): e is StoredEvent => !!e);
    setRecountError(null);
    try {
      // The recount is made by whoever is signed in, and names them.
      await recountLine(db, standing, quantity, user?.id ?? null);
    } catch (error) {
      // The line keeps the counts that are stored.
      setRecountError(saveFailureText(error, t.notChanged));
      return;
    }
    void sync.noteSaved();
  }

  function exportCsv() {
    const csv = reviewToCsv(review, name, lang);
    downloadText(`${safeFileName(stockTake.name)}-${localDate(new Date())}.csv`, csv, 'text/csv;charset=utf-8');
  }

  function exportJson() {
    const body = {
      stockTake: { id: stockTake.id, name: stockTake.name, siteCode: stockTake.siteCode, mode: stockTake.mode },
      exportedAt: new Date().toISOString(),
      review,
    };
    downloadText(
      `${safeFileName(stockTake.name)}-${localDate(new Date())}.json`,
      `${JSON.stringify(body, null, 2)}\n`,
      'application/json',
    );
  }

  return (
    <section class="screen review" aria-labelledby="review-title">
      <p class="screen__eyebrow">{stockTake.name}</p>
      <h2 id="review-title" class="screen__title">
        {t.review.title}
      </h2>
      <p class="screen__meta" data-testid="review-totals">
        {t.review.total}: {n(review.totalPacks)}
        {review.mode === 'guided' && ` · ${t.review.expected}: ${n(review.totalExpected)}`}
      </p>
      <div class="screen__actions no-print">
        <button type="button" class="button" onClick={exportCsv}>
          {t.review.exportCsv}
        </button>
        <button type="button" class="button" onClick={exportJson}>
          {t.review.exportJson}
        </button>
        <button type="button" class="button" onClick={() => print()}>
          {t.review.print}
        </button>
      </div>
      {stockTake.status === 'open' && <SubmitStockTake stockTakeId={stockTake.id} />}
      {recounting && (
        <QuantityKeypad
          initial={recounting.line.quantity}
          label={`${t.review.recountPrompt}: ${recounting.name}`}
          onApply={(q) => void applyRecount(recounting.line, q)}
          onCancel={() => setRecounting(null)}
        />
      )}
      <ErrorMessage>{recountError}</ErrorMessage>
      {review.lines.length === 0 ? (
        <p>{t.review.empty}</p>
      ) : (
        <div class="review-table-scroll">
          <table class="review-table" data-testid="review-table">
            <thead>
              <tr>
                <th scope="col">{t.review.product}</th>
                <th scope="col">{t.review.where}</th>
                <th scope="col" class="num">
                  {t.review.counted}
                </th>
                {guided && (
                  <>
                    <th scope="col" class="num">
                      {t.review.expected}
                    </th>
                    <th scope="col" class="num">
                      {t.review.variance}
                    </th>
                  </>
                )}
                <th scope="col" class="no-print">
                  <span class="visually-hidden">{t.review.recount}</span>
                </th>
              </tr>
            </thead>
            {review.lines.map((line) => (
              <tbody key={line.gtin ?? 'none'} class="review-table__product">
                <tr class="review-table__product-row">
                  <th scope="row" colSpan={2}>
                    {name(line.gtin)}
                    <span class="review-table__gtin">{line.gtin}</span>
                  </th>
                  <td class="num">{n(line.quantity)}</td>
                  {'expected' in line && (
                    <>
                      <td class="num">{n(line.expected)}</td>
                      <td class="num" data-variance={Math.sign(line.difference)}>
                        {signed(line.difference, lang)}
                      </td>
                    </>
                  )}
                  <td class="no-print" />
                </tr>
                {line.batches.map((batch) => {
                  const key = `${line.gtin}|${batch.batch}|${batch.expiry}`;
                  return (
                    <tr key={key} class="review-table__batch-row" data-expiry={batch.expiryStatus}>
                      <td>
                        {batch.batch ?? t.review.noBatch} ·{' '}
                        {batch.expiry ? formatDate(batch.expiry) : t.review.noExpiry}
                        {batch.expiryStatus === 'expired' && (
                          <span class="flag flag--error"> ✕ {t.count.expired('')}</span>
                        )}
                        {batch.expiryStatus === 'near' && <span class="flag flag--warn"> ⚠</span>}
                      </td>
                      <td>{batch.locationCodes.map(locationName).join(', ')}</td>
                      <td class="num">{n(batch.quantity)}</td>
                      {'expected' in batch && (
                        <>
                          <td class="num">{batch.expected === null ? '' : n(batch.expected as number)}</td>
                          <td class="num">
                            {batch.difference === null ? '' : signed(batch.difference as number, lang)}
                          </td>
                        </>
                      )}
                      <td class="no-print">
                        <button
                          type="button"
                          class="button"
                          onClick={() => setRecounting({ key, line: batch, name: name(line.gtin) })}
                        >
                          {t.review.recount}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <PackList
        title={t.review.expiredTitle}
        packs={review.expired}
        name={name}
        locationName={locationName}
        tone="error"
      />
      <PackList
        title={t.review.nearTitle(n(settings.nearExpiryDays))}
        packs={review.nearExpiry}
        name={name}
        locationName={locationName}
        tone="warn"
      />
    </section>
  );
}

function PackList({
  title,
  packs,
  name,
  locationName,
  tone,
}: {
  title: string;
  packs: readonly ExpiredPack[];
  name: (gtin: string | null) => string;
  locationName: (code: string) => string;
  tone: 'error' | 'warn';
}) {
  const lang = useLang();
  if (packs.length === 0) return null;
  return (
    <section class={`pack-list pack-list--${tone}`} data-testid={`packs-${tone}`}>
      <h3>
        <span aria-hidden="true">{tone === 'error' ? '✕ ' : '⚠ '}</span>
        {title}
      </h3>
      <ul>
        {packs.map((p) => (
          <li key={`${p.gtin}|${p.batch}|${p.expiry}`}>
            {name(p.gtin)} · {p.batch ?? ''} · {formatDate(p.expiry)} · × {formatNumber(lang, p.quantity)} ·{' '}
            {p.locationCodes.map(locationName).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

function signed(n: number, lang: Lang): string {
  return n > 0 ? `+${formatNumber(lang, n)}` : formatNumber(lang, n);
}

/**
 * "Counting is done": tells the supervisor the stock-take is ready to review (online, with the
 * signed-in user's session). Every count must have reached the server first, or the supervisor would
 * review less than was counted: until then the button sends them instead.
 */
function SubmitStockTake({ stockTakeId }: { stockTakeId: string }) {
  const t = useStrings();
  const lang = useLang();
  const { db, sync, api, user } = useApp();
  const pending = useLiveQuery(() => countPending(db), [db], 0);
  const [state, setState] = useState<{ busy: boolean; done: boolean; error: string | null }>({
    busy: false,
    done: false,
    error: null,
  });
  if (!user || !can(user.role, 'stock-takes:submit')) return null;

  async function submit() {
    setState({ busy: true, done: false, error: null });
    try {
      if (pending > 0) {
        await sync.syncNow();
        if ((await countPending(db)) > 0) throw new Error(t.review.submitUnsent(formatNumber(lang, pending)));
      }
      const { stockTakeSchema } = await import('../../domain/reference-data.ts');
      await api.send('POST', `/stock-takes/${encodeURIComponent(stockTakeId)}/submit`, {}, stockTakeSchema);
      // The new status comes to the device with the next pull.
      void sync.syncNow();
      setState({ busy: false, done: true, error: null });
    } catch (error) {
      setState({ busy: false, done: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="screen__actions no-print">
      <button type="button" class="button button--primary" onClick={() => void submit()} disabled={state.busy}>
        {state.busy ? t.review.submitting : t.review.submit}
      </button>
      {state.done && (
        <p class="message" role="status">
          {t.review.submitted}
        </p>
      )}
      <ErrorMessage>{state.error && t.review.submitFailed(state.error)}</ErrorMessage>
    </div>
  );
}
