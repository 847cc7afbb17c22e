/** A fresh local Neo4j and a driver for one benchmark run, removed again by `stop()`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startLocalNeo4j } from '../neo4j/local-neo4j.ts';
import { connectDatabase, type Database } from '../server/src/database/neo4j-driver.ts';
import { setUpSchema } from '../server/src/database/schema-setup.ts';

export interface BenchDatabase {
  database: Database;
  /** Bolt URI, for a server started in another process. */
  uri: string;
  stop(): Promise<void>;
}

/** Starts Neo4j with a benchmark-sized heap and page cache on a temporary store, schema set up. */
export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `metrokartta-${name}-`));
  const neo4j = await startLocalNeo4j({
    port: await findFreePort(),
    dataDir,
    heap: '2g',
    pageCacheMb: 256,
  });
  const database = connectDatabase({
    uri: neo4j.uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    timeoutMs: 60_000,
  });
  await setUpSchema(database);
  return {
    database,
    uri: neo4j.uri,
    async stop() {
      await database.driver.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
