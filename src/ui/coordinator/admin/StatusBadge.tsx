import type { StockTakeStatus } from '../../../domain/reference-data.ts';
import { useAdminStrings } from '../admin-strings.ts';

const TONE: Record<StockTakeStatus, string> = { open: 'info', submitted: 'warn', approved: 'ok' };

/** A stock-take's status as a coloured word (colour is never the only signal: the word is there). */
export function StatusBadge({ status }: { status: StockTakeStatus }) {
  const t = useAdminStrings();
  return (
    <span class="co-badge" data-tone={TONE[status]} data-testid="stock-take-status">
      {t.status[status]}
    </span>
  );
}
