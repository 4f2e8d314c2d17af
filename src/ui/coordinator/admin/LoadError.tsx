import { useAdminStrings } from '../admin-strings.ts';
import { apiErrorText } from './api-error-text.ts';

/** A failed load: what went wrong and a way to try again — never a blank panel. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useAdminStrings();
  return (
    <div class="message message--error admin-load-error" role="alert">
      <span>{t.errors.loadFailed(apiErrorText(t, error))}</span>
      <button type="button" class="button button--small" onClick={onRetry}>
        {t.common.retry}
      </button>
    </div>
  );
}
