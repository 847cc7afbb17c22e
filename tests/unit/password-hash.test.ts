/** Password hashes: salted scrypt with its parameters in the hash, checked in constant time. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMETERS,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../../server/src/features/auth/password-hash.ts';

// Cheap parameters keep these tests fast; the format and the checks are the same.
const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('accept the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('oikea hevonen patteri', CHEAP);
    expect(await verifyPassword('oikea hevonen patteri', stored)).toBe(true);
    expect(await verifyPassword('oikea hevonen patteri ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('are salted: the same password never gives the same hash', async () => {
    const first = await hashPassword('sama salasana tässä', CHEAP);
    const second = await hashPassword('sama salasana tässä', CHEAP);
    expect(first).not.toBe(second);
    expect(await verifyPassword('sama salasana tässä', second)).toBe(true);
  });

  it('carry their parameters, so hashes made with other settings still verify', async () => {
    const stored = await hashPassword('parametrit mukana', DEFAULT_SCRYPT_PARAMETERS);
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword('parametrit mukana', stored)).toBe(true);
    const cheap = await hashPassword('parametrit mukana', CHEAP);
    expect(cheap.startsWith('$scrypt$ln=10,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('parametrit mukana', cheap)).toBe(true);
  });

  it('treat a password and its Unicode-normalised form alike', async () => {
    const composed = 'Sällström-Ääkkönen';
    const stored = await hashPassword(composed, CHEAP);
    expect(await verifyPassword(composed.normalize('NFD'), stored)).toBe(true);
  });

  it('answer no match, never an error, for malformed or hostile hashes', async () => {
    const stored = await hashPassword('jokin salasana', CHEAP);
    const [, , , salt, key] = stored.split('$');
    for (const bad of [
      '',
      'plaintext',
      `$argon2id$v=19$m=65536,t=3,p=4$${salt}$${key}`,
      `$scrypt$ln=30,r=8,p=1$${salt}$${key}`,
      `$scrypt$ln=10,r=8,p=99$${salt}$${key}`,
      `$scrypt$ln=10,r=8,p=1$${salt}$`,
      `$scrypt$ln=10,r=8,p=1$${salt}$QUJD`,
    ]) {
      expect(await verifyPassword('jokin salasana', bad), bad).toBe(false);
    }
  });

  it(`refuse passwords under ${MIN_PASSWORD_LENGTH} characters for new accounts`, () => {
    expect(passwordProblem('lyhyt')).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(12))).toBeNull();
    expect(passwordProblem('a'.repeat(5000))).toMatch(/at most/);
  });
});
