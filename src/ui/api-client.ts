import { type ApiErrorCode, apiErrorSchema } from '../domain/sync-protocol.ts';
import { downloadBlob } from './download.ts';

/** The bits of a zod schema the client needs: parse an answer, or say what is wrong with it. */
interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** A refused or failed API call, with the server's error code and message when it sent one. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    /** 0: no answer (offline, timeout). */
    readonly status: number,
    readonly code: ApiErrorCode | null,
    /** The parsed body of the answer (e.g. a 422 import preview, a 409 with open conflicts). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * The coordinator and administrator API from the app: every call carries the signed-in user's
 * session (`Authorization: Bearer`), every answer is parsed with the shared schema, and a 401
 * (session over, user revoked) is reported once to `onUnauthorized` so the app can ask for a new
 * sign-in. The sync endpoints do not use this: they go through src/sync with the device credential.
 */
export interface ApiClient {
  get<T>(path: string, schema: AnswerSchema<T>): Promise<T>;
  send<T>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: AnswerSchema<T>,
  ): Promise<T>;
  /** Sends a file as the request body (an import), with its content type. */
  upload<T>(path: string, file: Blob, schema: AnswerSchema<T>): Promise<T>;
  /** Fetches a file (an export) and hands it to the browser as a download. */
  download(path: string, fileName: string): Promise<void>;
}

export interface ApiClientOptions {
  getSessionToken: () => string | null;
  /** Called with the error code of a 401 answer. */
  onUnauthorized?: (code: ApiErrorCode | null) => void;
  /** Extra headers for every call (the device credential on an enrolled device). */
  extraHeaders?: () => Record<string, string>;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  baseUrl?: string;
  timeoutMs?: number;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

  async function call(
    method: string,
    path: string,
    body: BodyInit | undefined,
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.extraHeaders?.() };
    const token = options.getSessionToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}/api/v1${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new ApiCallError(
        `No connection to the server (${error instanceof Error ? error.message : String(error)}).`,
        0,
        null,
      );
    }
    if (response.ok) return response;
    const detail = await response.json().catch(() => null);
    const parsed = apiErrorSchema.safeParse(detail);
    const code = parsed.success ? parsed.data.error : null;
    if (response.status === 401) options.onUnauthorized?.(code);
    throw new ApiCallError(
      parsed.success ? parsed.data.message : `The server answered ${response.status}.`,
      response.status,
      code,
      detail,
    );
  }

  async function parse<T>(response: Response, schema: AnswerSchema<T>): Promise<T> {
    const value = await response.json().catch(() => undefined);
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new ApiCallError(
        `The server's answer was not understood: ${result.error.message}`,
        response.status,
        null,
        value,
      );
    }
    return result.data;
  }

  return {
    async get(path, schema) {
      return parse(await call('GET', path, undefined), schema);
    },
    async send(method, path, body, schema) {
      return parse(await call(method, path, JSON.stringify(body ?? {}), 'application/json'), schema);
    },
    async upload(path, file, schema) {
      return parse(await call('POST', path, file, file.type || 'application/octet-stream'), schema);
    },
    async download(path, fileName) {
      downloadBlob(fileName, await (await call('GET', path, undefined)).blob());
    },
  };
}
