/**
 * The sign-in routes: `POST /auth/login`, `POST /auth/logout`, `GET /auth/session`,
 * `GET /auth/providers`, and with an identity provider configured `GET /auth/oidc/login` and
 * `GET /auth/oidc/callback`.
 *
 * Cross-site requests: login takes only `application/json`, which a form on another site cannot
 * send without a CORS preflight this server never grants, and refuses an Origin other than this
 * host; logout needs the session's CSRF token. Nothing here logs a password, a session id or a
 * CSRF token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Neo4jError } from 'neo4j-driver';
import type { Logger } from 'pino';
import { z } from 'zod';
import { describeError } from '../../database/neo4j-driver.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../graphql/error-masking.ts';
import type { ActiveSession } from './account.types.ts';
import { withSignInError } from './oidc-claims.ts';
import { clearedOidcLoginCookie, OIDC_LOGIN_COOKIE, oidcLoginCookie } from './oidc-login-cookie.ts';
import type { OidcSignIn } from './oidc-sign-in.ts';
import { MAX_PASSWORD_LENGTH } from './password-hash.ts';
import {
  CSRF_HEADER,
  clearedSessionCookie,
  overTls,
  readCookie,
  readSessionCookie,
  sessionCookie,
} from './session-cookie.ts';
import { type SignIn, secretsEqual } from './sign-in.ts';

export interface AuthRouteOptions {
  signIn: SignIn;
  logger: Logger;
  /**
   * Behind a reverse proxy: take the client address from X-Forwarded-For and the host from
   * X-Forwarded-Host. Off, those headers are ignored, since any client could set them.
   */
  trustProxy: boolean;
  /** Sign-in through the organisation's identity provider; null or absent when not configured. */
  oidc?: OidcSignIn | null;
}

/** A refusal the client can show: Finnish first, English beside it. */
interface Refusal {
  code: string;
  message: string;
  messageEn: string;
}

export const WRONG_CREDENTIALS: Refusal = {
  code: 'INVALID_CREDENTIALS',
  message: 'Sähköposti tai salasana on väärin.',
  messageEn: 'The e-mail address or the password is wrong.',
};

const NOT_SIGNED_IN: Refusal = {
  code: 'UNAUTHENTICATED',
  message: 'Et ole kirjautunut sisään.',
  messageEn: 'You are not signed in.',
};

/** The answer to a state-changing request without the session's CSRF token. */
export const CSRF_REFUSAL: Refusal = {
  code: 'CSRF_TOKEN_INVALID',
  message: 'Pyyntö hylättiin: istunnon tarkiste puuttuu tai on väärä. Lataa sivu uudelleen.',
  messageEn: 'Request refused: the session check token is missing or wrong. Reload the page.',
};

const FOREIGN_ORIGIN: Refusal = {
  code: 'FORBIDDEN',
  message: 'Pyyntö tuli toiselta sivustolta.',
  messageEn: 'The request came from another site.',
};

const OIDC_NOT_CONFIGURED: Refusal = {
  code: 'OIDC_NOT_CONFIGURED',
  message: 'Kirjautuminen organisaation tunnuksilla ei ole käytössä.',
  messageEn: "Sign-in with the organisation's account is not configured.",
};

/** Sign-in bodies are tiny; anything larger is not a sign-in. */
const MAX_BODY_BYTES = 4 * 1024;

const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.messageEn);
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) {
  response.writeHead(status, {
    'cache-control': 'no-store',
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        rejectBody(
          new BadRequest(413, {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'Pyyntö on liian suuri.',
            messageEn: 'The request body is too large.',
          }),
        );
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', rejectBody);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The address failures are counted against. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? header(request, 'x-forwarded-for') : undefined;
  // The proxy appends the address it saw, so the last entry is the one it vouches for.
  const address = forwarded?.split(',').at(-1)?.trim() || request.socket.remoteAddress || 'unknown';
  return address.replace(/^::ffff:/, '');
}

/** False when the request names an Origin that is not this server (an absent Origin passes). */
function sameOrigin(request: IncomingMessage, trustProxy: boolean): boolean {
  const origin = header(request, 'origin');
  if (origin === undefined) {
    return true;
  }
  const host = (trustProxy && header(request, 'x-forwarded-host')) || header(request, 'host');
  try {
    return host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    // `Origin: null` and other non-URLs come from sandboxed or privacy-sensitive contexts.
    return false;
  }
}

function sessionBody(session: ActiveSession) {
  const { account } = session;
  return {
    email: account.email,
    role: account.role,
    lineCodes: account.lineCodes,
    expertId: account.expertId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** Handles a request under /auth/; answers 404 for paths it does not know. */
export function createAuthRoutes({ signIn, logger, trustProxy, oidc = null }: AuthRouteOptions) {
  const secureOf = (request: IncomingMessage) =>
    overTls(
      (request.socket as { encrypted?: boolean }).encrypted,
      header(request, 'x-forwarded-proto'),
    );

  async function login(request: IncomingMessage, response: ServerResponse) {
    const mediaType = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      request.resume();
      send(response, 415, {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Lähetä kirjautumistiedot JSON-muodossa.',
        messageEn: 'Send the sign-in as application/json.',
      });
      return;
    }
    let parsed: z.infer<typeof loginBody>;
    try {
      parsed = loginBody.parse(JSON.parse(await readBody(request)));
    } catch (error) {
      if (error instanceof BadRequest) {
        throw error;
      }
      throw new BadRequest(400, {
        code: 'INVALID_INPUT',
        message: 'Anna sähköposti ja salasana.',
        messageEn: 'Give an e-mail address and a password: {"email": ..., "password": ...}.',
      });
    }
    const client = clientAddress(request, trustProxy);
    const result = await signIn.signIn(parsed.email, parsed.password, client);
    const secure = secureOf(request);
    if (result.outcome === 'rate-limited') {
      logger.warn({ event: 'sign-in-rate-limited', client }, 'Too many failed sign-ins');
      send(
        response,
        429,
        {
          code: 'TOO_MANY_ATTEMPTS',
          message: 'Liian monta epäonnistunutta kirjautumista. Yritä myöhemmin uudelleen.',
          messageEn: 'Too many failed sign-ins. Try again later.',
          retryAfterSeconds: result.retryAfterSeconds,
        },
        { 'retry-after': String(result.retryAfterSeconds) },
      );
      return;
    }
    if (result.outcome === 'wrong-credentials') {
      logger.info({ event: 'sign-in-failed', client }, 'Failed sign-in');
      send(response, 401, WRONG_CREDENTIALS);
      return;
    }
    // A new id at every sign-in, and the old session gone: a planted cookie is worth nothing.
    const previous = readSessionCookie(header(request, 'cookie'));
    if (previous !== null) {
      await signIn.signOut(previous);
    }
    logger.info({ event: 'sign-in', accountId: result.session.account.id }, 'Signed in');
    send(response, 200, sessionBody(result.session), {
      'set-cookie': sessionCookie(result.sessionId, { maxAgeSeconds: signIn.ttlSeconds, secure }),
    });
  }

  async function logout(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    const sessionId = readSessionCookie(header(request, 'cookie'));
    const session = await signIn.sessionOf(sessionId);
    if (session && sessionId !== null) {
      const token = header(request, CSRF_HEADER);
      if (token === undefined || !secretsEqual(token, session.csrfToken)) {
        send(response, 403, CSRF_REFUSAL);
        return;
      }
      await signIn.signOut(sessionId);
      logger.info({ event: 'sign-out', accountId: session.account.id }, 'Signed out');
    }
    send(response, 204, undefined, {
      'set-cookie': clearedSessionCookie({ secure: secureOf(request) }),
    });
  }

  async function currentSession(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    const sessionId = readSessionCookie(header(request, 'cookie'));
    const session = await signIn.sessionOf(sessionId);
    if (session) {
      send(response, 200, sessionBody(session));
      return;
    }
    send(
      response,
      401,
      NOT_SIGNED_IN,
      sessionId === null
        ? {}
        : { 'set-cookie': clearedSessionCookie({ secure: secureOf(request) }) },
    );
  }

  /** Which ways of signing in this installation offers, for the web app's sign-in dialog. */
  async function providers(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    send(response, 200, { password: true, oidc: oidc !== null });
  }

  const redirect = (response: ServerResponse, location: string, cookies: string[]) =>
    send(response, 302, undefined, { location, 'set-cookie': cookies });

  /** Sends the browser to the identity provider, with the login in a sealed cookie. */
  async function oidcLogin(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    if (!oidc) {
      send(response, 404, OIDC_NOT_CONFIGURED);
      return;
    }
    const query = new URL(request.url ?? '/', 'http://app.invalid').searchParams;
    const begun = await oidc.begin(query.get('returnTo'));
    const secure = secureOf(request);
    if ('failure' in begun) {
      redirect(response, withSignInError('/', begun.failure), []);
      return;
    }
    redirect(response, begun.authorizationUrl.href, [
      oidcLoginCookie(begun.sealedLogin, { secure }),
    ]);
  }

  /** Where the identity provider sends the browser back: signs in, or says why not. */
  async function oidcCallback(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    if (!oidc) {
      send(response, 404, OIDC_NOT_CONFIGURED);
      return;
    }
    const cookies = header(request, 'cookie');
    const query = new URL(request.url ?? '/', 'http://app.invalid').searchParams;
    const result = await oidc.complete(query, readCookie(cookies, OIDC_LOGIN_COOKIE));
    const secure = secureOf(request);
    // The login cookie serves one callback, whatever its outcome.
    const clearLogin = clearedOidcLoginCookie({ secure });
    if (result.outcome === 'refused') {
      redirect(response, withSignInError(result.returnTo, result.failure), [clearLogin]);
      return;
    }
    // As with a password: a new id, and the session the browser had before is gone.
    const previous = readSessionCookie(cookies);
    if (previous !== null) {
      await signIn.signOut(previous);
    }
    logger.info(
      { event: 'sign-in', method: 'oidc', accountId: result.session.account.id },
      'Signed in through the identity provider',
    );
    redirect(response, result.returnTo, [
      clearLogin,
      sessionCookie(result.sessionId, { maxAgeSeconds: signIn.ttlSeconds, secure }),
    ]);
  }

  const routes: Record<string, { method: string; handle: typeof login }> = {
    '/auth/login': { method: 'POST', handle: login },
    '/auth/logout': { method: 'POST', handle: logout },
    '/auth/session': { method: 'GET', handle: currentSession },
    '/auth/providers': { method: 'GET', handle: providers },
    '/auth/oidc/login': { method: 'GET', handle: oidcLogin },
    '/auth/oidc/callback': { method: 'GET', handle: oidcCallback },
  };

  return async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const route = routes[path];
    if (!route) {
      request.resume();
      send(response, 404, { code: 'NOT_FOUND', message: 'Ei löydy.', messageEn: 'Not found.' });
      return;
    }
    if (request.method !== route.method) {
      request.resume();
      send(
        response,
        405,
        {
          code: 'METHOD_NOT_ALLOWED',
          message: `Käytä ${route.method}.`,
          messageEn: `Use ${route.method}.`,
        },
        { allow: route.method },
      );
      return;
    }
    if (route.method === 'POST' && !sameOrigin(request, trustProxy)) {
      request.resume();
      send(response, 403, FOREIGN_ORIGIN);
      return;
    }
    try {
      await route.handle(request, response);
    } catch (error) {
      if (error instanceof BadRequest) {
        send(response, error.status, error.refusal);
        return;
      }
      if (error instanceof Neo4jError) {
        logger.error(
          { event: 'auth-database-error', error: describeError(error) },
          'Sign-in failed',
        );
        send(response, 503, {
          code: 'DATABASE_UNAVAILABLE',
          message: 'Kirjautuminen ei onnistu juuri nyt. Yritä hetken päästä uudelleen.',
          messageEn: DATABASE_UNAVAILABLE_MESSAGE,
        });
        return;
      }
      logger.error({ event: 'auth-error', error: describeError(error) }, 'Sign-in route failed');
      send(response, 500, {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Odottamaton virhe.',
        messageEn: 'Unexpected error.',
      });
    }
  };
}
