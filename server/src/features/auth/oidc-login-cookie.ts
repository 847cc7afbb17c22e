/**
 * The cookie `metro_oidc` that carries a sign-in through the identity provider from
 * `/auth/oidc/login` to `/auth/oidc/callback`: its state, nonce and PKCE code verifier, and where
 * to return. Sealed with AES-256-GCM under a key derived from the client secret, so every app
 * instance of the installation can open it, nobody can read or change it, and no database write
 * is needed before the user has even signed in. HttpOnly, SameSite=Lax (the identity provider
 * returns with a top-level GET, which Lax lets through), Path=/auth/oidc, ten minutes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { httpOnlyCookie } from './session-cookie.ts';

export const OIDC_LOGIN_COOKIE = 'metro_oidc';
const COOKIE_PATH = '/auth/oidc';
/** Time to sign in at the identity provider; long enough for a password manager and MFA. */
export const OIDC_LOGIN_TTL_SECONDS = 10 * 60;

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface OidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A same-origin path (with query) to return to after signing in. */
  returnTo: string;
}

const sealedLogin = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string().startsWith('/'),
  /** Epoch milliseconds after which the cookie is refused, whatever its Max-Age said. */
  expiresAt: z.number(),
});

/** Seals and opens login cookies with a key derived from `clientSecret`. */
export class OidcLoginSealer {
  private readonly key: Buffer;

  constructor(
    clientSecret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', clientSecret, 'metrokartta', 'oidc login cookie', 32),
    );
  }

  seal(login: OidcLogin): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const payload = JSON.stringify({
      ...login,
      expiresAt: this.now().getTime() + OIDC_LOGIN_TTL_SECONDS * 1000,
    });
    const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The login a cookie value carries; null when it is missing, altered, foreign or expired. */
  open(value: string | null): OidcLogin | null {
    if (!value) {
      return null;
    }
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) {
      return null;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const payload = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const parsed = sealedLogin.safeParse(JSON.parse(payload));
      if (!parsed.success || parsed.data.expiresAt <= this.now().getTime()) {
        return null;
      }
      const { expiresAt: _expiresAt, ...login } = parsed.data;
      return login;
    } catch {
      // Wrong tag: altered, or sealed under another client secret.
      return null;
    }
  }
}

/** Set-Cookie value carrying a sealed login. */
export function oidcLoginCookie(sealed: string, options: { secure: boolean }): string {
  return httpOnlyCookie(OIDC_LOGIN_COOKIE, sealed, {
    path: COOKIE_PATH,
    maxAgeSeconds: OIDC_LOGIN_TTL_SECONDS,
    ...options,
  });
}

/** Set-Cookie value that removes the login cookie: it is good for one callback only. */
export function clearedOidcLoginCookie(options: { secure: boolean }): string {
  return httpOnlyCookie(OIDC_LOGIN_COOKIE, '', { path: COOKIE_PATH, maxAgeSeconds: 0, ...options });
}
