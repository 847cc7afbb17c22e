/**
 * The web app's side of signing in: the GraphQL client sends the session's CSRF token and, when
 * a request is refused for lacking it, fetches the token once and sends the request again; the
 * session state reads the server's answers to sign-in and sign-out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  currentCsrfToken,
  requestGraphQL,
  setCsrfToken,
} from '../../web/src/lib/graphql-client.ts';
import {
  organisationSignInFailure,
  organisationSignInUrl,
  SessionState,
} from '../../web/src/lib/session.svelte.ts';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fake server: `answer` decides each response; every request is recorded. */
function fakeServer(answer: (call: Call, index: number) => Response) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body as string | undefined,
    };
    calls.push(call);
    return answer(call, calls.length - 1);
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const SESSION = {
  email: 'koordinaattori@example.fi',
  role: 'coordinator',
  lineCodes: ['L1'],
  expertId: 'expert-7',
  csrfToken: 'token-1',
};

afterEach(() => setCsrfToken(null));

describe('the GraphQL client and the CSRF token', () => {
  it('sends no token when not signed in, and the token when it has one', async () => {
    const server = fakeServer(() => json(200, { data: { ok: true } }));
    await requestGraphQL('{ ok }', {}, server.fetchImpl);
    setCsrfToken('token-1');
    await requestGraphQL('{ ok }', {}, server.fetchImpl);
    expect(server.calls[0]?.headers[CSRF_HEADER]).toBeUndefined();
    expect(server.calls[1]?.headers[CSRF_HEADER]).toBe('token-1');
  });

  it('fetches the session token once when refused for it, and sends the request again', async () => {
    const server = fakeServer((call) => {
      if (call.url === '/auth/session') {
        return json(200, SESSION);
      }
      return call.headers[CSRF_HEADER] === 'token-1'
        ? json(200, { data: { ok: true } })
        : json(403, { errors: [{ message: 'no', extensions: { code: 'CSRF_TOKEN_INVALID' } }] });
    });
    expect(await requestGraphQL('{ ok }', {}, server.fetchImpl)).toEqual({ ok: true });
    expect(server.calls.map((call) => call.url)).toEqual(['/graphql', '/auth/session', '/graphql']);
    expect(currentCsrfToken()).toBe('token-1');
  });
});

describe('SessionState', () => {
  it('signs in, keeps the token for the client, and signs out with it', async () => {
    const server = fakeServer((call) =>
      call.url === '/auth/login' ? json(200, SESSION) : new Response(null, { status: 204 }),
    );
    const session = new SessionState(server.fetchImpl);
    expect(await session.signIn('koordinaattori@example.fi', 'salasana-123')).toEqual({ ok: true });
    expect(session.account).toEqual({
      email: SESSION.email,
      role: 'coordinator',
      lineCodes: ['L1'],
      // The expert card this person may correct.
      expertId: 'expert-7',
    });
    expect(JSON.parse(server.calls[0]?.body ?? '{}')).toEqual({
      email: 'koordinaattori@example.fi',
      password: 'salasana-123',
    });
    expect(currentCsrfToken()).toBe('token-1');
    const revision = session.revision;

    expect(await session.signOut()).toBe(true);
    expect(server.calls[1]?.url).toBe('/auth/logout');
    expect(server.calls[1]?.headers[CSRF_HEADER]).toBe('token-1');
    expect(session.account).toBeNull();
    expect(currentCsrfToken()).toBeNull();
    expect(session.revision).toBe(revision + 1);
  });

  it('tells a wrong password, too many attempts and an unreachable server apart', async () => {
    const answers = [
      json(401, { code: 'INVALID_CREDENTIALS' }),
      json(429, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 600 }, { 'retry-after': '600' }),
      json(503, { code: 'DATABASE_UNAVAILABLE' }),
    ];
    const server = fakeServer((_call, index) => answers[index] as Response);
    const session = new SessionState(server.fetchImpl);
    expect(await session.signIn('a@example.fi', 'x')).toEqual({
      ok: false,
      reason: 'wrong-credentials',
    });
    expect(await session.signIn('a@example.fi', 'x')).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterSeconds: 600,
    });
    expect(await session.signIn('a@example.fi', 'x')).toEqual({ ok: false, reason: 'unavailable' });
    expect(session.account).toBeNull();
  });
});

describe('sign-in with the organisation account', () => {
  it('is offered only when the server says it has an identity provider', async () => {
    for (const [answer, offered] of [
      [json(200, { password: true, oidc: true }), true],
      [json(200, { password: true, oidc: false }), false],
      [json(500, {}), false],
    ] as const) {
      const server = fakeServer(() => answer.clone());
      const session = new SessionState(server.fetchImpl);
      await session.loadProviders();
      expect(session.organisationSignIn).toBe(offered);
      expect(server.calls[0]?.url).toBe('/auth/providers');
    }
  });

  it('starts at the server with the view to return to', () => {
    expect(organisationSignInUrl('/?view=research&lang=sv')).toBe(
      '/auth/oidc/login?returnTo=%2F%3Fview%3Dresearch%26lang%3Dsv',
    );
  });

  it('reads why a sign-in came back without a session; an unknown reason is a failure', () => {
    expect(organisationSignInFailure('?line=L3&signInError=cancelled')).toBe('cancelled');
    expect(organisationSignInFailure('?signInError=no-email')).toBe('no-email');
    expect(organisationSignInFailure('?signInError=%3Cscript%3E')).toBe('failed');
    expect(organisationSignInFailure('?line=L3')).toBeNull();
  });
});
