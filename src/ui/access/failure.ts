import { revocationDetailsOf } from '../../domain/auth/api.ts';
import { ApiCallError } from '../api-client.ts';
import type { AccessStrings } from './strings.ts';

/**
 * What to tell the person when an online step fails: no network, too many attempts, a refusal the
 * step itself explains (`refused`: a wrong password, a used code), or the server's own words.
 */
export function describeFailure(error: unknown, t: AccessStrings, refused?: string): string {
  if (!(error instanceof ApiCallError)) return t.failed(error instanceof Error ? error.message : String(error));
  if (error.status === 0) return t.offline;
  if (error.status === 429) return t.rateLimited;
  if (error.code === 'user_revoked') {
    const details = revocationDetailsOf(error.body);
    return details ? t.signIn.revokedBy(details.revokedBy, details.reason) : t.signIn.revoked(error.message);
  }
  if (refused && [401, 403, 404, 410].includes(error.status)) return refused;
  return t.failed(error.message);
}

/** True when the server refused this device (revoked): the gate should show the revoked screen. */
export function deviceRevoked(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'device_revoked';
}
