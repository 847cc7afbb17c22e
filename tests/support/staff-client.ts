/**
 * Signed-in GraphQL callers for integration tests: an account of a given role with a real
 * server-side session, whose requests carry the session cookie and CSRF token exactly as a
 * browser's do, so that they pass through the session gate like real ones.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../server/src/database/neo4j-driver.ts';
import { AccountRepository } from '../../server/src/features/auth/account.repository.ts';
import type { Account, Role } from '../../server/src/features/auth/account.types.ts';
import { SessionRepository } from '../../server/src/features/auth/session.repository.ts';
import { hashSessionId } from '../../server/src/features/auth/sign-in.ts';
import type { App } from '../../server/src/http/app.ts';
import type { GraphQLResponse } from './graphql-client.ts';

/** Sends one GraphQL request; `variables` as a JSON object. */
export type GraphQLCaller = <T>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<T>>;

export interface StaffMember {
  account: Account;
  graphql: GraphQLCaller;
}

/** A caller without a session. */
export function anonymousCaller(yoga: App['yoga']): GraphQLCaller {
  return callerWith(yoga, {});
}

function callerWith(yoga: App['yoga'], headers: Record<string, string>): GraphQLCaller {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

/**
 * Creates an account (unique e-mail address per call, no usable password) and a live session
 * for it: the session id is what a browser holds in its `metro_session` cookie.
 */
export async function createStaffSession(
  database: Database,
  options: { role: Role; lineCodes?: string[]; expertId?: string | null; name?: string },
): Promise<{ account: Account; sessionId: string; csrfToken: string }> {
  const tag = randomBytes(4).toString('hex');
  const account = await new AccountRepository(database).create({
    email: `${options.name ?? options.role}-${tag}@example.fi`,
    role: options.role,
    // Not a PHC hash: no password matches it, and these tests never sign in with one.
    passwordHash: 'no-password',
    expertId: options.expertId ?? null,
    lineCodes: options.lineCodes ?? [],
  });
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  await new SessionRepository(database).create({
    idHash: hashSessionId(sessionId),
    accountId: account.id,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return { account, sessionId, csrfToken };
}

/** A caller signed in as a new account of `options.role` (see {@link createStaffSession}). */
export async function signedInStaff(
  database: Database,
  yoga: App['yoga'],
  options: { role: Role; lineCodes?: string[]; expertId?: string | null; name?: string },
): Promise<StaffMember> {
  const { account, sessionId, csrfToken } = await createStaffSession(database, options);
  return {
    account,
    graphql: callerWith(yoga, {
      cookie: `metro_session=${sessionId}`,
      'x-csrf-token': csrfToken,
    }),
  };
}

/** A GraphQL request to a running app over HTTP, with a staff session's cookie and CSRF token. */
export async function graphqlOverHttp<T>(
  appUrl: string,
  session: { sessionId: string; csrfToken: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; errors?: Array<{ message: string }> }> {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `metro_session=${session.sessionId}`,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T; errors?: Array<{ message: string }> };
}
