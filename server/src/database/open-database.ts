/**
 * Opens the database the configuration names: the Neo4j at NEO4J_URI when it is set (Docker,
 * cluster, Aura), otherwise the local embedded Neo4j, started here and stopped on close.
 * Commands (`npm run user:add`, `seed`, `backup:*`) open it with `openDatabaseForCommand`, which
 * also uses the local Neo4j the running app (or `npm run db`) already has.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type LocalNeo4j,
  LocalNeo4jUnavailableError,
  portIsTaken,
  startLocalNeo4j,
} from '../../../neo4j/local-neo4j.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import { connectDatabase, type Database, describeError } from './neo4j-driver.ts';

export interface OpenedDatabase {
  database: Database;
  /** Set when this process started the local Neo4j. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * Use the local Neo4j of this data folder when another process already runs it, instead of
   * starting a second one (which fails on the store lock). For short commands; the server keeps
   * starting its own, so a command that started the database never stops it under the app.
   */
  useRunningLocal?: boolean;
}

function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The Bolt address of this checkout's local Neo4j when one already runs on NEO4J_PORT, undefined
 * when the port is free. Identity is asked of the database itself (its home folder must be our
 * NEO4J_DATA_DIR) rather than taken from the port answering or from a pid file: an answering port
 * may be another checkout's or a Docker Neo4j, where accounts would silently land in the wrong
 * graph, and a pid file goes stale when the JVM is killed and its pid reused. The store lock is
 * no signal Node can read (Neo4j holds an OS file lock; the store_lock file stays after a stop).
 */
async function runningLocalNeo4j(config: AppConfig): Promise<string | undefined> {
  const port = config.NEO4J_PORT;
  if (!(await portIsTaken(port))) {
    return undefined;
  }
  const uri = `bolt://127.0.0.1:${port}`;
  const dataDir = canonicalPath(config.NEO4J_DATA_DIR);
  const probe = connectDatabase({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: 'system',
    timeoutMs: Math.min(config.NEO4J_TIMEOUT_MS, 5_000),
  });
  let home: string;
  try {
    const session = probe.driver.session({ database: 'system' });
    try {
      const result = await session.run(
        `SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.neo4j_home' RETURN value`,
      );
      home = String(result.records[0]?.get('value') ?? '');
    } finally {
      await session.close();
    }
  } catch (error) {
    throw new LocalNeo4jUnavailableError(
      `Port ${port} on 127.0.0.1 is taken by something that does not answer as this checkout's ` +
        `local Neo4j (${describeError(error)}). Stop what holds the port or choose another ` +
        'NEO4J_PORT (the same for the app and the commands), or set NEO4J_URI to the Neo4j ' +
        'you mean to use (with NEO4J_USER and NEO4J_PASSWORD).',
    );
  } finally {
    await probe.driver.close();
  }
  if (canonicalPath(home) !== dataDir) {
    throw new LocalNeo4jUnavailableError(
      `Port ${port} on 127.0.0.1 serves another Neo4j (data in ${home || 'an unknown folder'}), ` +
        `not the local one of this checkout (data in ${dataDir}). To use that database, set ` +
        `NEO4J_URI=bolt://127.0.0.1:${port}; to start this checkout's own, choose another NEO4J_PORT.`,
    );
  }
  return uri;
}

export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void = () => {},
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (uri === undefined && options.useRunningLocal) {
    uri = await runningLocalNeo4j(config);
    if (uri !== undefined) {
      log(`Using the local Neo4j that already runs at ${uri} (data in ${config.NEO4J_DATA_DIR}).`);
    }
  }
  if (uri === undefined) {
    log(
      `Starting the local Neo4j on 127.0.0.1:${config.NEO4J_PORT} (data in ${config.NEO4J_DATA_DIR})...`,
    );
    // Problems before the ready line come back in startLocalNeo4j's error (or as its one-paragraph
    // message for a taken port or store); logging them here as well would print Java stack traces.
    let ready = false;
    local = await startLocalNeo4j({
      port: config.NEO4J_PORT,
      dataDir: config.NEO4J_DATA_DIR,
      heap: config.NEO4J_HEAP,
      onOutput: (line) => {
        if (ready && /ERROR|WARN|Exception/.test(line)) {
          log(`neo4j: ${line}`);
        }
      },
    });
    ready = true;
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

/**
 * For the command-line tools: reads the configuration and opens the database, using the local
 * Neo4j that already runs (the app's) when there is one. A problem the user fixes ends the
 * process with its message alone, not a stack trace.
 */
export async function openDatabaseForCommand(
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenedDatabase> {
  try {
    return await openDatabase(loadConfig(env), (line) => console.log(line), {
      useRunningLocal: true,
    });
  } catch (error) {
    // Configuration problems, a taken port or data folder, a missing JDK: the message says it all.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
