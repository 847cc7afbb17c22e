/**
 * The session cookie `metro_session`: HttpOnly (scripts cannot read it), SameSite=Lax (other
 * sites' forms and fetches do not carry it), Path=/, Secure when the request came over TLS.
 */

export const SESSION_COOKIE = 'metro_session';

/** The request header the CSRF token of the session travels in. */
export const CSRF_HEADER = 'x-csrf-token';

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const pair of cookieHeader?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim() || null;
    }
  }
  return null;
}

/** The session id in a Cookie header, or null. */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  return readCookie(cookieHeader, SESSION_COOKIE);
}

/** Set-Cookie value of an HttpOnly, SameSite=Lax cookie; Max-Age 0 removes it. */
export function httpOnlyCookie(
  name: string,
  value: string,
  options: { path: string; maxAgeSeconds: number; secure: boolean },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Set-Cookie value that stores `sessionId` for `maxAgeSeconds`. */
export function sessionCookie(
  sessionId: string,
  options: { maxAgeSeconds: number; secure: boolean },
): string {
  return httpOnlyCookie(SESSION_COOKIE, sessionId, { path: '/', ...options });
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return httpOnlyCookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, ...options });
}

/**
 * True when the request reached us over TLS, directly or through a TLS-terminating proxy. A
 * client that claims https over plain HTTP only makes its own cookie stricter.
 */
export function overTls(encrypted: boolean | undefined, forwardedProto: string | undefined) {
  return encrypted === true || forwardedProto?.split(',')[0]?.trim() === 'https';
}
