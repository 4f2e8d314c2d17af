import { useState } from 'preact/hooks';
import type { StockTake } from '../../../domain/reference-data.ts';
import { useApp } from '../../app-context.ts';
import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';

const FORMATS = ['csv', 'xlsx'] as const;

/** The stock-take's result per location, product and batch, as CSV or Excel, downloaded. */
export function ExportButtons({ stockTake }: { stockTake: StockTake }) {
  const t = useAdminStrings();
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download(format: (typeof FORMATS)[number]) {
    setBusy(true);
    setError(null);
    try {
      const id = encodeURIComponent(stockTake.id);
      await api.download(`/stock-takes/${id}/export.${format}`, `lagerkoll-${stockTake.id}.${format}`);
    } catch (failure) {
      setError(t.stockTake.exportFailed(apiErrorText(t, failure)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {FORMATS.map((format) => (
        <button key={format} type="button" class="button" disabled={busy} onClick={() => void download(format)}>
          {format === 'csv' ? t.stockTake.exportCsv : t.stockTake.exportXlsx}
        </button>
      ))}
      {error && (
        <p class="message message--error admin-export-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
