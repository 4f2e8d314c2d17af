import { gs1CheckDigit } from '../../../src/domain/gs1/check-digits.ts';
import type { ServerProcess } from '../../support/server-process.ts';

/** A JSON call to the server's API (`path` under /api/v1); throws with the answer when it is not 2xx. */
export async function apiCall<T>(
  server: ServerProcess,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A GTIN-13 of GS1's example prefix (0950600…) with the right check digit, as GTIN-14: a product to import. */
export function exampleGtin(item: string): string {
  const body = `0950600${item}`.padEnd(12, '0').slice(0, 12);
  return `0${body}${gs1CheckDigit(`0${body}0`, 13)}`;
}
