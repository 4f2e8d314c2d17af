import { formatNumber, useLang } from '../i18n.ts';
import { pageCount } from './overview-filters.ts';
import { overviewStrings } from './overview-strings.ts';

/** Previous / next page of the overview, and where we are. */
export function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const lang = useLang();
  const t = overviewStrings[lang].overview;
  const pages = pageCount(total);
  return (
    <nav class="co-pager" aria-label={t.pager}>
      <button type="button" class="button button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t.previous}
      </button>
      <p class="co-pager__status">
        {t.summary(formatNumber(lang, total), formatNumber(lang, page), formatNumber(lang, pages))}
      </p>
      <button type="button" class="button button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t.next} →
      </button>
    </nav>
  );
}
