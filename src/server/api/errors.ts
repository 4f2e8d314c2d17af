import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../domain/sync-protocol.ts';

export function apiError(c: Context, status: ContentfulStatusCode, error: string, message: string): Response {
  const body: ApiError = { error, message };
  return c.json(body, status);
}

/** Reads a JSON body, answering 415/400 with a clear message when it is not JSON. */
export async function readJsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return { ok: false, response: apiError(c, 415, 'unsupported_media_type', 'Send the body as application/json.') };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, response: apiError(c, 400, 'invalid_json', `The body is not valid JSON (${detail}).`) };
  }
}
