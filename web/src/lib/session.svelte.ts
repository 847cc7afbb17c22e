/**
 * Who is signed in: the staff session behind the HttpOnly cookie, as the server's /auth routes
 * report it. The session id never reaches script; the CSRF token is kept in memory by the
 * GraphQL client and sent with every request. Nothing is stored in the browser.
 */
import { getContext, setContext } from 'svelte';
import { CSRF_HEADER, currentCsrfToken, setCsrfToken } from './graphql-client.ts';

export type Role = 'viewer' | 'coordinator' | 'researcher' | 'admin';

export interface SignedInAccount {
  email: string;
  role: Role;
  lineCodes: string[];
  /** The expert station of this person, whose card they may correct; null (or absent) if none. */
  expertId?: string | null;
}

/** How a sign-in ended, for the form to say. */
export type SignInOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrong-credentials' | 'invalid-input' | 'unavailable' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number | null };

/** Why a sign-in with the organisation account came back without a session (server: OidcFailure). */
export const ORGANISATION_SIGN_IN_FAILURES = [
  'cancelled',
  'expired',
  'invalid',
  'unavailable',
  'no-email',
  'failed',
] as const;

export type OrganisationSignInFailure = (typeof ORGANISATION_SIGN_IN_FAILURES)[number];

/**
 * The failure the server sent the browser back with (`?signInError=` in the address), or null.
 * An unknown value reads as `failed`: something went wrong even if this app cannot say what.
 */
export function organisationSignInFailure(search: string): OrganisationSignInFailure | null {
  const reason = new URLSearchParams(search).get('signInError');
  if (reason === null) {
    return null;
  }
  return (ORGANISATION_SIGN_IN_FAILURES as readonly string[]).includes(reason)
    ? (reason as OrganisationSignInFailure)
    : 'failed';
}

/** Where sign-in with the organisation account starts; the server returns to `returnTo` after. */
export function organisationSignInUrl(returnTo: string): string {
  return `/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
}

interface SessionBody {
  email: string;
  role: Role;
  lineCodes?: string[];
  expertId?: string | null;
  csrfToken: string;
}

function accountOf(body: SessionBody): SignedInAccount {
  return {
    email: body.email,
    role: body.role,
    lineCodes: body.lineCodes ?? [],
    expertId: body.expertId ?? null,
  };
}

export class SessionState {
  /** null while not signed in (or not yet known). */
  account = $state<SignedInAccount | null>(null);
  /** False until the first answer from the server about the session. */
  known = $state(false);
  /** Bumped at every sign-in and sign-out, so views that depend on it can reload. */
  revision = $state(0);
  /** Whether this installation offers sign-in with the organisation account (OpenID Connect). */
  organisationSignIn = $state(false);

  readonly #fetch: typeof fetch;

  constructor(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.#fetch = fetchImpl;
  }

  #take(body: SessionBody | null): void {
    const before = this.account?.email ?? null;
    this.account = body ? accountOf(body) : null;
    setCsrfToken(body?.csrfToken ?? null);
    if ((body?.email ?? null) !== before) {
      this.revision += 1;
    }
  }

  /** Asks the server whether the browser has a live session. */
  async refresh(): Promise<void> {
    try {
      const response = await this.#fetch('/auth/session', {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      this.#take(response.ok ? ((await response.json()) as SessionBody) : null);
    } catch {
      // Unreachable: stay as we were; the map says when the server is down.
    } finally {
      this.known = true;
    }
  }

  /** Asks the server which ways of signing in it offers. */
  async loadProviders(): Promise<void> {
    try {
      const response = await this.#fetch('/auth/providers', {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (response.ok) {
        this.organisationSignIn = ((await response.json()) as { oidc?: unknown }).oidc === true;
      }
    } catch {
      // Unreachable: the password form is there anyway.
    }
  }

  async signIn(email: string, password: string): Promise<SignInOutcome> {
    let response: Response;
    try {
      response = await this.#fetch('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ email, password }),
      });
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    if (response.ok) {
      this.#take((await response.json()) as SessionBody);
      return { ok: true };
    }
    if (response.status === 401) {
      return { ok: false, reason: 'wrong-credentials' };
    }
    if (response.status === 429) {
      const body = (await response.json().catch(() => null)) as {
        retryAfterSeconds?: number;
      } | null;
      const header = Number(response.headers.get('retry-after'));
      const seconds =
        body?.retryAfterSeconds ?? (Number.isFinite(header) && header > 0 ? header : null);
      return { ok: false, reason: 'rate-limited', retryAfterSeconds: seconds ?? null };
    }
    if (response.status === 400) {
      return { ok: false, reason: 'invalid-input' };
    }
    return { ok: false, reason: 'unavailable' };
  }

  /** Ends the session on the server (with its CSRF token) and forgets it here. */
  async signOut(csrfToken: string | null = currentCsrfToken()): Promise<boolean> {
    try {
      const response = await this.#fetch('/auth/logout', {
        method: 'POST',
        headers: csrfToken ? { [CSRF_HEADER]: csrfToken } : {},
        credentials: 'same-origin',
      });
      if (!response.ok) {
        return false;
      }
    } catch {
      return false;
    }
    this.#take(null);
    return true;
  }
}

const KEY = Symbol('session');

export function setSessionState(): SessionState {
  return setContext(KEY, new SessionState());
}

export function getSessionState(): SessionState {
  return getContext<SessionState>(KEY);
}
