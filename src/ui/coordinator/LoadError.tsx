import { ApiCallError } from '../api-client.ts';
import { useLang } from '../i18n.ts';
import { overviewStrings } from './overview-strings.ts';

/** A failed fetch: what happened, in the reader's language where we can tell, and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = overviewStrings[useLang()];
  const offline = error instanceof ApiCallError && error.status === 0;
  const reason = error instanceof Error ? error.message : String(error);
  return (
    <div class="message message--error" role="alert">
      <p>{offline ? t.offline : t.loadFailed(reason)}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
