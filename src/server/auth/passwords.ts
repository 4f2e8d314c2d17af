import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto): salted, and the cost parameters travel in the hash
 * string, so raising them later still verifies every stored hash. Format:
 *   scrypt$ln=15,r=8,p=3$<salt, base64url>$<hash, base64url>
 * ln is log2(N). N=2^15, r=8, p=3 is one of OWASP's equivalent minimum settings: 32 MiB, and about
 * 0.1–0.3 s per hash on a server core (docs/decisions.md).
 */
export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { ln: 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** A stored hash asking for more than this is refused rather than computed (a corrupt or hostile row). */
const MAX_LN = 20;
const MAX_R = 16;
const MAX_P = 4;

/** 16 bytes of salt and 32 of key in base64url are 22 and 43 characters (a shorter key would match a prefix). */
const HASH_PATTERN = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/;

function derive(password: string, salt: Buffer, keyLength: number, { ln, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new salted hash of the password, to store (never the password). */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, parameters);
  const { ln, r, p } = parameters;
  return `scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether the password matches the stored hash (compared in constant time). A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const parameters = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (parameters.ln < 1 || parameters.ln > MAX_LN || parameters.r < 1 || parameters.r > MAX_R) return false;
  if (parameters.p < 1 || parameters.p > MAX_P) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), expected.length, parameters);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing anyone knows, checked when a username does not exist or has no password, so
 * that a refused sign-in takes as long either way and does not tell which usernames exist.
 */
let decoy: Promise<string> | null = null;
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
}
