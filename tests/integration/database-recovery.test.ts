/**
 * The server starts without Neo4j, answers clearly while it is away, and recovers by itself when
 * it comes back: with the real launcher, stopped and started under a running app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { keepPreparing } from '../../server/src/database/prepare-database.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { graphqlClient } from '../support/graphql-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-recovery-'));
const port = await findFreePort();
const database = connectTestDatabase(`bolt://127.0.0.1:${port}`, 1_500);
const { yoga, server } = createApp({ database, logger: createLogger('silent') });
const graphql = graphqlClient(yoga);
const preparation = keepPreparing(database, {
  seedWhenEmpty: true,
  log: () => {},
  retryEveryMs: 500,
});
let neo4j: LocalNeo4j | undefined;

let base = '';
beforeAll(async () => {
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
  preparation.stop();
  await database.driver.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function health(): Promise<{ status: number; elapsed: number }> {
  const started = Date.now();
  const response = await fetch(`${base}/healthz`);
  return { status: response.status, elapsed: Date.now() - started };
}

async function lineCount(): Promise<number | string> {
  const { data, errors } = await graphql<{ lines: unknown[] } | null>('{ lines { code } }');
  return errors?.[0]?.extensions?.code ?? data?.lines.length ?? 0;
}

describe('Neo4j away and back', () => {
  it('serves clear errors before Neo4j is there', async () => {
    expect((await health()).status).toBe(503);
    expect(await lineCount()).toBe('DATABASE_UNAVAILABLE');
  });

  // Starting Neo4j, seeding and the layout take a while on a busy 2-core machine.
  it('prepares the graph by itself once Neo4j starts, and serves it', {
    timeout: 180_000,
  }, async () => {
    neo4j = await startLocalNeo4j({ port, dataDir, heap: '512m', pageCacheMb: 32 });
    await preparation.ready;
    expect((await health()).status).toBe(200);
    expect(await lineCount()).toBe(10);
  });

  it('answers 503 within two seconds and typed errors while Neo4j is stopped', {
    timeout: 120_000,
  }, async () => {
    await neo4j?.stop();
    const { status, elapsed } = await health();
    expect(status).toBe(503);
    expect(elapsed).toBeLessThan(2_000);
    expect(await lineCount()).toBe('DATABASE_UNAVAILABLE');
  });

  it('recovers without a restart when Neo4j comes back, with the data kept', {
    timeout: 180_000,
  }, async () => {
    neo4j = await startLocalNeo4j({ port, dataDir, heap: '512m', pageCacheMb: 32 });
    await expect
      .poll(async () => (await health()).status, { timeout: 60_000, interval: 250 })
      .toBe(200);
    await expect.poll(lineCount, { timeout: 60_000, interval: 250 }).toBe(10);
  });
});
