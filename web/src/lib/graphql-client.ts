/** A small fetch-based GraphQL client: the app's only way to the server. */

export class GraphQLRequestError extends Error {}

/** Posts `query` to /graphql and returns `data`, or throws with the server's message. */
export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const response = await fetchImpl('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string }>;
  } | null;
  if (body?.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '));
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(`HTTP ${response.status}`);
  }
  return body.data;
}
