import { useId, useState } from 'preact/hooks';
import type { StockTakeProgress } from '../../../domain/overview/stock-take-admin.ts';
import { stockTakeSchema } from '../../../domain/reference-data.ts';
import { useApp } from '../../app-context.ts';
import { formatNumber, useLang } from '../../i18n.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { approveBlock, maySubmit } from './stock-take-rules.ts';

interface StockTakeActionsProps {
  progress: StockTakeProgress;
  /** After a step succeeded: what to tell the person. */
  onDone: (message: string) => void;
  /** After a refused step (e.g. a conflict appeared meanwhile): fetch the state again. */
  onStale: () => void;
}

/**
 * Submit (counting is done) and Approve, each behind a confirmation (UX.md: finishing a stock-take
 * is one of the few steps that asks first). Approve says why it is disabled when it is.
 */
export function StockTakeActions({ progress, onDone, onStale }: StockTakeActionsProps) {
  const t = useAdminStrings();
  const lang = useLang();
  const { api, user } = useApp();
  const id = useId();
  const [asking, setAsking] = useState<'submit' | 'approve' | null>(null);
  const { stockTake, totals } = progress;
  const block = approveBlock(progress, user);
  const path = `/stock-takes/${encodeURIComponent(stockTake.id)}`;
  const n = (x: number) => formatNumber(lang, x);

  async function run(step: 'submit' | 'approve') {
    try {
      await api.send('POST', `${path}/${step}`, {}, stockTakeSchema);
    } catch (error) {
      onStale();
      throw error;
    }
    setAsking(null);
    onDone(step === 'approve' ? t.stockTake.approvedMessage : t.stockTake.submittedMessage);
  }

  const blockText =
    block === 'open-conflicts'
      ? t.stockTake.approveBlocked['open-conflicts'](n(progress.openConflicts))
      : block
        ? t.stockTake.approveBlocked[block]
        : null;

  return (
    <div class="admin-st-actions">
      {maySubmit(stockTake, user) && (
        <button type="button" class="button" onClick={() => setAsking('submit')}>
          {t.stockTake.submit}
        </button>
      )}
      {block !== 'approved' && (
        <button
          type="button"
          class="button button--primary"
          disabled={block !== null}
          aria-describedby={blockText ? `${id}-why` : undefined}
          onClick={() => setAsking('approve')}
        >
          {t.stockTake.approve}
        </button>
      )}
      {blockText && block !== 'approved' && (
        <p id={`${id}-why`} class="admin-st-actions__why" data-testid="approve-blocked">
          {blockText}
        </p>
      )}
      {asking === 'submit' && (
        <ConfirmDialog
          title={t.stockTake.submitTitle}
          confirmLabel={t.stockTake.submit}
          onConfirm={() => run('submit')}
          onClose={() => setAsking(null)}
        >
          <p>{t.stockTake.submitText}</p>
        </ConfirmDialog>
      )}
      {asking === 'approve' && (
        <ConfirmDialog
          title={t.stockTake.approveTitle}
          confirmLabel={t.stockTake.approve}
          onConfirm={() => run('approve')}
          onClose={() => setAsking(null)}
        >
          <p>{t.stockTake.approveText(n(totals.countedLocations), n(totals.locations), n(totals.packs))}</p>
          {totals.lines === 0 && <p class="message message--error">{t.stockTake.approveNothingCounted}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
