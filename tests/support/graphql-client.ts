/** GraphQL requests to an in-process Yoga, the way the server receives them over HTTP. */
import { expect } from 'vitest';
import type { App } from '../../server/src/http/app.ts';

export interface GraphQLResponse<T> {
  data: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

export function graphqlClient(yoga: App['yoga']) {
  return async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.headers.get('content-type')).toMatch(/json/);
    return (await response.json()) as GraphQLResponse<T>;
  };
}
