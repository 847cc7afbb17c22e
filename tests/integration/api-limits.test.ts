/**
 * Limits against abusive queries, GraphQL-over-HTTP compliance (graphql-http's server audits),
 * and introspection switched off for production.
 */
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/src/http/app.ts';
import { QUERY_LIMITS } from '../../server/src/http/graphql-limits.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const app = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(app.yoga);
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolveListening) =>
    app.server.listen(0, '127.0.0.1', resolveListening),
  );
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise<void>((resolveClosed) => app.server.close(() => resolveClosed()));
  await database.driver.close();
});

describe('query limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    let selection = '{ code }';
    for (let level = 0; level < QUERY_LIMITS.maxDepth; level++) {
      selection = level % 2 === 0 ? `{ stations ${selection} }` : `{ lines ${selection} }`;
    }
    const { errors } = await graphql(`{ lines ${selection} }`);
    expect(errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: lines { code }`,
    );
    const { errors } = await graphql(`{ ${aliases.join(' ')} }`);
    expect(errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a query with too many tokens', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'code').join(' ');
    const { errors } = await graphql(`{ lines { ${fields} } }`);
    expect(errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a request body over the size limit with 413', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ lines { code } }',
        padding: 'x'.repeat(QUERY_LIMITS.maxBodyBytes),
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(/larger than/);
  });

  it('refuses an operation type the API does not have with a clear validation error', async () => {
    const { errors } = await graphql('subscription { anything }');
    expect(errors?.[0]?.message).toMatch(/no subscription operations/);
    expect(errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('still serves the map and a search with aliases within the limits', async () => {
    const { errors } = await graphql(
      '{ networkMap { stations { id } } a: search(text: "ero") { id } b: search(text: "päihde") { id } }',
    );
    expect(errors).toBeUndefined();
  });
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit of graphql-http', async () => {
    const failures: string[] = [];
    for (const audit of serverAudits({ url })) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok') {
        failures.push(`${audit.name}: ${result.reason}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('introspection', () => {
  it('is on by default and can be switched off, with field suggestions hidden too', async () => {
    const on = await graphql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    expect(on.data.__schema.queryType.name).toBe('Query');

    const closed = createApp({
      database,
      logger: createLogger('silent'),
      graphqlTooling: { introspection: false, graphiql: false },
    });
    const off = await graphqlClient(closed.yoga)('{ __schema { queryType { name } } }');
    expect(off.errors?.[0]?.message).toMatch(/introspection/i);
    const suggestion = await graphqlClient(closed.yoga)('{ line(code: "L1") { nam } }');
    expect(suggestion.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const graphiql = await closed.yoga.fetch('http://yoga/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(await graphiql.text()).not.toMatch(/GraphiQL/);
  });
});
