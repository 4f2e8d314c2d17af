import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '../../domain/sync-protocol.ts';

export function apiError(c: Context, status: ContentfulStatusCode, error: ApiErrorCode, message: string): Response {
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

/** Zod issues in one line for an error message: at most five, each with its path. */
export function summarizeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
