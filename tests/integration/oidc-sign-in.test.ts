/**
 * Sign-in through the organisation's identity provider, end to end: a real OpenID provider
 * (oidc-provider, in this process, on a free port) with its development sign-in pages, driven by
 * HTTP requests with a cookie jar as a browser would; the app and a real Neo4j on the other side.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { loadConfig, oidcSettings } from '../../server/src/config.ts';
import { readTransaction, writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import { hashPassword } from '../../server/src/features/auth/password-hash.ts';
import { type App, createApp } from '../../server/src/http/app.ts';
import { capturedLogger } from '../support/captured-logger.ts';
import {
  clientSecretOf,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../support/test-identity-provider.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
// Addresses unique to this run, so that a re-run on the same database starts clean.
const run = randomBytes(4).toString('hex');
const emailOf = (name: string) => `${name}-${run}@oidc.example.fi`;
const PASSWORD = 'paikallinen tili toimii yhä';

/** The people the identity provider knows: login name -> their claims. */
let people: Map<string, Record<string, unknown>>;
function person(name: string, claims: Record<string, unknown>): string {
  const login = `${name}-${run}`;
  people.set(login, { email: emailOf(name), email_verified: true, name, ...claims });
  return login;
}

const { logger, lines: logLines } = capturedLogger();

interface Served {
  app: App;
  base: string;
}
const servers: Server[] = [];
let identityProvider: TestIdentityProvider;
/** Default settings: roles from the `roles` claim, named as the roles themselves. */
let plain: Served;
/** Roles from the `groups` claim through a role map. */
let mapped: Served;
/** No identity provider. */
let passwordOnly: Served;

/**
 * The app on `port`, its identity provider settings read by loadConfig from `env` as at start
 * (the issuer, client and PUBLIC_URL filled in); no `env`: no identity provider.
 */
async function serveApp(port: number, env: Record<string, string> | null): Promise<Served> {
  const base = `http://127.0.0.1:${port}`;
  const clientId = env?.OIDC_CLIENT_ID ?? 'metrokartta';
  const config = loadConfig(
    env
      ? {
          OIDC_ISSUER: identityProvider.issuer,
          OIDC_CLIENT_ID: clientId,
          OIDC_CLIENT_SECRET: clientSecretOf(clientId),
          PUBLIC_URL: base,
          ...env,
        }
      : {},
  );
  const app = createApp({ database, logger, auth: { oidc: oidcSettings(config) } });
  await new Promise<void>((listening) => app.server.listen(port, '127.0.0.1', listening));
  servers.push(app.server);
  return { app, base };
}

beforeAll(async () => {
  const [plainPort, mappedPort] = [await findFreePort(), await findFreePort()];
  const callbackOf = (port: number) => `http://127.0.0.1:${port}/auth/oidc/callback`;
  identityProvider = await startTestIdentityProvider([
    { clientId: 'metrokartta', redirectUri: callbackOf(plainPort) },
    { clientId: 'metrokartta-mapped', redirectUri: callbackOf(mappedPort) },
  ]);
  people = identityProvider.people;

  // The documented defaults: the `roles` claim, holding the role names themselves.
  plain = await serveApp(plainPort, {});
  mapped = await serveApp(mappedPort, {
    OIDC_CLIENT_ID: 'metrokartta-mapped',
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: 'ot-henkilosto=viewer,ot-tutkimus=researcher,ot-yllapito=admin',
  });
  passwordOnly = await serveApp(await findFreePort(), null);
});

afterAll(async () => {
  await writeTransaction(database, (tx) =>
    tx.run('MATCH (a:Account) WHERE a.email ENDS WITH $suffix DETACH DELETE a', {
      suffix: `-${run}@oidc.example.fi`,
    }),
  );
  await identityProvider?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
  }
  await database.driver.close();
});

/** A browser's cookie jar and redirect-by-redirect navigation; cookies keyed by name only. */
class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const removed = attributes.some(
        (attribute) =>
          /^max-age=0$/i.test(attribute) ||
          (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()),
      );
      if (removed || value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * At the identity provider: follows its redirects, signs in as `login` and consents on its
 * pages (or cancels), until it sends the browser back to the app; returns that callback URL.
 */
async function atIdentityProvider(
  browser: Browser,
  authorizationUrl: URL,
  login: string,
  options: { cancel?: boolean } = {},
): Promise<URL> {
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    if (url.origin !== identityProvider.issuer) {
      return url;
    }
    const response = await browser.get(
      url,
      form
        ? {
            method: 'POST',
            body: form,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }
        : {},
    );
    form = null;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const page = await response.text();
    expect(response.status, page).toBe(200);
    const action = new URL(/action="([^"]+)"/.exec(page)?.[1] ?? '', url);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (options.cancel) {
      url = new URL(`${action.pathname}/abort`, url);
    } else if (prompt === 'login') {
      form = new URLSearchParams({ prompt, login, password: 'any' });
      url = action;
    } else {
      form = new URLSearchParams({ prompt: 'consent' });
      url = action;
    }
  }
  throw new Error('The identity provider did not send the browser back');
}

/** The app's sign-in button: returns the callback URL the provider sent the browser to. */
async function startSignIn(
  browser: Browser,
  served: Served,
  login: string,
  options: { returnTo?: string; cancel?: boolean } = {},
): Promise<URL> {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const started = await browser.get(`${served.base}/auth/oidc/login${query}`);
  expect(started.status).toBe(302);
  expect(browser.cookies.has('metro_oidc')).toBe(true);
  const authorizationUrl = new URL(started.headers.get('location') ?? '');
  expect(authorizationUrl.origin).toBe(identityProvider.issuer);
  expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
  return atIdentityProvider(browser, authorizationUrl, login, options);
}

async function signInThroughProvider(
  served: Served,
  login: string,
  options: { returnTo?: string } = {},
) {
  const browser = new Browser();
  const callback = await startSignIn(browser, served, login, options);
  const landed = await browser.get(callback);
  return { browser, callback, landed, location: landed.headers.get('location') ?? '' };
}

async function sessionOf(served: Served, browser: Browser) {
  const response = await browser.get(`${served.base}/auth/session`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** `me` as the web app asks for it: a POST with the session's CSRF token. */
async function me(served: Served, browser: Browser) {
  const { body: session } = await sessionOf(served, browser);
  const response = await browser.get(`${served.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': String(session.csrfToken),
    },
    body: JSON.stringify({ query: '{ me { email role expertId } }' }),
  });
  const answer = (await response.json()) as { data?: { me: Record<string, unknown> | null } };
  expect(answer.data, JSON.stringify(answer)).toBeDefined();
  return answer.data?.me;
}

async function storedAccount(email: string) {
  return readTransaction(database, async (tx) => {
    const result = await tx.run('MATCH (a:Account {email: $email}) RETURN properties(a) AS a', {
      email,
    });
    return (result.records[0]?.get('a') ?? null) as Record<string, unknown> | null;
  });
}

describe('GET /auth/providers', () => {
  it('tells the web app whether the organisation account button belongs in the dialog', async () => {
    const answer = async (served: Served) => (await fetch(`${served.base}/auth/providers`)).json();
    expect(await answer(plain)).toEqual({ password: true, oidc: true });
    expect(await answer(passwordOnly)).toEqual({ password: true, oidc: false });
    const login = await fetch(`${passwordOnly.base}/auth/oidc/login`, { redirect: 'manual' });
    expect(login.status).toBe(404);
    expect(await login.json()).toMatchObject({ code: 'OIDC_NOT_CONFIGURED' });
  });
});

describe('the authorization code flow', () => {
  it('ends in the same session as a password: cookie, role, CSRF token, `me`', async () => {
    const login = person('tutkija', { roles: ['researcher'] });
    const { browser, landed, location } = await signInThroughProvider(plain, login, {
      returnTo: '/?view=research&lang=sv',
    });
    expect(landed.status).toBe(302);
    expect(location).toBe('/?view=research&lang=sv');
    const setCookies = landed.headers.getSetCookie();
    expect(setCookies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^metro_oidc=; Path=\/auth\/oidc; Max-Age=0/),
        expect.stringMatching(
          /^metro_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/,
        ),
      ]),
    );

    const session = await sessionOf(plain, browser);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ email: emailOf('tutkija'), role: 'researcher' });
    expect(session.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await me(plain, browser)).toEqual({
      email: emailOf('tutkija'),
      role: 'RESEARCHER',
      expertId: null,
    });

    // Just-in-time provisioning: an account without a password, so no password opens it.
    const stored = await storedAccount(emailOf('tutkija'));
    expect(stored).toMatchObject({ role: 'researcher', createdThrough: 'oidc' });
    expect(stored?.passwordHash).toBeUndefined();
    const byPassword = await fetch(`${plain.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emailOf('tutkija'), password: 'anything at all 123' }),
    });
    expect(byPassword.status).toBe(401);

    // Sign-out takes the session's CSRF token, as for a password sign-in.
    const refused = await browser.get(`${plain.base}/auth/logout`, { method: 'POST' });
    expect(refused.status).toBe(403);
    const signedOut = await browser.get(`${plain.base}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': String(session.body.csrfToken) },
    });
    expect(signedOut.status).toBe(204);
    expect((await sessionOf(plain, browser)).status).toBe(401);
  });

  it('gives viewer for a role the app does not know, and for no role claim at all', async () => {
    for (const [name, claims] of [
      ['tuntematon', { roles: ['superuser', 'Admin'] }],
      ['rooliton', {}],
    ] as const) {
      const { browser, location } = await signInThroughProvider(plain, person(name, claims));
      expect(location).toBe('/');
      expect(await me(plain, browser)).toMatchObject({ email: emailOf(name), role: 'VIEWER' });
    }
  });

  it('maps the role claim through OIDC_ROLE_MAP, the most capable role winning', async () => {
    const admin = await signInThroughProvider(
      mapped,
      person('yllapitaja', { groups: ['ot-henkilosto', 'ot-yllapito'], roles: ['viewer'] }),
    );
    expect(await me(mapped, admin.browser)).toMatchObject({ role: 'ADMIN' });
    const researcher = await signInThroughProvider(
      mapped,
      // The plain role names mean nothing under this map: only the groups count.
      person('ryhmatutkija', { groups: ['ot-tutkimus'], roles: ['admin'] }),
    );
    expect(await me(mapped, researcher.browser)).toMatchObject({ role: 'RESEARCHER' });
  });

  it('keeps an existing account, takes the role from the provider, and links the expert card', async () => {
    const expert = await readTransaction(database, async (tx) => {
      const result = await tx.run(
        `MATCH (e:Expert) WHERE e.email IS NOT NULL
           AND NOT EXISTS { MATCH (:Account {email: toLower(e.email)}) }
         RETURN e.id AS id, toLower(e.email) AS email ORDER BY e.id LIMIT 1`,
      );
      return result.records[0]?.toObject() as { id: string; email: string };
    });
    const login = `expert-${run}`;
    people.set(login, { email: expert.email, email_verified: true, roles: ['coordinator'] });
    try {
      const { browser } = await signInThroughProvider(plain, login);
      expect(await me(plain, browser)).toEqual({
        email: expert.email,
        role: 'COORDINATOR',
        expertId: expert.id,
      });
    } finally {
      await writeTransaction(database, (tx) =>
        tx.run('MATCH (a:Account {email: $email}) DETACH DELETE a', { email: expert.email }),
      );
    }

    // A local account made earlier: the same account, its password still works, and the
    // provider's role replaces the stored one (removed from the admins there, not admin here).
    const existing = await new AccountRepository(database).create({
      email: emailOf('paikallinen'),
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD),
      expertId: null,
      lineCodes: [],
    });
    const { browser } = await signInThroughProvider(
      plain,
      person('paikallinen', { roles: ['viewer'] }),
    );
    expect(await sessionOf(plain, browser)).toMatchObject({
      body: { email: existing.email, role: 'viewer' },
    });
    const stored = await storedAccount(existing.email);
    expect(stored).toMatchObject({ id: existing.id, role: 'viewer' });
    expect(stored?.createdThrough).toBeUndefined();
  });

  it('keeps local password sign-in working beside the identity provider', async () => {
    await new AccountRepository(database).create({
      email: emailOf('salasana'),
      role: 'coordinator',
      passwordHash: await hashPassword(PASSWORD),
      expertId: null,
      lineCodes: ['L3'],
    });
    const response = await fetch(`${plain.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emailOf('salasana'), password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'coordinator', lineCodes: ['L3'] });
  });
});

describe('refused sign-ins go back to the app with a reason, never a session', () => {
  it('refuses a tampered state', async () => {
    const browser = new Browser();
    const callback = await startSignIn(browser, plain, person('muokattu', { roles: ['admin'] }), {
      returnTo: '/?line=L3',
    });
    const state = callback.searchParams.get('state') ?? '';
    callback.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
    const landed = await browser.get(callback);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/?line=L3&signInError=invalid');
    expect(browser.cookies.has('metro_session')).toBe(false);
    expect(browser.cookies.has('metro_oidc')).toBe(false);
    expect(await storedAccount(emailOf('muokattu'))).toBeNull();
  });

  it('refuses a callback without the browser that started it, and a replayed one', async () => {
    const { callback, browser } = await signInThroughProvider(
      plain,
      person('toistettu', { roles: ['admin'] }),
    );
    browser.cookies.delete('metro_session');
    // Another browser (no login cookie) and the same browser again (its cookie is used up).
    for (const replay of [new Browser(), browser]) {
      const landed = await replay.get(callback);
      expect(landed.headers.get('location')).toBe('/?signInError=expired');
      expect(replay.cookies.has('metro_session')).toBe(false);
    }
  });

  it('refuses an e-mail address the provider has not verified', async () => {
    const { browser, location } = await signInThroughProvider(
      plain,
      person('vahvistamaton', { email_verified: false, roles: ['admin'] }),
    );
    expect(location).toBe('/?signInError=no-email');
    expect(browser.cookies.has('metro_session')).toBe(false);
    expect(await storedAccount(emailOf('vahvistamaton'))).toBeNull();
  });

  it('says so when the user cancels at the identity provider', async () => {
    const browser = new Browser();
    const callback = await startSignIn(browser, plain, person('peruttu', {}), { cancel: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const landed = await browser.get(callback);
    expect(landed.headers.get('location')).toBe('/?signInError=cancelled');
    expect(browser.cookies.has('metro_session')).toBe(false);
  });

  it('says the provider does not answer when it is down, without a stack trace', async () => {
    const closedPort = await findFreePort();
    const app = createApp({
      database,
      logger,
      auth: {
        oidc: {
          issuer: new URL(`http://127.0.0.1:${closedPort}`),
          clientId: 'metrokartta',
          clientSecret: 'secret',
          redirectUri: new URL('http://127.0.0.1:1/auth/oidc/callback'),
          scopes: 'openid',
          roleClaim: null,
          roleMap: new Map(),
        },
      },
    });
    await new Promise<void>((listening) => app.server.listen(0, '127.0.0.1', listening));
    servers.push(app.server);
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const response = await fetch(`${base}/auth/oidc/login?returnTo=/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/?signInError=unavailable');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('never returns to another site', async () => {
    const browser = new Browser();
    const started = await browser.get(
      `${plain.base}/auth/oidc/login?returnTo=${encodeURIComponent('//evil.example/x')}`,
    );
    const callback = await atIdentityProvider(
      browser,
      new URL(started.headers.get('location') ?? ''),
      person('kotiin', {}),
    );
    expect((await browser.get(callback)).headers.get('location')).toBe('/');
  });
});

describe('privacy', () => {
  it('logs no code, state, nonce, token or cookie of a sign-in', async () => {
    const { callback, landed } = await signInThroughProvider(
      plain,
      person('lokit', { roles: ['viewer'] }),
    );
    const secrets = [
      callback.searchParams.get('code'),
      callback.searchParams.get('state'),
      ...landed.headers.getSetCookie().map((cookie) => cookie.split(';')[0]?.split('=')[1]),
    ].filter((secret): secret is string => Boolean(secret));
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const log = logLines.join('\n');
    expect(log).toContain('"method":"oidc"');
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
    }
  });
});
