/**
 * Cypher for backups: reading the whole graph with each property's type, and writing a backup
 * back in one transaction. Knows nothing of the file's layout beyond the rows it is handed.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import {
  type Database,
  int,
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../database/neo4j-driver.ts';
import type { StoredNode, StoredRelationship, WritableProperty } from './backup.types.ts';
import { ACCOUNT_LABEL, NETWORK_REVISION_LABEL, SESSION_LABEL } from './backup-format.ts';

/** Types the driver hands over exactly as they are; the rest travel as text. */
const NATIVE_TYPES = [
  'STRING NOT NULL',
  'BOOLEAN NOT NULL',
  'FLOAT NOT NULL',
  'LIST<STRING NOT NULL> NOT NULL',
  'LIST<BOOLEAN NOT NULL> NOT NULL',
  'LIST<FLOAT NOT NULL> NOT NULL',
  'LIST<NOTHING> NOT NULL',
];

/**
 * Each property of `$entity` as {key, type, value}. Integers and temporal values become text, so
 * that nothing is rounded or shifted on the way; a point (unsupported) arrives as null and the
 * export names it.
 */
const PROPERTIES_OF = (entity: 'n' | 'r') => /* cypher */ `[key IN keys(${entity}) | {
    key: key,
    type: valueType(${entity}[key]),
    value: CASE
      WHEN valueType(${entity}[key]) IN $nativeTypes THEN ${entity}[key]
      WHEN valueType(${entity}[key]) CONTAINS 'POINT' THEN null
      WHEN valueType(${entity}[key]) STARTS WITH 'LIST' THEN [x IN ${entity}[key] | toString(x)]
      ELSE toString(${entity}[key])
    END
  }]`;

/** Every node but sessions (and accounts, unless asked for). */
const EXPORTED_NODE = /* cypher */ `
  NOT n:${SESSION_LABEL} AND ($includeAccounts OR NOT n:${ACCOUNT_LABEL})`;

const READ_NODES = /* cypher */ `
  MATCH (n) WHERE ${EXPORTED_NODE}
  RETURN elementId(n) AS elementId, labels(n) AS labels, ${PROPERTIES_OF('n')} AS properties`;

const READ_RELATIONSHIPS = /* cypher */ `
  MATCH (a)-[r]->(b)
  WHERE NOT a:${SESSION_LABEL} AND NOT b:${SESSION_LABEL}
    AND ($includeAccounts OR (NOT a:${ACCOUNT_LABEL} AND NOT b:${ACCOUNT_LABEL}))
  RETURN type(r) AS type, elementId(a) AS startId, elementId(b) AS endId,
         ${PROPERTIES_OF('r')} AS properties`;

/**
 * What makes a database "not empty" for a restore: anything but sessions and the revision
 * counter (which the schema set-up creates in an empty database), and accounts only when the
 * file brings its own.
 */
const CONTENT_NODE = /* cypher */ `
  NOT n:${SESSION_LABEL} AND NOT n:${NETWORK_REVISION_LABEL}
  AND ($includeAccounts OR NOT n:${ACCOUNT_LABEL})`;

const COUNT_CONTENT = /* cypher */ `
  MATCH (n) WHERE ${CONTENT_NODE}
  RETURN count(n) AS content`;

const DELETE_CONTENT = /* cypher */ `
  MATCH (n) WHERE ${CONTENT_NODE}
  DETACH DELETE n
  RETURN count(*) AS deleted`;

/** Restored accounts replace the old ones: every session ends with them. */
const DELETE_SESSIONS = /* cypher */ `
  MATCH (s:${SESSION_LABEL}) DETACH DELETE s`;

const TAKE_REVISION = /* cypher */ `
  OPTIONAL MATCH (r:${NETWORK_REVISION_LABEL})
  WITH collect(r) AS found, max(r.value) AS current
  FOREACH (r IN found | DETACH DELETE r)
  RETURN current`;

/**
 * After a restore: the counter moves past both the file's value and the old one (0 when there
 * was none), so that every cache keyed on it sees a change.
 */
const ADVANCE_REVISION = /* cypher */ `
  MERGE (r:${NETWORK_REVISION_LABEL} {key: 'network'})
  SET r.value = CASE WHEN r.value > $current THEN toInteger(r.value) ELSE $current + 1 END`;

/** A property's value with the type the file gave it. */
const TYPED_VALUE = /* cypher */ `CASE p.type
    WHEN 'INTEGER' THEN toInteger(p.value)
    WHEN 'FLOAT' THEN toFloat(p.value)
    WHEN 'DATE' THEN date(p.value)
    WHEN 'DATETIME' THEN datetime(p.value)
    WHEN 'LOCAL_DATETIME' THEN localdatetime(p.value)
    WHEN 'LIST<INTEGER>' THEN [x IN p.value | toInteger(x)]
    WHEN 'LIST<FLOAT>' THEN [x IN p.value | toFloat(x)]
    WHEN 'LIST<DATE>' THEN [x IN p.value | date(x)]
    WHEN 'LIST<DATETIME>' THEN [x IN p.value | datetime(x)]
    WHEN 'LIST<LOCAL_DATETIME>' THEN [x IN p.value | localdatetime(x)]
    ELSE p.value
  END`;

const CREATE_NODES = /* cypher */ `
  UNWIND $rows AS row
  CREATE (n:$(row.labels))
  FOREACH (p IN row.properties | SET n[p.key] = ${TYPED_VALUE})
  RETURN row.ref AS ref, elementId(n) AS elementId`;

const CREATE_RELATIONSHIPS = /* cypher */ `
  UNWIND $rows AS row
  MATCH (a) WHERE elementId(a) = row.from
  MATCH (b) WHERE elementId(b) = row.to
  CREATE (a)-[r:$(row.type)]->(b)
  FOREACH (p IN row.properties | SET r[p.key] = ${TYPED_VALUE})
  RETURN count(r) AS created`;

const BATCH_SIZE = 1000;
/** A national network is a few hundred thousand property writes: allow it time. */
const RESTORE_TIMEOUT_MS = 10 * 60_000;

/** A node as the restore query writes it. */
export interface NodeRow {
  ref: string;
  labels: string[];
  properties: WritableProperty[];
}

/** A relationship as the restore query writes it; `from` and `to` are refs. */
export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  properties: WritableProperty[];
}

/** Thrown inside the restore transaction when the database is not empty and no replace was asked. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly contentNodes: number) {
    super(
      `The database is not empty (${contentNodes} nodes besides sessions); nothing was written. ` +
        'Restore into an empty database, or pass --replace to replace its contents.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

export interface WriteResult {
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
}

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<void>) {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await write(rows.slice(start, start + BATCH_SIZE));
  }
}

export class BackupRepository {
  constructor(private readonly database: Database) {}

  /** Every node and relationship of the graph but sessions, in one read transaction. */
  async read(options: {
    includeAccounts: boolean;
  }): Promise<{ nodes: StoredNode[]; relationships: StoredRelationship[] }> {
    const parameters = { includeAccounts: options.includeAccounts, nativeTypes: NATIVE_TYPES };
    return readTransaction(this.database, async (tx) => ({
      nodes: recordsOf<StoredNode>(await tx.run(READ_NODES, parameters)),
      relationships: recordsOf<StoredRelationship>(await tx.run(READ_RELATIONSHIPS, parameters)),
    }));
  }

  /** How many nodes would stop a restore without replace. */
  async countContent(options: { includeAccounts: boolean }): Promise<number> {
    return readTransaction(this.database, async (tx) => countContent(tx, options.includeAccounts));
  }

  /**
   * Writes the rows in one transaction: all of them, or (on any error) nothing. Refuses a
   * database with content unless `replace`, which deletes that content first, in the same
   * transaction, so a failed restore leaves the old graph as it was.
   */
  async write(
    rows: { nodes: NodeRow[]; relationships: RelationshipRow[] },
    options: { replace: boolean; includeAccounts: boolean },
  ): Promise<WriteResult> {
    return writeTransaction(
      this.database,
      async (tx) => {
        const result: WriteResult = { nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0 };
        const includeAccounts = options.includeAccounts;
        const content = await countContent(tx, includeAccounts);
        if (content > 0 && !options.replace) {
          throw new DatabaseNotEmptyError(content);
        }
        if (content > 0) {
          const deleted = await tx.run(DELETE_CONTENT, { includeAccounts });
          result.nodesDeleted = Number(deleted.records[0]?.get('deleted') ?? 0);
        }
        if (includeAccounts) {
          await tx.run(DELETE_SESSIONS);
        }
        const taken = await tx.run(TAKE_REVISION);
        const currentRevision = taken.records[0]?.get('current') as number | null;

        const elementOf = new Map<string, string>();
        await inBatches(rows.nodes, async (batch) => {
          const created = recordsOf<{ ref: string; elementId: string }>(
            await tx.run(CREATE_NODES, { rows: batch }),
          );
          for (const { ref, elementId } of created) {
            elementOf.set(ref, elementId);
          }
          result.nodesCreated += created.length;
        });
        await inBatches(rows.relationships, async (batch) => {
          const resolved = batch.map((row) => ({
            ...row,
            from: elementOf.get(row.from),
            to: elementOf.get(row.to),
          }));
          const created = await tx.run(CREATE_RELATIONSHIPS, { rows: resolved });
          const count = Number(created.records[0]?.get('created') ?? 0);
          if (count !== batch.length) {
            // Validation makes this unreachable; if it happens, nothing is committed.
            throw new Error(`Only ${count} of ${batch.length} relationships found their ends`);
          }
          result.relationshipsCreated += count;
        });
        // Always: a database without a revision node reads as revision 0, which caches may hold.
        await tx.run(ADVANCE_REVISION, { current: int(currentRevision ?? 0) });
        return result;
      },
      RESTORE_TIMEOUT_MS,
    );
  }
}

async function countContent(tx: ManagedTransaction, includeAccounts: boolean): Promise<number> {
  const result = await tx.run(COUNT_CONTENT, { includeAccounts });
  return Number(result.records[0]?.get('content') ?? 0);
}
