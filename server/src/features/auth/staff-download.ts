/**
 * The gate of the staff-only file downloads (`/admin/backup`, `/export/*`): GET only, a live
 * session, one of the allowed roles. Each refusal is answered here with the same bilingual JSON
 * body, so that every download refuses the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveSession, Role } from './account.types.ts';
import { readSessionCookie } from './session-cookie.ts';
import type { SignIn } from './sign-in.ts';

export function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** Answers 405 for anything but GET; true when the request may go on. */
export function allowGetOnly(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === 'GET') {
    return true;
  }
  response.setHeader('allow', 'GET');
  sendJson(response, 405, {
    code: 'METHOD_NOT_ALLOWED',
    message: 'Käytä GET.',
    messageEn: 'Use GET.',
  });
  return false;
}

/**
 * The caller's session when it has one of `roles`; otherwise answers 401 (no session) or 403
 * (with `forbidden`, which says who may download) and returns null. Database errors propagate,
 * for the route to answer in its own words.
 */
export async function staffSessionFor(
  request: IncomingMessage,
  response: ServerResponse,
  signIn: SignIn,
  roles: readonly Role[],
  forbidden: { message: string; messageEn: string },
): Promise<ActiveSession | null> {
  const session = await signIn.sessionOf(readSessionCookie(request.headers.cookie));
  if (!session) {
    sendJson(response, 401, {
      code: 'UNAUTHENTICATED',
      message: 'Kirjaudu sisään.',
      messageEn: 'Sign in first.',
    });
    return null;
  }
  if (!roles.includes(session.account.role)) {
    sendJson(response, 403, { code: 'FORBIDDEN', ...forbidden });
    return null;
  }
  return session;
}
