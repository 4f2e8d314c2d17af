import type { ImportPreviewAnswer } from '../../domain/overview/import-preview.ts';
import { formatNumber, useLang } from '../i18n.ts';
import { overviewStrings } from './overview-strings.ts';

/** What a file would change (or changed): rows, new, changed, unchanged, errors; then each error by row and column. */
export function ImportPreview({ preview }: { preview: ImportPreviewAnswer }) {
  const lang = useLang();
  const t = overviewStrings[lang].import;
  const n = (value: number) => formatNumber(lang, value);
  return (
    <div class="import-preview">
      <dl class="import-preview__counts" data-testid="import-counts">
        <div>
          <dt>{t.rows}</dt>
          <dd>{n(preview.rows)}</dd>
        </div>
        <div>
          <dt>{t.new}</dt>
          <dd data-testid="import-new">{n(preview.new)}</dd>
        </div>
        <div>
          <dt>{t.changed}</dt>
          <dd data-testid="import-changed">{n(preview.changed)}</dd>
        </div>
        <div>
          <dt>{t.unchanged}</dt>
          <dd>{n(preview.unchanged)}</dd>
        </div>
        <div data-tone={preview.errorCount > 0 ? 'error' : 'ok'}>
          <dt>{t.errors}</dt>
          <dd data-testid="import-error-count">{n(preview.errorCount)}</dd>
        </div>
      </dl>
      {preview.errors.length > 0 && (
        <>
          {preview.errorCount > preview.errors.length && (
            <p class="co-muted">{t.moreErrors(n(preview.errors.length), n(preview.errorCount))}</p>
          )}
          <div class="co-table-scroll import-preview__errors">
            <table class="co-table" data-testid="import-errors">
              <caption>{t.errorsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t.row}
                  </th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.problem}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((error, i) => (
                  <tr key={`${error.row}-${error.column}-${i}`}>
                    <td class="num">{n(error.row)}</td>
                    <td class="co-mono">{error.column ?? <span class="co-muted">{t.wholeRow}</span>}</td>
                    <td lang="en">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {lang !== 'en' && <p class="co-field__hint">{t.serverLanguage}</p>}
        </>
      )}
    </div>
  );
}
