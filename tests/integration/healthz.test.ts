/** /healthz answers 200 when Neo4j answers, and 503 with a reason within two seconds otherwise. */
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

async function listen(uri: string) {
  const database = connectTestDatabase(uri, 1_500);
  const { server } = createApp({ database, logger: createLogger('silent') });
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
      await database.driver.close();
    },
  };
}

describe('/healthz', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) {
      await close();
    }
  });

  it('is 200 when Neo4j answers', async () => {
    const app = await listen(inject('neo4jUri'));
    closers.push(app.close);
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('is 503 with a reason, within two seconds, when Neo4j is not there', async () => {
    // Nothing listens on a port that was just free.
    const app = await listen(`bolt://127.0.0.1:${await findFreePort()}`);
    closers.push(app.close);
    const started = Date.now();
    const response = await fetch(`${app.url}/healthz`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).toMatch(/Neo4j/);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('answers GraphQL with a clear error, not a hang, when Neo4j is not there', async () => {
    const app = await listen(`bolt://127.0.0.1:${await findFreePort()}`);
    closers.push(app.close);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ lines { code } }' }),
    });
    const body = (await response.json()) as {
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    expect(body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toMatch(/cannot be reached.*try again/i);
  });
});
