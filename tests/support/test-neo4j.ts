/**
 * A real Neo4j for a test run: the local embedded one on a free port with a fresh temporary data
 * folder, or the one at NEO4J_TEST_URI when that is set (e.g. a Docker container).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startLocalNeo4j } from '../../neo4j/local-neo4j.ts';
import { connectDatabase, type Database } from '../../server/src/database/neo4j-driver.ts';

export interface TestNeo4j {
  uri: string;
  stop(): Promise<void>;
}

export async function startTestNeo4j(): Promise<TestNeo4j> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    return { uri: external, stop: async () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'metrokartta-neo4j-'));
  const neo4j = await startLocalNeo4j({
    port: await findFreePort(),
    dataDir,
    heap: '768m',
    pageCacheMb: 64,
  });
  return {
    uri: neo4j.uri,
    async stop() {
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A driver for tests, with the test credentials (the local database has no authentication). */
export function connectTestDatabase(uri: string, timeoutMs = 10_000): Database {
  return connectDatabase({
    uri,
    user: process.env.NEO4J_TEST_USER ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
    database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    timeoutMs,
  });
}
