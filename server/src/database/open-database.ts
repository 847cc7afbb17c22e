/**
 * Opens the database the configuration names: the Neo4j at NEO4J_URI when it is set (Docker,
 * cluster, Aura), otherwise the local embedded Neo4j, started here and stopped on close.
 */
import { type LocalNeo4j, startLocalNeo4j } from '../../../neo4j/local-neo4j.ts';
import type { AppConfig } from '../config.ts';
import { connectDatabase, type Database } from './neo4j-driver.ts';

export interface OpenedDatabase {
  database: Database;
  /** Set when this process started the local Neo4j. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void = () => {},
): Promise<OpenedDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (uri === undefined) {
    log(
      `Starting the local Neo4j on 127.0.0.1:${config.NEO4J_PORT} (data in ${config.NEO4J_DATA_DIR})...`,
    );
    local = await startLocalNeo4j({
      port: config.NEO4J_PORT,
      dataDir: config.NEO4J_DATA_DIR,
      heap: config.NEO4J_HEAP,
      onOutput: (line) => {
        if (/ERROR|WARN|Exception/.test(line)) {
          log(`neo4j: ${line}`);
        }
      },
    });
    log(`Local Neo4j ready at ${local.uri} in ${local.startupMs} ms`);
    uri = local.uri;
  }
  const database = connectDatabase({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TIMEOUT_MS,
  });
  return {
    database,
    ...(local ? { local } : {}),
    async close() {
      await database.driver.close();
      await local?.stop();
    },
  };
}
