/**
 * Accounts and sessions against the real server and a real Neo4j: sign-in, its limits, session
 * cookies, CSRF checks, sign-out, expiry, and what a signed-in caller sees in GraphQL.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTransaction } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import type { Account, Role } from '../../server/src/features/auth/account.types.ts';
import { hashPassword, verifyPassword } from '../../server/src/features/auth/password-hash.ts';
import { SessionRepository } from '../../server/src/features/auth/session.repository.ts';
import { hashSessionId, SignIn } from '../../server/src/features/auth/sign-in.ts';
import { type App, type AppOptions, createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { capturedLogger } from '../support/captured-logger.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const neo4jUri = inject('neo4jUri');
const database = connectTestDatabase(neo4jUri);
const PASSWORD = 'oikea hevonen patteri 42';
const WRONG_BODY = {
  code: 'INVALID_CREDENTIALS',
  message: 'Sähköposti tai salasana on väärin.',
  messageEn: 'The e-mail address or the password is wrong.',
};
// Addresses unique to this run, so that a re-run on the same database starts clean.
const run = randomBytes(4).toString('hex');
const emailOf = (name: string) => `${name}-${run}@example.fi`;

const accounts = {} as Record<'viewer' | 'coordinator' | 'admin', Account>;
const { logger, lines: logLines } = capturedLogger();

interface Served {
  app: App;
  base: string;
}
const started: Served[] = [];

async function serve(options: Partial<AppOptions> = {}): Promise<Served> {
  const app = createApp({ database, logger: createLogger('silent'), ...options });
  await new Promise<void>((resolveListening) =>
    app.server.listen(0, '127.0.0.1', resolveListening),
  );
  const served = { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
  started.push(served);
  return served;
}

let main: Served;

beforeAll(async () => {
  // One hash for every test account: each scrypt hash costs a noticeable fraction of a second.
  const passwordHash = await hashPassword(PASSWORD);
  const repository = new AccountRepository(database);
  const create = (name: string, role: Role, lineCodes: string[] = []) =>
    repository.create({ email: emailOf(name), role, passwordHash, expertId: null, lineCodes });
  accounts.viewer = await create('viewer', 'viewer');
  accounts.coordinator = await create('coordinator', 'coordinator', ['L3', 'L8']);
  accounts.admin = await create('admin', 'admin');
  main = await serve({ logger });
});

afterAll(async () => {
  for (const { app } of started) {
    await new Promise<void>((resolveClosed) => app.server.close(() => resolveClosed()));
  }
  await database.driver.close();
});

async function cypherValue<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  return readTransaction(
    database,
    async (tx) => (await tx.run(cypher, params)).records[0]?.get(0) as T,
  );
}

interface SignedIn {
  response: Response;
  body: Record<string, unknown>;
  /** `metro_session=<id>`, ready for a Cookie header. */
  cookie: string;
  sessionId: string;
  csrfToken: string;
}

async function login(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignedIn> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  const setCookie = response.headers.getSetCookie()[0] ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    response,
    body,
    cookie,
    sessionId: cookie.slice('metro_session='.length),
    csrfToken: String(body.csrfToken ?? ''),
  };
}

async function graphqlOver(
  base: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: unknown; errors?: Array<Record<string, unknown>> } }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('POST /auth/login', () => {
  it('signs in with the right password: session cookie, role and CSRF token', async () => {
    const signedIn = await login(main.base, ` ${emailOf('VIEWER').toUpperCase()} `, PASSWORD);
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.body).toMatchObject({ email: emailOf('viewer'), role: 'viewer' });
    expect(signedIn.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.response.headers.get('cache-control')).toBe('no-store');
    expect(signedIn.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored under its hash only: the database holds nothing a cookie could be made from.
    const stored = await cypherValue<Record<string, unknown>>(
      'MATCH (s:Session {idHash: $idHash}) RETURN properties(s)',
      { idHash: hashSessionId(signedIn.sessionId) },
    );
    expect(stored.accountId).toBe(accounts.viewer.id);
    expect(Object.values(stored).map(String)).not.toContain(signedIn.sessionId);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, for 8 hours, Secure only over TLS', async () => {
    const plain = await login(main.base, emailOf('viewer'), PASSWORD);
    const attributes = (plain.response.headers.getSetCookie()[0] ?? '').split('; ');
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=28800']),
    );
    expect(attributes).not.toContain('Secure');
    const proxied = await login(main.base, emailOf('viewer'), PASSWORD, {
      'x-forwarded-proto': 'https',
    });
    expect(proxied.response.headers.getSetCookie()[0]).toMatch(/; Secure$/);
  });

  it('answers a wrong password and an unknown address alike: 401, one generic message', async () => {
    const wrongPassword = await login(main.base, emailOf('admin'), 'väärä salasana tässä');
    const unknownEmail = await login(main.base, emailOf('nobody'), PASSWORD);
    for (const attempt of [wrongPassword, unknownEmail]) {
      expect(attempt.response.status).toBe(401);
      expect(attempt.body).toEqual(WRONG_BODY);
      expect(attempt.response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('does the same work for an unknown address as for a wrong password', async () => {
    // One scrypt verification each, against a hash of the same cost: a missing check would
    // answer an unknown address at once and tell which addresses have accounts. (Counted, not
    // timed: timings on a shared machine are noise.)
    const checked: string[] = [];
    const signIn = new SignIn({
      database,
      sessionTtlHours: 1,
      verifyPassword: async (password, stored) => {
        checked.push(stored);
        return verifyPassword(password, stored);
      },
    });
    const parameters = (hash: string | undefined) => hash?.split('$').slice(1, 3).join('$');
    const known = await signIn.signIn(emailOf('admin'), 'väärä salasana tässä', '10.0.0.1');
    const unknown = await signIn.signIn(emailOf('nobody'), 'väärä salasana tässä', '10.0.0.2');
    expect([known.outcome, unknown.outcome]).toEqual(['wrong-credentials', 'wrong-credentials']);
    expect(checked).toHaveLength(2);
    expect(parameters(checked[1])).toBe(parameters(checked[0]));
    expect(parameters(checked[0])).toMatch(/^scrypt\$ln=\d+,r=\d+,p=\d+$/);
  });

  it('refuses five wrong passwords in a row with 429 and Retry-After, even for the right one', async () => {
    const { base } = await serve();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login(base, emailOf('coordinator'), `väärä ${attempt}`)).response.status).toBe(
        401,
      );
    }
    const limited = await login(base, emailOf('coordinator'), PASSWORD);
    expect(limited.response.status).toBe(429);
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(limited.response.headers.getSetCookie()).toEqual([]);
    // Another address from the same client is not locked out.
    expect((await login(base, emailOf('viewer'), PASSWORD)).response.status).toBe(200);
  });

  it('limits failures per client address too, across e-mail addresses', async () => {
    const { base } = await serve({
      auth: {
        loginLimits: {
          perEmail: { maxFailures: 5, windowMs: 60_000 },
          perClient: { maxFailures: 3, windowMs: 60_000 },
        },
      },
    });
    for (const name of ['guess-1', 'guess-2', 'guess-3']) {
      expect((await login(base, emailOf(name), PASSWORD)).response.status).toBe(401);
    }
    expect((await login(base, emailOf('viewer'), PASSWORD)).response.status).toBe(429);
  });

  it('takes JSON only, and no sign-in from another site', async () => {
    const form = await fetch(`${main.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${emailOf('viewer')}&password=${PASSWORD}`,
    });
    expect(form.status).toBe(415);
    const foreign = await login(main.base, emailOf('viewer'), PASSWORD, {
      origin: 'https://evil.example',
    });
    expect(foreign.response.status).toBe(403);
    expect(foreign.response.headers.getSetCookie()).toEqual([]);
    const own = await login(main.base, emailOf('viewer'), PASSWORD, { origin: main.base });
    expect(own.response.status).toBe(200);
    const broken = await fetch(`${main.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(broken.status).toBe(400);
    expect((await fetch(`${main.base}/auth/login`)).status).toBe(405);
  });

  it('replaces a session the browser already had', async () => {
    const first = await login(main.base, emailOf('viewer'), PASSWORD);
    const second = await login(main.base, emailOf('viewer'), PASSWORD, { cookie: first.cookie });
    expect(second.sessionId).not.toBe(first.sessionId);
    const old = await fetch(`${main.base}/auth/session`, { headers: { cookie: first.cookie } });
    expect(old.status).toBe(401);
  });
});

describe('GET /auth/session and POST /auth/logout', () => {
  it('tells who is signed in, and 401 to anyone else', async () => {
    const signedIn = await login(main.base, emailOf('coordinator'), PASSWORD);
    const session = await fetch(`${main.base}/auth/session`, {
      headers: { cookie: signedIn.cookie },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      email: emailOf('coordinator'),
      role: 'coordinator',
      lineCodes: ['L3', 'L8'],
      csrfToken: signedIn.csrfToken,
    });
    const anonymous = await fetch(`${main.base}/auth/session`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${main.base}/auth/session`, {
      headers: { cookie: `metro_session=${randomBytes(32).toString('base64url')}` },
    });
    expect(forged.status).toBe(401);
    expect(forged.headers.getSetCookie()[0]).toMatch(/^metro_session=; Path=\/; Max-Age=0/);
  });

  it('signs out only with the CSRF token, and then the session is gone on the server', async () => {
    const signedIn = await login(main.base, emailOf('viewer'), PASSWORD);
    const withoutToken = await fetch(`${main.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie },
    });
    expect(withoutToken.status).toBe(403);
    expect((await withoutToken.json()).code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await fetch(`${main.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': 'a'.repeat(43) },
    });
    expect(wrongToken.status).toBe(403);
    const stillIn = await fetch(`${main.base}/auth/session`, {
      headers: { cookie: signedIn.cookie },
    });
    expect(stillIn.status).toBe(200);

    const loggedOut = await fetch(`${main.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    expect(loggedOut.status).toBe(204);
    expect(loggedOut.headers.getSetCookie()[0]).toMatch(/^metro_session=; Path=\/; Max-Age=0/);
    expect(
      await cypherValue<number>('MATCH (s:Session {idHash: $idHash}) RETURN count(s)', {
        idHash: hashSessionId(signedIn.sessionId),
      }),
    ).toBe(0);
    // A copy of the old cookie is worth nothing now.
    const replayed = await fetch(`${main.base}/auth/session`, {
      headers: { cookie: signedIn.cookie },
    });
    expect(replayed.status).toBe(401);
    const me = await graphqlOver(main.base, '{ me { email } }', { cookie: signedIn.cookie });
    expect(me.body.data).toEqual({ me: null });
  });

  it('ignores and deletes an expired session', async () => {
    const sessionId = randomBytes(32).toString('base64url');
    const now = Date.now();
    await new SessionRepository(database).create({
      idHash: hashSessionId(sessionId),
      accountId: accounts.admin.id,
      csrfToken: 'token',
      createdAt: new Date(now - 9 * 3600_000),
      expiresAt: new Date(now - 3600_000),
    });
    const cookie = `metro_session=${sessionId}`;
    expect((await fetch(`${main.base}/auth/session`, { headers: { cookie } })).status).toBe(401);
    expect(
      await cypherValue<number>('MATCH (s:Session {idHash: $idHash}) RETURN count(s)', {
        idHash: hashSessionId(sessionId),
      }),
    ).toBe(0);
    const me = await graphqlOver(main.base, '{ me { email } }', { cookie });
    expect(me.body.data).toEqual({ me: null });
  });

  it('expires sessions after SESSION_TTL_HOURS by the server clock', async () => {
    const clock = { now: Date.now() };
    const { base } = await serve({
      auth: { sessionTtlHours: 1, now: () => new Date(clock.now) },
    });
    const signedIn = await login(base, emailOf('viewer'), PASSWORD);
    expect(signedIn.response.headers.getSetCookie()[0]).toContain('Max-Age=3600');
    const ask = () => fetch(`${base}/auth/session`, { headers: { cookie: signedIn.cookie } });
    clock.now += 59 * 60_000;
    expect((await ask()).status).toBe(200);
    clock.now += 2 * 60_000;
    expect((await ask()).status).toBe(401);
  });
});

describe('GraphQL with a session', () => {
  it('refuses a POST without the CSRF token before reading any GraphQL', async () => {
    const signedIn = await login(main.base, emailOf('admin'), PASSWORD);
    for (const query of ['mutation { __typename }', '{ me { email } }', 'not graphql at all']) {
      const refused = await graphqlOver(main.base, query, { cookie: signedIn.cookie });
      expect(refused.status, query).toBe(403);
      expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'CSRF_TOKEN_INVALID' });
    }
    const wrong = await graphqlOver(main.base, '{ me { email } }', {
      cookie: signedIn.cookie,
      'x-csrf-token': 'not-the-token',
    });
    expect(wrong.status).toBe(403);
    // With the token the request reaches GraphQL.
    const me = await graphqlOver(main.base, '{ me { email } }', {
      cookie: signedIn.cookie,
      'x-csrf-token': signedIn.csrfToken,
    });
    expect(me.body).toEqual({ data: { me: { email: emailOf('admin') } } });
  });

  it('never runs a mutation sent with GET, session or not', async () => {
    const signedIn = await login(main.base, emailOf('admin'), PASSWORD);
    const response = await fetch(
      `${main.base}/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
      { headers: { cookie: signedIn.cookie, accept: 'application/json' } },
    );
    expect(response.status).toBe(405);
    expect(await response.text()).toMatch(/Can only perform a mutation operation from a POST/);
  });

  it('answers `me` with the signed-in account, and null when signed out', async () => {
    const signedIn = await login(main.base, emailOf('coordinator'), PASSWORD);
    const me = await graphqlOver(main.base, '{ me { email role lineCodes expertId } }', {
      cookie: signedIn.cookie,
      'x-csrf-token': signedIn.csrfToken,
    });
    expect(me.body).toEqual({
      data: {
        me: {
          email: emailOf('coordinator'),
          role: 'COORDINATOR',
          lineCodes: ['L3', 'L8'],
          expertId: null,
        },
      },
    });
    const anonymous = await graphqlOver(main.base, '{ me { email } }');
    expect(anonymous.body).toEqual({ data: { me: null } });
  });

  it('shows experts’ contact details to a signed-in viewer, and only public cards to others', async () => {
    const signedIn = await login(main.base, emailOf('viewer'), PASSWORD);
    const query = '{ experts(first: 200) { nodes { id contact { email } } } }';
    type Experts = { experts: { nodes: Array<{ id: string; contact: { email: string } | null }> } };
    const asViewer = await graphqlOver(main.base, query, {
      cookie: signedIn.cookie,
      'x-csrf-token': signedIn.csrfToken,
    });
    const nodes = (asViewer.body.data as Experts).experts.nodes;
    expect(nodes.length).toBeGreaterThan(50);
    expect(nodes.filter((expert) => expert.contact === null)).toEqual([]);
    expect(nodes.filter((expert) => expert.contact?.email?.includes('@')).length).toBeGreaterThan(
      50,
    );
    const anonymous = await graphqlOver(main.base, query);
    const hidden = (anonymous.body.data as Experts).experts.nodes.filter((e) => e.contact === null);
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('serves one session from two app instances on the same database', async () => {
    const second = await serve();
    const signedIn = await login(main.base, emailOf('admin'), PASSWORD);
    const onSecond = await second.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: signedIn.cookie,
        'x-csrf-token': signedIn.csrfToken,
      },
      body: JSON.stringify({ query: '{ me { email role } }' }),
    });
    expect(await onSecond.json()).toEqual({
      data: { me: { email: emailOf('admin'), role: 'ADMIN' } },
    });
    // Signing out on the second instance ends the session on the first as well.
    const loggedOut = await fetch(`${second.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    expect(loggedOut.status).toBe(204);
    const onFirst = await fetch(`${main.base}/auth/session`, {
      headers: { cookie: signedIn.cookie },
    });
    expect(onFirst.status).toBe(401);
  });

  it('never logs a password, a session id or a CSRF token', async () => {
    const signedIn = await login(main.base, emailOf('viewer'), PASSWORD);
    await login(main.base, emailOf('viewer'), 'väärä salasana tässä');
    await graphqlOver(main.base, '{ me { email } }', { cookie: signedIn.cookie });
    await fetch(`${main.base}/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    const logged = logLines.join('');
    expect(logged).toContain('sign-in');
    for (const secret of [
      PASSWORD,
      'väärä salasana tässä',
      signedIn.sessionId,
      signedIn.csrfToken,
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toContain(hashSessionId(signedIn.sessionId));
  });
});

describe('npm run user:add', () => {
  const execFileAsync = promisify(execFile);
  const userAdd = (args: string[], password: string) =>
    execFileAsync('node_modules/.bin/tsx', ['server/src/features/auth/user-add-cli.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, NEO4J_URI: neo4jUri, METRO_PASSWORD: password, LOG_LEVEL: 'silent' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );

  it('creates an account that can sign in, and refuses a taken address', async () => {
    const email = emailOf('cli-coordinator');
    const created = await userAdd(
      ['--email', email, '--role', 'coordinator', '--lines', 'l3,L10'],
      'pitkä salasana komentoriviltä',
    );
    expect(created.output).toContain(`Created the account ${email} (coordinator on L3, L10)`);
    expect(created.code).toBe(0);
    const signedIn = await login(main.base, email, 'pitkä salasana komentoriviltä');
    expect(signedIn.body).toMatchObject({ role: 'coordinator', lineCodes: ['L3', 'L10'] });
    const again = await userAdd(['--email', email, '--role', 'viewer'], 'pitkä salasana taas');
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already exists/);
  });

  it('refuses short passwords, coordinators without lines and unknown experts', async () => {
    const short = await userAdd(['--email', emailOf('cli-short'), '--role', 'viewer'], 'lyhyt');
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/at least 12 characters/);
    const noLines = await userAdd(
      ['--email', emailOf('cli-nolines'), '--role', 'coordinator'],
      'pitkä salasana komentoriviltä',
    );
    expect(noLines.output).toMatch(/needs --lines/);
    const ghost = await userAdd(
      ['--email', emailOf('cli-ghost'), '--role', 'viewer', '--expert', 'expert-9999'],
      'pitkä salasana komentoriviltä',
    );
    expect(ghost.code).toBe(1);
    expect(ghost.output).toMatch(/There is no expert expert-9999/);
    expect(
      await cypherValue<number>(
        'MATCH (a:Account) WHERE a.email STARTS WITH $prefix AND a.email ENDS WITH $suffix RETURN count(a)',
        { prefix: 'cli-', suffix: `-${run}@example.fi` },
      ),
    ).toBe(1);
  });
});
