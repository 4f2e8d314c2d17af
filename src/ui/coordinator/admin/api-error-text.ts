import { ApiCallError } from '../../api-client.ts';
import type { AdminStrings } from '../admin-strings.ts';

/** What went wrong with an API call, in the person's language, saying what to do where we can. */
export function apiErrorText(t: AdminStrings, error: unknown): string {
  if (!(error instanceof ApiCallError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t.errors.offline;
  if (error.code === 'session_expired' || error.code === 'unauthenticated' || error.code === 'user_revoked') {
    return t.errors.session;
  }
  if (error.code === 'forbidden') return t.errors.forbidden;
  if (error.code === 'not_found') return t.errors.notFound;
  return t.errors.server(error.message);
}
