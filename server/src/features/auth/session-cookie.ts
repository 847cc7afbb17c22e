/**
 * The session cookie `metro_session`: HttpOnly (scripts cannot read it), SameSite=Lax (other
 * sites' forms and fetches do not carry it), Path=/, Secure when the request came over TLS.
 */

export const SESSION_COOKIE = 'metro_session';

/** The request header the CSRF token of the session travels in. */
export const CSRF_HEADER = 'x-csrf-token';

/** The session id in a Cookie header, or null. */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) {
    return null;
  }
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) {
      return pair.slice(separator + 1).trim() || null;
    }
  }
  return null;
}

/** Set-Cookie value that stores `sessionId` for `maxAgeSeconds`. */
export function sessionCookie(
  sessionId: string,
  options: { maxAgeSeconds: number; secure: boolean },
): string {
  return [
    `${SESSION_COOKIE}=${sessionId}`,
    'Path=/',
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'Max-Age=0',
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * True when the request reached us over TLS, directly or through a TLS-terminating proxy. A
 * client that claims https over plain HTTP only makes its own cookie stricter.
 */
export function overTls(encrypted: boolean | undefined, forwardedProto: string | undefined) {
  return encrypted === true || forwardedProto?.split(',')[0]?.trim() === 'https';
}
