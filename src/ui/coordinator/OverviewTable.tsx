import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { OverviewRow } from '../../domain/overview/model.ts';
import type { Product } from '../../domain/reference-data.ts';
import { formatDate, formatNumber, type Lang, useLang } from '../i18n.ts';
import { CatalogProductDialog } from './CatalogProductDialog.tsx';
import { formatPercent, productName } from './format.ts';
import { type OverviewStrings, overviewStrings } from './overview-strings.ts';
import { RouteLink } from './RouteLink.tsx';
import { coverageTone, expiryStatus } from './stock-figures.ts';
import { TargetEditor } from './TargetEditor.tsx';

interface OverviewTableProps {
  rows: readonly OverviewRow[];
  /** The overview's query string: the drill-down carries it, so "back" returns to the same filters. */
  query: string;
  canEditTargets: boolean;
  /** Administrators: a row whose product is not in the catalog offers "Add to catalog". */
  canAddToCatalog: boolean;
  today: Date;
  onTargetSaved: (message: string) => void;
  onProductSaved: (product: Product) => void;
}

/**
 * One row per site and product, in the server's order (lowest coverage first). Every figure links
 * to the drill-down: the batches and the count events behind it.
 */
export function OverviewTable({
  rows,
  query,
  canEditTargets,
  canAddToCatalog,
  today,
  onTargetSaved,
  onProductSaved,
}: OverviewTableProps) {
  const lang = useLang();
  const t = overviewStrings[lang];
  const [editing, setEditing] = useState<string | null>(null);
  /** The row whose "Add to catalog" dialog is open. */
  const [adding, setAdding] = useState<string | null>(null);

  function closeEditor(key: string) {
    setEditing(null);
    // Back to the button that opened the editor, so the keyboard user keeps their place.
    requestAnimationFrame(() => document.getElementById(`edit-${key}`)?.focus());
  }

  return (
    <div class="co-table-scroll overview-table">
      <table class="co-table">
        <caption class="visually-hidden">{t.overview.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.overview.colSite}</th>
            <th scope="col">{t.overview.colProduct}</th>
            <th scope="col">{t.overview.colGtin}</th>
            <th scope="col" class="num">
              {t.overview.colCounted}
              <span class="co-table__sub">{t.overview.colCountedHint}</span>
            </th>
            <th scope="col" class="num">
              {t.overview.colProvisional}
              <span class="co-table__sub">{t.overview.colProvisionalHint}</span>
            </th>
            <th scope="col" class="num">
              {t.overview.colTarget}
            </th>
            <th scope="col">{t.overview.colCoverage}</th>
            <th scope="col">{t.overview.colExpiry}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = `${row.siteCode}-${row.gtin}`;
            const name = productName(row, lang, t.overview.unknownProduct);
            const drill = (what: string, children: ComponentChildren) => (
              <RouteLink
                route={{ name: 'drill', siteCode: row.siteCode, gtin: row.gtin }}
                query={query}
                aria-label={t.overview.drillLabel(what, name, row.siteCode)}
              >
                {children}
              </RouteLink>
            );
            return (
              <tr key={key} data-testid="overview-row" data-site={row.siteCode} data-gtin={row.gtin}>
                <td class="overview-table__site">
                  <span class="co-mono">{row.siteCode}</span>
                  {row.siteName && (
                    <span class="co-table__sub overview-table__site-name" title={row.siteName}>
                      {row.siteName}
                    </span>
                  )}
                </td>
                <th scope="row" class="overview-table__product">
                  {name}
                  {row.atc && <span class="co-table__sub">ATC {row.atc}</span>}
                </th>
                <td class="overview-table__gtin">
                  <span class="co-mono">{row.gtin}</span>
                  {canAddToCatalog && row.productNameSv === null && (
                    <button
                      type="button"
                      class="button button--small overview-table__add"
                      aria-label={t.catalog.addLabel(row.gtin)}
                      aria-haspopup="dialog"
                      onClick={() => setAdding(row.gtin)}
                    >
                      <span aria-hidden="true">+</span> {t.catalog.add}
                    </button>
                  )}
                </td>
                <td class="num">
                  {row.countedPacks === null ? (
                    <span class="co-muted">{t.overview.notCounted}</span>
                  ) : (
                    drill(
                      `${t.overview.colCounted} ${formatNumber(lang, row.countedPacks)}`,
                      formatNumber(lang, row.countedPacks),
                    )
                  )}
                </td>
                <td class="num">
                  {row.provisionalPacks === null ? (
                    <span class="co-muted">–</span>
                  ) : (
                    drill(
                      `${t.overview.colProvisional} ${formatNumber(lang, row.provisionalPacks)}`,
                      <span class="provisional" title={t.overview.provisionalTitle}>
                        {formatNumber(lang, row.provisionalPacks)}{' '}
                        <span class="co-badge" data-tone="info">
                          {t.overview.provisionalMark}
                        </span>
                      </span>,
                    )
                  )}
                </td>
                <td class="num overview-table__target">
                  {editing === key ? (
                    <TargetEditor
                      siteCode={row.siteCode}
                      gtin={row.gtin}
                      current={row.targetPacks}
                      productName={name}
                      siteName={row.siteCode}
                      onSaved={(message) => {
                        closeEditor(key);
                        onTargetSaved(message);
                      }}
                      onClose={() => closeEditor(key)}
                    />
                  ) : (
                    <span class="overview-table__target-view">
                      {row.targetPacks === null ? (
                        <span class="co-muted">{t.overview.noTarget}</span>
                      ) : (
                        drill(
                          `${t.overview.colTarget} ${formatNumber(lang, row.targetPacks)}`,
                          formatNumber(lang, row.targetPacks),
                        )
                      )}
                      {canEditTargets && (
                        <button
                          type="button"
                          id={`edit-${key}`}
                          class="button button--small button--quiet overview-table__edit"
                          aria-label={t.target.editLabel(name, row.siteCode)}
                          title={t.target.edit}
                          onClick={() => setEditing(key)}
                        >
                          <span aria-hidden="true">✎</span>
                        </button>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <Coverage row={row} lang={lang} t={t} drill={drill} />
                </td>
                <td>
                  <Expiry row={row} today={today} t={t} drill={drill} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {adding !== null && (
        <CatalogProductDialog
          gtin={adding}
          onSaved={(product) => {
            setAdding(null);
            onProductSaved(product);
          }}
          onClose={() => setAdding(null)}
        />
      )}
    </div>
  );
}

type Drill = (what: string, children: ComponentChildren) => ComponentChildren;

/** The coverage as a number, a bar against 100 % and, under target, a word and an icon (never colour alone). */
function Coverage({ row, lang, t, drill }: { row: OverviewRow; lang: Lang; t: OverviewStrings; drill: Drill }) {
  const tone = coverageTone(row.coveragePercent);
  if (row.coveragePercent === null) return <span class="co-muted">–</span>;
  const percent = formatPercent(lang, row.coveragePercent);
  const word = tone === 'critical' ? t.overview.coverageCritical : tone === 'under' ? t.overview.coverageUnder : null;
  const longWord = tone === 'critical' ? t.overview.coverageCriticalLong : t.overview.coverageUnderLong;
  return (
    <span class="coverage" data-tone={tone}>
      <span class="coverage__line">
        <span class="coverage__meter" aria-hidden="true">
          <span class="coverage__fill" style={{ width: `${Math.min(100, row.coveragePercent)}%` }} />
        </span>
        <span class="coverage__value">{drill(`${t.overview.colCoverage} ${percent}`, percent)}</span>
      </span>
      {word && (
        <span class="co-badge" data-tone={tone === 'critical' ? 'error' : 'warn'} title={longWord}>
          <span aria-hidden="true">▼</span> {word}
        </span>
      )}
    </span>
  );
}

function Expiry({ row, today, t, drill }: { row: OverviewRow; today: Date; t: OverviewStrings; drill: Drill }) {
  if (row.earliestExpiry === null) return <span class="co-muted">–</span>;
  const status = expiryStatus(row.earliestExpiry, today);
  const date = formatDate(row.earliestExpiry);
  return (
    <span class="expiry" data-status={status}>
      {drill(`${t.overview.colExpiry} ${date}`, date)}
      {status === 'expired' && (
        <span class="co-badge" data-tone="error">
          <span aria-hidden="true">✕</span> {t.overview.expired}
        </span>
      )}
      {status === 'near' && (
        <span class="co-badge" data-tone="warn" title={t.overview.nearExpiry}>
          <span aria-hidden="true">!</span> <span aria-hidden="true">{t.overview.nearExpiryShort}</span>
          <span class="visually-hidden">{t.overview.nearExpiry}</span>
        </span>
      )}
    </span>
  );
}
