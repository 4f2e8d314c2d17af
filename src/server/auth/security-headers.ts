import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy of the app and the API. Scripts, styles, workers and connections only
 * from the app's own origin; 'wasm-unsafe-eval' lets the barcode decoder (zxing-wasm, its .wasm
 * served from /assets) compile WebAssembly without allowing eval; images may be data:/blob: URLs
 * (the enrollment QR code, camera snapshots); nothing may frame the app. The built index.html has
 * no inline script or style (checked by test/server/auth/security-headers.test.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  workerSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Security headers on every answer, the app's files and the API alike (hono/secure-headers). */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: ['self'] },
    // Without includeSubDomains: the server's host name must not decide for its neighbours.
    strictTransportSecurity: 'max-age=15552000',
  });
}

/**
 * CORS stays closed: the app and the API share one origin, so no answer ever carries an
 * Access-Control-* header (a preflight gets none either, and the browser refuses the cross-origin
 * call). This strips any that a future middleware might add.
 */
export const noCors: MiddlewareHandler = async (c, next) => {
  await next();
  const names = [...c.res.headers.keys()].filter((name) => name.toLowerCase().startsWith('access-control-'));
  for (const name of names) c.res.headers.delete(name);
};
