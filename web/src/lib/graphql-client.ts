/** A small fetch-based GraphQL client: the app's only way to the server. */

/**
 * What went wrong, as far as the UI needs to know: `NETWORK` when the server could not be
 * reached, else the server's `extensions.code` (e.g. DATABASE_UNAVAILABLE) or `HTTP`.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The CSRF token of the browser's session, fetched when a signed-in request first needs it. */
let csrfToken: string | null = null;

async function refreshCsrfToken(fetchImpl: typeof fetch): Promise<boolean> {
  const response = await fetchImpl('/auth/session', { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { csrfToken?: string } | null;
  csrfToken = response.ok && body?.csrfToken ? body.csrfToken : null;
  return csrfToken !== null;
}

/**
 * Posts `query` to /graphql and returns `data`, or throws a {@link GraphQLRequestError}. A
 * signed-in browser's POST must carry the session's CSRF token: when the server asks for it, the
 * token is read from /auth/session and the request sent once more.
 */
export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
  retried = false,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new GraphQLRequestError('The server could not be reached', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as GraphQLBody<T> | null;
  if (
    !retried &&
    body?.errors?.[0]?.extensions?.code === 'CSRF_TOKEN_INVALID' &&
    (await refreshCsrfToken(fetchImpl).catch(() => false))
  ) {
    return requestGraphQL<T>(query, variables, fetchImpl, signal, true);
  }
  if (body?.errors?.length) {
    throw new GraphQLRequestError(
      body.errors.map((error) => error.message).join('; '),
      body.errors[0]?.extensions?.code ?? 'GRAPHQL',
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
