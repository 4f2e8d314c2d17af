import { timingSafeEqual } from 'node:crypto';
import type { AuthStore } from '../storage/auth-store.ts';
import { newOneTimeCode, normalizeOneTimeCode } from './one-time-codes.ts';
import { hashSecret } from './tokens.ts';

/**
 * The one-time set-up code that creates the first administrator. Made at start while the server has
 * no administrator, printed in the terminal (main.ts) and nowhere else, and kept here only as a hash,
 * in memory: valid until used, and a new one on every start until an administrator exists. There are
 * no default passwords.
 */
export class SetupGate {
  private codeHash: Buffer | null = null;

  /** Makes a new code, replacing any earlier one, and returns it to be shown once. */
  issue(): string {
    const code = newOneTimeCode();
    this.codeHash = Buffer.from(hashSecret(normalizeOneTimeCode(code) ?? code), 'hex');
    return code;
  }

  /** Whether a code is waiting to be used. */
  get open(): boolean {
    return this.codeHash !== null;
  }

  /** Whether `input` (as typed) is the current code; compared in constant time. */
  matches(input: string): boolean {
    const normalized = normalizeOneTimeCode(input);
    if (!this.codeHash || normalized === null) return false;
    return timingSafeEqual(Buffer.from(hashSecret(normalized), 'hex'), this.codeHash);
  }

  /** The code has been used: it never works again. */
  close(): void {
    this.codeHash = null;
  }
}

/** At start: a gate, and a code to print when the server still has no administrator (null otherwise). */
export async function prepareSetup(auth: AuthStore): Promise<{ gate: SetupGate; code: string | null }> {
  const gate = new SetupGate();
  const code = (await auth.hasAdministrator()) ? null : gate.issue();
  return { gate, code };
}
