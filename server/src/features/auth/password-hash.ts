/**
 * Password hashes with scrypt (node:crypto), in the PHC string format
 * `$scrypt$ln=15,r=8,p=3$<salt>$<hash>`: the parameters travel with each hash, so they can be
 * raised later without breaking the hashes already stored.
 *
 * N = 2^15, r = 8, p = 3 is one of OWASP's equivalent scrypt settings (32 MiB per hash, a fraction
 * of a second): the memory cost stays bounded when several sign-ins run at once.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters: N = 2^logN. */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { logN: 15, r: 8, p: 3 };

/** Shortest password `user:add` accepts. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted anywhere: bounds the work a request can ask of the server. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for stored parameters: a corrupted or hostile hash must not make a login use gigabytes.
const LOG_N_RANGE = [10, 20] as const;
const R_RANGE = [1, 32] as const;
const P_RANGE = [1, 16] as const;

function derive(password: string, salt: Buffer, length: number, params: ScryptParameters) {
  const options: ScryptOptions = {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    // Node's default ceiling is exactly 32 MiB, which N = 2^15, r = 8 just exceeds.
    maxmem: 256 * 2 ** params.logN * params.r,
  };
  return new Promise<Buffer>((resolveKey, rejectKey) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? rejectKey(error) : resolveKey(key),
    );
  });
}

const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hashes `password` with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${base64(salt)}$${base64(key)}`;
}

interface ParsedHash {
  params: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

const within = (value: number, [low, high]: readonly [number, number]) =>
  Number.isInteger(value) && value >= low && value <= high;

function parseHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    stored,
  );
  if (!match) {
    return null;
  }
  const params = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const allowed =
    within(params.logN, LOG_N_RANGE) && within(params.r, R_RANGE) && within(params.p, P_RANGE);
  if (!allowed) {
    return null;
  }
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const key = Buffer.from(match[5] ?? '', 'base64');
  return key.length >= 16 && salt.length >= 8 ? { params, salt, key } : null;
}

/**
 * True when `password` matches `stored`. Compares in constant time; a malformed hash is simply
 * no match, never an exception a caller could turn into a different answer.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) {
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** Why `password` cannot be used for a new account, or null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  return null;
}
