import type { Context } from 'hono';
import { apiError, readJsonBody, summarizeIssues } from './errors.ts';

interface BodySchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** A JSON body checked with its zod schema: the value, or the 415/400 answer that says what is wrong. */
export async function parseJsonBody<T>(
  c: Context,
  schema: BodySchema<T>,
  what: string,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJsonBody(c);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_request', `Invalid ${what}: ${summarizeIssues(parsed.error.issues)}`),
    };
  }
  return { ok: true, value: parsed.data };
}
