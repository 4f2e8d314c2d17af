import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod/mini';
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

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** A 400 naming what was wrong; zod/mini says only "Invalid input" about a field it does not know, so name the field. */
export function invalidRequest(c: Context, what: string, issues: readonly Issue[]): Response {
  const named = issues.map((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? { ...issue, message: `unknown field ${issue.keys.join(', ')}` }
      : issue,
  );
  return apiError(c, 400, 'invalid_request', `${what}: ${summarizeIssues(named)}`);
}

/** A JSON body as `schema` reads it, or the answer (415/400) that says what is wrong with it. */
export async function readBody<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
  what: string,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const json = await readJsonBody(c);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: invalidRequest(c, `Invalid ${what}`, parsed.error.issues) };
}
