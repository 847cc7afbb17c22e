/**
 * A small fetch-based GraphQL client: the app's only way to the server.
 *
 * Signed in, every POST must carry the session's CSRF token in `x-csrf-token` (the server's
 * session gate refuses it otherwise). The token comes with the session (sign-in or
 * `GET /auth/session`) and is kept in memory only. A request refused for its token (e.g. the map
 * request sent before the session was known, after a reload) fetches the session's token once
 * and is sent again.
 */

/** The request header the session's CSRF token travels in (server: session-cookie.ts). */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;

/** Sets (or with null forgets) the CSRF token of the signed-in session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token the client sends, or null. */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** The session's token from the server, or null when not signed in (or unreachable). */
async function refreshCsrfToken(fetchImpl: typeof fetch): Promise<string | null> {
  try {
    const response = await fetchImpl('/auth/session', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    const body = (await response.json().catch(() => null)) as { csrfToken?: string } | null;
    csrfToken = response.ok && typeof body?.csrfToken === 'string' ? body.csrfToken : null;
  } catch {
    csrfToken = null;
  }
  return csrfToken;
}

/**
 * What went wrong, as far as the UI needs to know: `NETWORK` when the server could not be
 * reached, else the server's `extensions.code` (e.g. DATABASE_UNAVAILABLE) or `HTTP`.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The first error's `extensions`: `problems` of INVALID_INPUT, `current` of CONFLICT. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** Posts `query` to /graphql and returns `data`, or throws a {@link GraphQLRequestError}. */
export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<T> {
  const send = async () => {
    const token = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token !== null ? { [CSRF_HEADER]: token } : {}),
        },
        body: JSON.stringify({ query, variables }),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new GraphQLRequestError('The server could not be reached', 'NETWORK');
    }
    const body = (await response.json().catch(() => null)) as GraphQLBody<T> | null;
    return { response, body };
  };
  let { response, body } = await send();
  if (response.status === 403 && body?.errors?.[0]?.extensions?.code === 'CSRF_TOKEN_INVALID') {
    // Signed in, without the session's token (yet): fetch it and try once more.
    await refreshCsrfToken(fetchImpl);
    ({ response, body } = await send());
  }
  if (body?.errors?.length) {
    throw new GraphQLRequestError(
      body.errors.map((error) => error.message).join('; '),
      body.errors[0]?.extensions?.code ?? 'GRAPHQL',
      body.errors[0]?.extensions ?? {},
    );
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(`HTTP ${response.status}`, 'HTTP');
  }
  return body.data;
}

/** The error code of anything thrown by {@link requestGraphQL}. */
export function errorCode(error: unknown): string {
  return error instanceof GraphQLRequestError ? error.code : 'UNKNOWN';
}
