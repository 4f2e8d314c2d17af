import type { ApiErrorCode } from '../domain/sync-protocol.ts';
import type { ApiClient } from './api-client.ts';

export interface LazyApiClientOptions {
  getSessionToken: () => string | null;
  /** The device credential of an enrolled device, sent along so the server knows which device acts. */
  getDeviceCredential: () => string | null;
  onUnauthorized?: (code: ApiErrorCode | null) => void;
}

/**
 * The app's API client (api-client.ts), loaded on its first call: it parses every answer with the
 * shared schemas, which the first paint does not need (a counting tablet may never call it).
 */
export function lazyApiClient({
  getSessionToken,
  getDeviceCredential,
  onUnauthorized,
}: LazyApiClientOptions): ApiClient {
  let loading: Promise<ApiClient> | null = null;
  const client = () => {
    loading ??= Promise.all([import('./api-client.ts'), import('../domain/auth/api.ts')]).then(
      ([{ createApiClient }, { DEVICE_CREDENTIAL_HEADER }]) =>
        createApiClient({
          getSessionToken,
          onUnauthorized,
          extraHeaders: (): Record<string, string> => {
            const credential = getDeviceCredential();
            return credential ? { [DEVICE_CREDENTIAL_HEADER]: credential } : {};
          },
        }),
      (error: unknown) => {
        loading = null; // offline before the chunk was cached: the next call tries again
        throw error;
      },
    );
    return loading;
  };
  return {
    get: async (path, schema) => (await client()).get(path, schema),
    send: async (method, path, body, schema) => (await client()).send(method, path, body, schema),
    upload: async (path, file, schema) => (await client()).upload(path, file, schema),
    download: async (path, fileName) => (await client()).download(path, fileName),
  };
}
