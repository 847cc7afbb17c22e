/** Session cookies, secret comparison and role checks: the pure parts of sign-in. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import type { Account } from '../../server/src/features/auth/account.types.ts';
import {
  canEditLine,
  isOwnExpertCard,
  requireRole,
  SIGN_IN_REQUIRED,
} from '../../server/src/features/auth/authorization.ts';
import {
  clearedSessionCookie,
  overTls,
  readSessionCookie,
  sessionCookie,
} from '../../server/src/features/auth/session-cookie.ts';
import { hashSessionId, secretsEqual } from '../../server/src/features/auth/sign-in.ts';

const account = (role: Account['role'], lineCodes: string[] = []): Account => ({
  id: `account-${role}`,
  email: `${role}@example.fi`,
  role,
  expertId: null,
  lineCodes,
});

describe('session cookie', () => {
  it('is read from a Cookie header among others', () => {
    expect(readSessionCookie('a=1; metro_session=abc_DEF-123; b=2')).toBe('abc_DEF-123');
    expect(readSessionCookie('metro_session_x=1; xmetro_session=2')).toBeNull();
    expect(readSessionCookie('metro_session=')).toBeNull();
    expect(readSessionCookie(undefined)).toBeNull();
  });

  it('is HttpOnly, SameSite=Lax, Path=/, expires, and Secure only when asked', () => {
    const plain = sessionCookie('id', { maxAgeSeconds: 28_800, secure: false });
    expect(plain).toBe('metro_session=id; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax');
    expect(sessionCookie('id', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toMatch(/^metro_session=; Path=\/; Max-Age=0/);
  });

  it('counts as over TLS for an encrypted socket or a proxy saying https', () => {
    expect(overTls(true, undefined)).toBe(true);
    expect(overTls(undefined, 'https')).toBe(true);
    expect(overTls(undefined, 'https, http')).toBe(true);
    expect(overTls(false, 'http')).toBe(false);
    expect(overTls(undefined, undefined)).toBe(false);
  });

  it('is stored only as its SHA-256', () => {
    expect(hashSessionId('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('compares CSRF tokens exactly', () => {
    expect(secretsEqual('token-1', 'token-1')).toBe(true);
    expect(secretsEqual('token-1', 'token-2')).toBe(false);
    expect(secretsEqual('', 'token-1')).toBe(false);
    expect(secretsEqual('token-1x', 'token-1')).toBe(false);
  });
});

describe('authorization', () => {
  it('asks anonymous callers to sign in, with code FORBIDDEN', () => {
    expect(() => requireRole({ account: null })).toThrow(SIGN_IN_REQUIRED);
    try {
      requireRole({ account: null }, 'viewer');
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('FORBIDDEN');
    }
  });

  it('lets a listed role and admin through, and refuses the others', () => {
    expect(requireRole({ account: account('coordinator') }, 'coordinator').role).toBe(
      'coordinator',
    );
    expect(requireRole({ account: account('admin') }, 'coordinator').role).toBe('admin');
    expect(requireRole({ account: account('viewer') }).role).toBe('viewer');
    expect(() => requireRole({ account: account('viewer') }, 'coordinator', 'researcher')).toThrow(
      /Roolisi ei salli/,
    );
  });

  it('lets admins edit every line and coordinators their own lines only', () => {
    expect(canEditLine(account('admin'), 'L7')).toBe(true);
    expect(canEditLine(account('coordinator', ['L3', 'L8']), 'L8')).toBe(true);
    expect(canEditLine(account('coordinator', ['L3', 'L8']), 'l3')).toBe(true);
    expect(canEditLine(account('coordinator', ['L3', 'L8']), 'L1')).toBe(false);
    expect(canEditLine(account('researcher'), 'L3')).toBe(false);
    expect(canEditLine(account('viewer'), 'L3')).toBe(false);
    expect(canEditLine(null, 'L3')).toBe(false);
  });

  it('knows an expert’s own card', () => {
    const expert = { ...account('viewer'), expertId: 'expert-0012' };
    expect(isOwnExpertCard(expert, 'expert-0012')).toBe(true);
    expect(isOwnExpertCard(expert, 'expert-0013')).toBe(false);
    expect(isOwnExpertCard(account('admin'), 'expert-0012')).toBe(false);
  });
});

describe('sign-in configuration', () => {
  it('gives 8-hour sessions by default and refuses a session length of 0', () => {
    expect(loadConfig({}).SESSION_TTL_HOURS).toBe(8);
    expect(loadConfig({ SESSION_TTL_HOURS: '0.5' }).SESSION_TTL_HOURS).toBe(0.5);
    expect(() => loadConfig({ SESSION_TTL_HOURS: '0' })).toThrow(/SESSION_TTL_HOURS/);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });
});
