/**
 * The one Neo4j driver of the process, created at start-up and closed on shutdown, and the helpers
 * every repository uses to run parameterised Cypher in managed transactions.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long one unit of work may take, retries included, before the caller gets an error. */
  timeoutMs: number;
}

/** The driver plus the database name every session is opened on. */
export interface Database {
  driver: Driver;
  name: string;
  timeoutMs: number;
  /** Called at the start of every unit of work: lets tests count round trips (no N+1). */
  onTransaction?: (mode: 'READ' | 'WRITE') => void;
  /**
   * Called with every statement and its parameters: lets tests prove what never reaches Neo4j
   * (a case description). Unset in production.
   */
  onQuery?: (cypher: string, parameters: Record<string, unknown>) => void;
}

/** The transaction a repository sees: reports each statement to `onQuery` when one is set. */
function observed(database: Database, tx: ManagedTransaction): ManagedTransaction {
  const observer = database.onQuery;
  if (!observer) {
    return tx;
  }
  return {
    run: ((cypher: string, parameters: Record<string, unknown> = {}) => {
      observer(cypher, parameters);
      return tx.run(cypher, parameters);
    }) as ManagedTransaction['run'],
  } as ManagedTransaction;
}

export function connectDatabase(settings: Neo4jSettings): Database {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    // Neo4j integers become JS numbers: ids, positions and counts in this graph stay far below 2^53.
    disableLosslessIntegers: true,
    // Fail fast when the database is away, instead of hanging a worker's request for a minute.
    connectionTimeout: Math.min(settings.timeoutMs, 2_000),
    connectionAcquisitionTimeout: settings.timeoutMs,
    maxTransactionRetryTime: settings.timeoutMs,
    maxConnectionPoolSize: 50,
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  return { driver, name: settings.database, timeoutMs: settings.timeoutMs };
}

/** Runs `work` in a managed read transaction (retried on transient errors). */
export async function readTransaction<T>(
  database: Database,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  database.onTransaction?.('READ');
  const session = database.driver.session({
    database: database.name,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return await session.executeRead((tx) => work(observed(database, tx)), {
      timeout: database.timeoutMs,
    });
  } finally {
    await session.close();
  }
}

/** Runs `work` in a managed write transaction: all of it is written, or none. */
export async function writeTransaction<T>(
  database: Database,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs: number = database.timeoutMs,
): Promise<T> {
  database.onTransaction?.('WRITE');
  const session = database.driver.session({
    database: database.name,
    defaultAccessMode: neo4j.session.WRITE,
  });
  try {
    return await session.executeWrite((tx) => work(observed(database, tx)), { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}

/**
 * A whole number as a Neo4j INTEGER. JS numbers travel as FLOAT, which Cypher refuses where it
 * needs an integer (list slices, LIMIT).
 */
export function int(value: number) {
  return neo4j.int(Math.trunc(value));
}

/** The records of a result as plain objects. */
export function recordsOf<T>(result: QueryResult): T[] {
  return result.records.map((record) => record.toObject() as T);
}

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/** Asks Neo4j for a trivial answer within `timeoutMs`; never throws. */
export async function checkDatabaseHealth(
  database: Database,
  timeoutMs = 1_500,
): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DatabaseHealth>((resolveHealth) => {
    timer = setTimeout(
      () => resolveHealth({ ok: false, reason: `Neo4j did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const answered = (async (): Promise<DatabaseHealth> => {
    const session = database.driver.session({ database: database.name });
    try {
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `Neo4j is unreachable: ${describeError(error)}` };
    } finally {
      await session.close().catch(() => {});
    }
  })();
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
