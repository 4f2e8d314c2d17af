import type { MiddlewareHandler } from 'hono';
import {
  APP_VERSION_HEADER,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  type UpgradeRequired,
} from '../../domain/sync-protocol.ts';
import { apiError } from './errors.ts';

/**
 * Version negotiation for the sync endpoints. A device whose protocol is older than the server
 * serves, or whose app is older than the operator's minimum (MIN_APP_VERSION), gets 426 with a
 * typed body and nothing is stored: it must update the app, after which its pending events —
 * whatever event format they were counted in — are accepted and upgraded. A request without the
 * protocol header comes from protocol 1, which never sent it.
 */
export function versionGate(minAppVersion: string | null): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header(PROTOCOL_VERSION_HEADER);
    const protocol = header === undefined ? 1 : /^\d{1,4}$/.test(header) ? Number(header) : Number.NaN;
    if (Number.isNaN(protocol)) {
      return apiError(c, 400, 'invalid_request', `The ${PROTOCOL_VERSION_HEADER} header must be a whole number.`);
    }
    if (protocol > PROTOCOL_VERSION) {
      return apiError(
        c,
        400,
        'protocol_too_new',
        `This server speaks sync protocol ${PROTOCOL_VERSION}, the app ${protocol}: the server is being upgraded; try again later.`,
      );
    }
    const appVersion = c.req.header(APP_VERSION_HEADER) ?? null;
    const appTooOld = minAppVersion !== null && (appVersion === null || compareVersions(appVersion, minAppVersion) < 0);
    if (protocol < MIN_PROTOCOL_VERSION || appTooOld) {
      const body: UpgradeRequired = {
        error: 'upgrade_required',
        message: 'This version of the app is too old for the server. Update the app; your counts are kept.',
        clientProtocolVersion: protocol,
        minProtocolVersion: MIN_PROTOCOL_VERSION,
        serverProtocolVersion: PROTOCOL_VERSION,
        minAppVersion,
      };
      return c.json(body, 426);
    }
    await next();
  };
}

/** Compares dotted version numbers (1.10.0 > 1.9.3); anything after a '-' or '+' is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (v.split(/[-+]/)[0] ?? '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
