/**
 * The pure parts of signing in through the identity provider: claims to e-mail and role, the
 * path to return to, and the sealed login cookie.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/features/auth/account.types.ts';
import {
  claimAt,
  emailFromClaims,
  roleFromClaims,
  safeReturnPath,
  withSignInError,
} from '../../server/src/features/auth/oidc-claims.ts';
import {
  OIDC_LOGIN_TTL_SECONDS,
  OidcLoginSealer,
  oidcLoginCookie,
} from '../../server/src/features/auth/oidc-login-cookie.ts';

const identityMap = new Map<string, Role>([
  ['viewer', 'viewer'],
  ['coordinator', 'coordinator'],
  ['researcher', 'researcher'],
  ['admin', 'admin'],
]);

describe('role from the role claim', () => {
  it('maps the role names themselves by default', () => {
    expect(roleFromClaims({ roles: ['researcher'] }, 'roles', identityMap)).toBe('researcher');
    expect(roleFromClaims({ roles: 'coordinator' }, 'roles', identityMap)).toBe('coordinator');
  });

  it('gives viewer for a missing claim, unknown values or values of the wrong type', () => {
    expect(roleFromClaims({}, 'roles', identityMap)).toBe('viewer');
    expect(roleFromClaims({ roles: ['superuser', 'Admin'] }, 'roles', identityMap)).toBe('viewer');
    expect(roleFromClaims({ roles: [{ admin: true }, 7] }, 'roles', identityMap)).toBe('viewer');
  });

  it('takes the most capable role when several values map', () => {
    const map = new Map<string, Role>([
      ['ot-staff', 'viewer'],
      ['ot-research', 'researcher'],
      ['ot-coordination', 'coordinator'],
      ['ot-admins', 'admin'],
    ]);
    expect(roleFromClaims({ groups: ['ot-staff', 'ot-research'] }, 'groups', map)).toBe(
      'researcher',
    );
    expect(roleFromClaims({ groups: ['ot-research', 'ot-coordination'] }, 'groups', map)).toBe(
      'coordinator',
    );
    expect(roleFromClaims({ groups: ['ot-admins', 'ot-staff'] }, 'groups', map)).toBe('admin');
  });

  it('reaches into objects with a dotted path, and finds claims whose names have dots', () => {
    const claims = {
      realm_access: { roles: ['admin'] },
      'https://example.fi/roles': ['researcher'],
    };
    expect(roleFromClaims(claims, 'realm_access.roles', identityMap)).toBe('admin');
    expect(roleFromClaims(claims, 'https://example.fi/roles', identityMap)).toBe('researcher');
    expect(claimAt(claims, 'realm_access.roles.length')).toBeUndefined();
  });

  it('is not taken from the provider when the role claim is off', () => {
    expect(roleFromClaims({ roles: ['admin'] }, null, identityMap)).toBeNull();
  });
});

describe('e-mail from the claims', () => {
  it('is lower-cased and trimmed', () => {
    expect(emailFromClaims({ email: ' Aino.Virtanen@Tampere.FI ' })).toBe(
      'aino.virtanen@tampere.fi',
    );
  });

  it('is refused when missing, not an address, or said to be unverified', () => {
    expect(emailFromClaims({})).toBeNull();
    expect(emailFromClaims({ email: 'aino' })).toBeNull();
    expect(emailFromClaims({ email: 'aino@tampere.fi', email_verified: false })).toBeNull();
    expect(emailFromClaims({ email: 'aino@tampere.fi', email_verified: true })).toBe(
      'aino@tampere.fi',
    );
  });
});

describe('the path to return to', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/?view=research&lang=sv#top')).toBe('/?view=research&lang=sv#top');
    expect(safeReturnPath('/kartta/../?line=L3')).toBe('/?line=L3');
  });

  it('turns anything that could leave the site into /', () => {
    for (const returnTo of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeReturnPath(returnTo)).toBe('/');
    }
  });

  it('carries the reason of a failed sign-in beside the view', () => {
    expect(withSignInError('/?view=research#x', 'cancelled')).toBe(
      '/?view=research&signInError=cancelled#x',
    );
  });
});

describe('the sealed login cookie', () => {
  const login = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/?line=L3' };

  it('opens what it sealed, and nothing else', () => {
    const sealer = new OidcLoginSealer('client-secret');
    const sealed = sealer.seal(login);
    expect(sealer.open(sealed)).toEqual(login);
    expect(sealed).not.toContain('L3');

    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(sealer.open(bytes.toString('base64url'))).toBeNull();
    expect(new OidcLoginSealer('another-secret').open(sealed)).toBeNull();
    expect(sealer.open('')).toBeNull();
    expect(sealer.open('bm9uc2Vuc2U')).toBeNull();
  });

  it('expires after ten minutes', () => {
    let now = new Date('2026-11-23T12:00:00Z');
    const sealer = new OidcLoginSealer('client-secret', () => now);
    const sealed = sealer.seal(login);
    now = new Date(now.getTime() + (OIDC_LOGIN_TTL_SECONDS - 1) * 1000);
    expect(sealer.open(sealed)).toEqual(login);
    now = new Date(now.getTime() + 1000);
    expect(sealer.open(sealed)).toBeNull();
  });

  it('is an HttpOnly, SameSite=Lax cookie for the OIDC routes only', () => {
    expect(oidcLoginCookie('x', { secure: true })).toBe(
      'metro_oidc=x; Path=/auth/oidc; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
    );
  });
});
