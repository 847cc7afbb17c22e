/**
 * The local Neo4j launcher (`npm run db`, `npm start` without NEO4J_URI): starts a real embedded
 * Neo4j with Bolt, keeps data across restarts, stops cleanly, and refuses a taken port clearly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, jarsAreFetched, startLocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-launcher-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function writeThenRead(uri: string, write: boolean): Promise<string[]> {
  const database = connectTestDatabase(uri);
  const session = database.driver.session();
  try {
    if (write) {
      await session.run(`CREATE (:LauncherProbe {name: 'survives a restart'})`);
    }
    const result = await session.run('MATCH (p:LauncherProbe) RETURN p.name AS name');
    return result.records.map((record) => record.get('name') as string);
  } finally {
    await session.close();
    await database.driver.close();
  }
}

describe('local Neo4j launcher', () => {
  it('has the Neo4j 5.26 jars fetched by Maven', () => {
    expect(jarsAreFetched()).toBe(true);
  });

  // Two JVM starts in one test: on a busy 2-core machine that alone can take over a minute.
  it('starts Neo4j with Bolt, keeps the data folder across a restart and stops cleanly', {
    timeout: 180_000,
  }, async () => {
    const port = await findFreePort();
    const first = await startLocalNeo4j({ port, dataDir, heap: '512m', pageCacheMb: 32 });
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(await writeThenRead(first.uri, true)).toEqual(['survives a restart']);
    await first.stop();
    expect(first.process.exitCode).toBe(0);

    const second = await startLocalNeo4j({ port, dataDir, heap: '512m', pageCacheMb: 32 });
    try {
      expect(await writeThenRead(second.uri, false)).toEqual(['survives a restart']);
    } finally {
      await second.stop();
    }
  });

  it('refuses a port that is already taken, saying how to use what runs there', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListening) => blocker.listen(0, '127.0.0.1', resolveListening));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startLocalNeo4j({ port, dataDir })).rejects.toThrow(
        new RegExp(`Port ${port}.*in use.*NEO4J_URI=bolt://127.0.0.1:${port}`, 's'),
      );
    } finally {
      blocker.close();
    }
  });
});
