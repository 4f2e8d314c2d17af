import { useState } from 'preact/hooks';
import { useApp } from '../app-context.ts';
import { useLang } from '../i18n.ts';
import { exportFileName } from './format.ts';
import { filterApiQuery, type OverviewFilters } from './overview-filters.ts';
import { overviewStrings } from './overview-strings.ts';
import { isoDay } from './stock-figures.ts';

type Format = 'csv' | 'xlsx';

/** Stock and expiries as CSV (Swedish Excel: `;`, UTF-8 with BOM — made by the server) or XLSX, with the screen's filters. */
export function ExportButtons({ filters }: { filters: OverviewFilters }) {
  const { api } = useApp();
  const t = overviewStrings[useLang()].overview;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = filterApiQuery(filters);

  async function download(what: 'stock' | 'expiries', format: Format) {
    const key = `${what}.${format}`;
    const path = what === 'stock' ? '/overview/export' : '/overview/expiries/export';
    const name = exportFileName(
      what === 'stock' ? 'lagerkoll-lager' : 'lagerkoll-utgangar',
      [filters.region, filters.site, filters.atc],
      isoDay(new Date()),
      format,
    );
    setBusy(key);
    setError(null);
    try {
      await api.download(`${path}.${format}${query ? `?${query}` : ''}`, name);
    } catch (failure) {
      setError(t.exportFailed(failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setBusy(null);
    }
  }

  const group = (what: 'stock' | 'expiries', label: string) => (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics.
    <div class="export-buttons__group" role="group" aria-label={label}>
      <span class="export-buttons__label" aria-hidden="true">
        {label}
      </span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="button button--small"
          aria-label={t.exportLabel(label, format.toUpperCase())}
          disabled={busy !== null}
          aria-busy={busy === `${what}.${format}` ? 'true' : undefined}
          onClick={() => void download(what, format)}
        >
          {format === 'csv' ? t.exportCsv : t.exportXlsx}
        </button>
      ))}
    </div>
  );

  return (
    <div class="export-buttons">
      {group('stock', t.exportStock)}
      {group('expiries', t.exportExpiries)}
      {error && (
        <p class="message message--error export-buttons__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
