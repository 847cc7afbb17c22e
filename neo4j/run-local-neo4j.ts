/**
 * `npm run db`: runs only the local Neo4j in the foreground until Ctrl-C.
 * `npm run db:fetch` (`--fetch-only`): fetches the jars and exits, e.g. to warm a CI cache.
 * Env: NEO4J_PORT (default 7687), NEO4J_DATA_DIR (default .data/neo4j), NEO4J_HEAP (default 1g).
 */
import { ensureNeo4jJars, startLocalNeo4j } from './local-neo4j.ts';

const log = (line: string) => console.log(line);

if (process.argv.includes('--fetch-only')) {
  await ensureNeo4jJars(log);
  console.log('Neo4j jars are in neo4j/lib.');
} else {
  const port = Number(process.env.NEO4J_PORT ?? 7687);
  const dataDir = process.env.NEO4J_DATA_DIR ?? '.data/neo4j';
  try {
    const neo4j = await startLocalNeo4j({
      port,
      dataDir,
      heap: process.env.NEO4J_HEAP ?? '1g',
      onOutput: log,
    });
    console.log(`Neo4j is ready at ${neo4j.uri} (data in ${neo4j.dataDir}). Ctrl-C stops it.`);
    const stop = async () => {
      await neo4j.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
