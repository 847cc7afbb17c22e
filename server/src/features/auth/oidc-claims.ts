/**
 * What a sign-in through the identity provider means here: the e-mail address that keys the
 * account, the role its claims map to, and the path to return to. Pure: unit-tested alone.
 */
import { normaliseEmail } from './account.repository.ts';
import type { Role } from './account.types.ts';

/** When claim values map to several roles, the most capable wins. */
const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'coordinator', 'researcher', 'viewer'];

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The value at a dotted path (`realm_access.roles`), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  // A claim whose own name has dots (some providers use URLs as claim names) is found whole.
  if (path in claims) {
    return claims[path];
  }
  let value: unknown = claims;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * The role the claims give: the values of `roleClaim` (a string or a list of strings) through
 * `roleMap`, the most capable if several map; `viewer` when the claim is missing or no value
 * maps. Null when roles are not taken from the provider (`roleClaim` null).
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  roleClaim: string | null,
  roleMap: ReadonlyMap<string, Role>,
): Role | null {
  if (roleClaim === null) {
    return null;
  }
  const raw = claimAt(claims, roleClaim);
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  const mapped = new Set(
    values.flatMap((value) => {
      const role = typeof value === 'string' ? roleMap.get(value) : undefined;
      return role ? [role] : [];
    }),
  );
  return ROLE_PRECEDENCE.find((role) => mapped.has(role)) ?? 'viewer';
}

/**
 * The e-mail address that keys the account, lower-cased; null when there is none or the
 * provider says it is not verified (an unverified address could name someone else's account).
 */
export function emailFromClaims(claims: Record<string, unknown>): string | null {
  if (claims.email_verified === false || typeof claims.email !== 'string') {
    return null;
  }
  const email = normaliseEmail(claims.email);
  return EMAIL_PATTERN.test(email) && email.length <= 254 ? email : null;
}

/**
 * `returnTo` when it is a path on this site (`/?view=research`), else `/`: the sign-in must not
 * become a redirect to another site (`//evil.example`, `/\evil.example`, `https://...`).
 */
export function safeReturnPath(returnTo: string | null | undefined): string {
  if (
    !returnTo ||
    returnTo.length > 2000 ||
    !returnTo.startsWith('/') ||
    returnTo.startsWith('//') ||
    returnTo.includes('\\') ||
    [...returnTo].some((character) => character.charCodeAt(0) < 0x20)
  ) {
    return '/';
  }
  const base = 'http://app.invalid';
  try {
    const url = new URL(returnTo, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

/** Why a sign-in through the identity provider did not succeed; the web app words each. */
export type OidcFailure =
  /** The user cancelled at the identity provider. */
  | 'cancelled'
  /** No valid login cookie: too slow, cookies blocked, or a callback replayed. */
  | 'expired'
  /** The state does not match this browser's sign-in. */
  | 'invalid'
  /** The provider or the database did not answer. */
  | 'unavailable'
  /** The provider gave no usable, verified e-mail address. */
  | 'no-email'
  /** Anything else the provider or its tokens got wrong. */
  | 'failed';

/** `path` with `signInError=<failure>` added to its query, for the web app to show. */
export function withSignInError(path: string, failure: OidcFailure): string {
  const base = 'http://app.invalid';
  const url = new URL(path, base);
  url.searchParams.set('signInError', failure);
  return `${url.pathname}${url.search}${url.hash}`;
}
