import { formatScanIssue } from '../../domain/gs1/index.ts';
import type { ExpiryStatus } from '../../domain/stock-take/expiry.ts';
import type { StoredEvent } from '../../store/db.ts';
import type { ScanOutcome } from '../counting/record-scan.ts';
import { formatDate, formatDateTime, formatNumber, type Lang, type Strings, useLang, useStrings } from '../i18n.ts';
import { productLabel } from './ProductName.tsx';

export type CardTone = 'ok' | 'warn' | 'error' | 'info';

/** The tone of the card: colour is never the only signal — each tone also has an icon and words. */
export function outcomeTone(outcome: ScanOutcome): CardTone {
  if (outcome.kind === 'counted')
    return outcome.expiry === 'expired' ? 'error' : outcome.expiry === 'near' ? 'warn' : 'ok';
  if (outcome.kind === 'already-counted') return 'warn';
  if (outcome.kind === 'location') return 'info';
  return 'error';
}

const ICONS: Record<CardTone, string> = { ok: '✓', warn: '⚠', error: '✕', info: '⌖' };

/**
 * The big card for the last scan, readable at arm's length: what was counted (or why not), its
 * batch, expiry (coloured, with icon and words) and serial, and how many.
 */
export function LastScanCard({
  outcome,
  event,
  locationName,
  onChangeQuantity,
}: {
  outcome: ScanOutcome;
  /** The standing count the card shows (after a quantity change, the replacement). */
  event: StoredEvent | null;
  locationName: (code: string | null) => string;
  onChangeQuantity?: () => void;
}) {
  const t = useStrings();
  const lang = useLang();
  const tone = outcomeTone(outcome);
  return (
    <article class="scan-card" data-tone={tone} data-testid="scan-card" data-event-id={event?.id} aria-live="assertive">
      <span class="scan-card__icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div class="scan-card__body">{cardBody(outcome, event, locationName, t, lang, onChangeQuantity)}</div>
    </article>
  );
}

function cardBody(
  outcome: ScanOutcome,
  event: StoredEvent | null,
  locationName: (code: string | null) => string,
  t: Strings,
  lang: Lang,
  onChangeQuantity?: () => void,
) {
  switch (outcome.kind) {
    case 'location':
      return <p class="scan-card__title">{t.count.locationSwitched(outcome.location.name)}</p>;
    case 'unreadable': {
      const issues = outcome.parsed.errors.length ? outcome.parsed.errors : [];
      const reason =
        outcome.problem === 'no-product-code'
          ? t.count.noProductCode
          : outcome.problem === 'case-without-contents'
            ? t.count.caseWithoutContents
            : null;
      return (
        <>
          <p class="scan-card__title">{t.count.unreadable}</p>
          {reason && <p class="scan-card__detail">{reason}</p>}
          {issues.slice(0, 3).map((issue) => (
            <p key={`${issue.code}-${issue.position ?? ''}`} class="scan-card__detail">
              {formatScanIssue(issue.code, issue.params ?? {}, lang)}
            </p>
          ))}
        </>
      );
    }
    case 'already-counted': {
      const { previous, draft } = outcome;
      return (
        <>
          <p class="scan-card__title">{productLabel(draft.product, lang, t.count.unknownProduct)}</p>
          <p class="scan-card__detail scan-card__strong">
            {t.count.already(locationName(previous.locationCode), formatDateTime(lang, previous.countedAt))}
          </p>
          <Details batch={draft.batch} expiry={null} status="unknown" serial={draft.serial} t={t} />
        </>
      );
    }
    case 'counted': {
      const { draft } = outcome;
      const quantity = event?.quantity ?? outcome.event.quantity;
      const name = productLabel(draft.product, lang, t.count.unknownProduct);
      return (
        <>
          <p class="scan-card__title" data-testid="scan-card-product">
            {name}
          </p>
          {!draft.product && <p class="scan-card__detail">{t.count.unknownHint}</p>}
          {draft.caseOf && (
            <p class="scan-card__detail">{t.count.caseOf(formatNumber(lang, draft.caseOf.packs), name)}</p>
          )}
          <Details
            batch={draft.batch}
            expiry={draft.expiry}
            dayZero={draft.expiryDayWasZero}
            status={outcome.expiry}
            serial={draft.serial}
            t={t}
          />
          <div class="scan-card__quantity-row">
            <span class="scan-card__quantity" data-testid="scan-card-quantity">
              × {formatNumber(lang, quantity)}
            </span>
            {onChangeQuantity && !draft.serial && (
              <button type="button" class="button" onClick={onChangeQuantity}>
                {t.count.setQuantity}
              </button>
            )}
          </div>
        </>
      );
    }
  }
}

function Details({
  batch,
  expiry,
  dayZero = false,
  status,
  serial,
  t,
}: {
  batch: string | null;
  expiry: string | null;
  dayZero?: boolean;
  status: ExpiryStatus;
  serial: string | null;
  t: Strings;
}) {
  const expiryText = expiry
    ? status === 'expired'
      ? t.count.expired(formatDate(expiry))
      : status === 'near'
        ? t.count.near(formatDate(expiry))
        : t.count.expiryOk(formatDate(expiry))
    : null;
  return (
    <dl class="scan-card__facts">
      {batch && (
        <div>
          <dt>{t.count.batch}</dt>
          <dd>{batch}</dd>
        </div>
      )}
      {expiryText && (
        <div class="scan-card__expiry" data-status={status} data-testid="scan-card-expiry">
          <dt>{t.count.expiry}</dt>
          <dd>
            <span aria-hidden="true">{status === 'expired' ? '✕ ' : status === 'near' ? '⚠ ' : ''}</span>
            {expiryText}
            {dayZero && <small> ({t.count.dayZero})</small>}
          </dd>
        </div>
      )}
      {serial && (
        <div>
          <dt>{t.count.serial}</dt>
          <dd>{serial}</dd>
        </div>
      )}
    </dl>
  );
}
