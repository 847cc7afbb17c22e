/**
 * The Yoga plugin that puts the signed-in account on GraphQL requests. It runs before the request
 * is parsed: a state-changing request (any method but GET and HEAD) that carries a live session
 * must also carry the session's CSRF token in `x-csrf-token`, or it is refused with 403 before
 * any GraphQL is read. Mutations over GET are refused by Yoga itself (405).
 */
import type { Plugin } from 'graphql-yoga';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../graphql/error-masking.ts';
import type { Account } from './account.types.ts';
import { CSRF_REFUSAL } from './auth-routes.ts';
import { CSRF_HEADER, readSessionCookie } from './session-cookie.ts';
import { type SignIn, secretsEqual } from './sign-in.ts';

/** What the gate adds to Yoga's server context, for the context factory. */
export interface SessionServerContext {
  account?: Account | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function jsonError(message: string, code: string, status: number) {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** Resolves the session cookie of each GraphQL request and checks its CSRF token. */
export function useSessionGate(
  signIn: SignIn,
): Plugin<Record<string, unknown>, SessionServerContext> {
  return {
    async onRequest({ request, serverContext, endResponse }) {
      // Always set, so that nothing a caller put in the server context can pose as an account.
      serverContext.account = null;
      const sessionId = readSessionCookie(request.headers.get('cookie'));
      if (sessionId === null) {
        return;
      }
      let session: Awaited<ReturnType<SignIn['sessionOf']>>;
      try {
        session = await signIn.sessionOf(sessionId);
      } catch {
        endResponse(jsonError(DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE', 503));
        return;
      }
      if (!session) {
        return;
      }
      if (!SAFE_METHODS.has(request.method)) {
        const token = request.headers.get(CSRF_HEADER);
        if (token === null || !secretsEqual(token, session.csrfToken)) {
          endResponse(
            jsonError(
              `${CSRF_REFUSAL.message} (${CSRF_REFUSAL.messageEn})`,
              CSRF_REFUSAL.code,
              403,
            ),
          );
          return;
        }
      }
      serverContext.account = session.account;
    },
  };
}
