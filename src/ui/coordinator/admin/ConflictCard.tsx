import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConflictView, ResolveConflict } from '../../../domain/overview/stock-take-admin.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatNumber, useLang } from '../../i18n.ts';
import { type AdminStrings, useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';
import { ProductText } from './ProductText.tsx';
import { isSettled, resolutionsFor } from './stock-take-rules.ts';

export interface ConflictCardProps {
  conflict: ConflictView;
  locationName: (code: string) => string;
  productName: (gtin: string) => string | null;
  userName: (id: string) => string;
  /** Whether the signed-in user may resolve conflicts (and the stock-take is not approved). */
  mayResolve: boolean;
  onResolve: (request: ResolveConflict) => Promise<void>;
}

/**
 * One conflict: what disagrees (a place, or a serial), each device's total and who counted it, and
 * the resolutions that fit; once decided, the decision and who made it.
 */
export function ConflictCard({
  conflict,
  locationName,
  productName,
  userName,
  mayResolve,
  onResolve,
}: ConflictCardProps) {
  const t = useAdminStrings();
  const lang = useLang();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askingRecount, setAskingRecount] = useState(false);
  const recountButton = useRef<HTMLButtonElement>(null);
  const actions = mayResolve ? resolutionsFor(conflict) : [];
  const state = isSettled(conflict) ? 'resolved' : conflict.resolution?.kind === 'recount' ? 'recount' : 'open';
  const where = conflict.locationCode ? locationName(conflict.locationCode) : t.common.none;

  async function resolve(request: Omit<ResolveConflict, 'conflictId'>) {
    setBusy(true);
    setError(null);
    try {
      await onResolve({ conflictId: conflict.id, ...request });
      setAskingRecount(false);
    } catch (failure) {
      setError(apiErrorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="admin-conflict" data-state={state} data-testid="conflict" aria-labelledby={`${id}-title`}>
      <header class="admin-conflict__header">
        <h3 id={`${id}-title`} class="admin-conflict__title">
          {conflict.kind === 'serial'
            ? t.conflicts.serialTitle(conflict.serial ?? '')
            : t.conflicts.locationTitle(where)}
        </h3>
        <ConflictStateBadge state={state} t={t} />
      </header>
      <dl class="admin-facts">
        <div>
          <dt>{t.conflicts.product}</dt>
          <dd>
            <ProductText gtin={conflict.gtin} name={productName(conflict.gtin)} />
          </dd>
        </div>
        {/* A serialised pack is one pack whatever its batch: the batch is named only when known. */}
        {(conflict.kind === 'location-totals' || conflict.batch !== null) && (
          <div>
            <dt>{t.conflicts.batch}</dt>
            <dd class="co-mono">{conflict.batch ?? t.conflicts.noBatch}</dd>
          </div>
        )}
        {conflict.kind === 'serial' && conflict.locationCode && (
          <div>
            <dt>{t.conflicts.location}</dt>
            <dd>{where}</dd>
          </div>
        )}
      </dl>
      <table class="co-table admin-conflict__totals">
        <thead>
          <tr>
            <th scope="col">{t.conflicts.device}</th>
            <th scope="col" class="num">
              {t.conflicts.quantity}
            </th>
            <th scope="col">{t.conflicts.countedBy}</th>
            {actions.includes('accept-device') && <th scope="col">{t.conflicts.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {conflict.totals.map((total) => (
            <tr key={total.deviceId} data-testid="conflict-device">
              <th scope="row" id={`${id}-${total.deviceId}`}>
                {total.deviceLabel ?? total.deviceId}
              </th>
              <td class="num">{formatNumber(lang, total.quantity)}</td>
              <td>{total.userIds.map(userName).join(', ') || t.common.none}</td>
              {actions.includes('accept-device') && (
                <td>
                  <button
                    type="button"
                    class="button button--small"
                    disabled={busy}
                    aria-describedby={`${id}-${total.deviceId}`}
                    onClick={() => void resolve({ kind: 'accept-device', deviceId: total.deviceId })}
                  >
                    {conflict.kind === 'serial' ? t.conflicts.acceptSerial : t.conflicts.accept}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {conflict.resolution && <ResolutionText conflict={conflict} userName={userName} />}
      {(actions.includes('separate-zones') || actions.includes('recount')) && !askingRecount && (
        <div class="admin-conflict__actions">
          {actions.includes('separate-zones') && (
            <button
              type="button"
              class="button button--small"
              disabled={busy}
              title={t.conflicts.separateZonesHint}
              onClick={() => void resolve({ kind: 'separate-zones' })}
            >
              {t.conflicts.separateZones}
            </button>
          )}
          {actions.includes('recount') && (
            <button
              ref={recountButton}
              type="button"
              class="button button--small"
              disabled={busy}
              onClick={() => setAskingRecount(true)}
            >
              {t.conflicts.recount}
            </button>
          )}
        </div>
      )}
      {askingRecount && (
        <RecountForm
          busy={busy}
          onSend={(reason) => void resolve({ kind: 'recount', reason })}
          onCancel={() => {
            setAskingRecount(false);
            // Back to the button that opened the form (it returns with the next render).
            requestAnimationFrame(() => recountButton.current?.focus());
          }}
        />
      )}
      <ErrorMessage>{error}</ErrorMessage>
    </article>
  );
}

function ConflictStateBadge({ state, t }: { state: 'open' | 'recount' | 'resolved'; t: AdminStrings }) {
  const [tone, text] =
    state === 'resolved'
      ? ['ok', t.conflicts.resolved]
      : state === 'recount'
        ? ['warn', t.conflicts.waitingForRecount]
        : ['error', t.conflicts.open];
  return (
    <span class="co-badge" data-tone={tone} data-testid="conflict-state">
      {text}
    </span>
  );
}

/** The decision in words: whose count stands, or that a recount is awaited. */
function ResolutionText({ conflict, userName }: { conflict: ConflictView; userName: (id: string) => string }) {
  const t = useAdminStrings();
  const lang = useLang();
  const resolution = conflict.resolution;
  if (!resolution) return null;
  const who = userName(resolution.decidedBy);
  const at = formatDateTime(lang, resolution.decidedAt);
  const device = conflict.totals.find((total) => total.deviceId === resolution.deviceId);
  const text =
    resolution.kind === 'accept-device'
      ? t.conflicts.acceptedBy(device?.deviceLabel ?? resolution.deviceId ?? '', who, at)
      : resolution.kind === 'separate-zones'
        ? t.conflicts.separatedBy(who, at)
        : t.conflicts.recountBy(who, at);
  return (
    <p class="admin-conflict__resolution" data-testid="conflict-resolution">
      {text}
    </p>
  );
}

/** "Request recount": the reason the device will show, then send — inline, no dialog needed (it can be redone). */
function RecountForm({
  busy,
  onSend,
  onCancel,
}: {
  busy: boolean;
  onSend: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useAdminStrings();
  const [reason, setReason] = useState(t.conflicts.recountReasonDefault);
  const field = useRef<HTMLTextAreaElement>(null);
  // The form opens on a click: the keyboard goes straight to the reason. A layout effect, so the
  // field never exists unfocused: keys typed right after the click land in it (with useEffect they
  // could arrive first and go to the button; CI saw the field unfocused once).
  useLayoutEffect(() => field.current?.focus(), []);
  return (
    <form
      class="admin-recount"
      onSubmit={(e) => {
        e.preventDefault();
        onSend(reason.trim());
      }}
    >
      <label class="co-field">
        <span class="co-field__label">{t.conflicts.recountReason}</span>
        <textarea
          class="co-input admin-textarea"
          rows={2}
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          ref={field}
        />
      </label>
      <div class="admin-conflict__actions">
        <button type="submit" class="button button--small" disabled={busy}>
          {busy ? t.conflicts.resolving : t.conflicts.sendRecount}
        </button>
        <button type="button" class="button button--small" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
