/**
 * The audit trail and the network revision. `recordAudit` is called inside the write
 * transaction of every change to the graph, so that a change and its audit record are written
 * together or not at all. Knows nothing of GraphQL.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { type Database, int, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type {
  AuditChange,
  AuditEntityKind,
  AuditEntry,
  AuditPage,
  AuditReceipt,
  AuditSubject,
} from './audit.types.ts';

/**
 * Increments the network revision and returns the new value. The `SET` reads the value it
 * writes, so Cypher takes the node's write lock before reading it: concurrent increments are
 * never lost, and every change gets its own revision.
 */
const BUMP_REVISION = /* cypher */ `
  MERGE (r:NetworkRevision {key: 'network'})
  SET r.value = coalesce(r.value, 0) + 1
  RETURN r.value AS revision`;

const READ_REVISION = /* cypher */ `
  OPTIONAL MATCH (r:NetworkRevision {key: 'network'})
  RETURN coalesce(r.value, 0) AS revision`;

const CREATE_AUDIT_RECORD = /* cypher */ `
  MERGE (r:NetworkRevision {key: 'network'})
  SET r.value = coalesce(r.value, 0) + 1
  CREATE (a:AuditRecord {
    id: $id, at: datetime(), revision: r.value, action: $action,
    entityKind: $entityKind, entityId: $entityId, subjects: $subjects,
    actorKind: $actorKind, actorId: $actorId, actorEmail: $actorEmail, actorRole: $actorRole,
    beforeJson: $beforeJson, afterJson: $afterJson, reversible: $reversible, undoOf: $undoOf
  })
  WITH a
  OPTIONAL MATCH (undone:AuditRecord {id: $undoOf})
  SET undone.undoneBy = a.id
  RETURN a.id AS id, a.revision AS revision, toString(a.at) AS at`;

const AUDIT_FIELDS = /* cypher */ `a {
  .id, .revision, .action, .entityKind, .entityId, .subjects,
  .actorKind, .actorId, .actorEmail, .actorRole, .beforeJson, .afterJson,
  at: toString(a.at),
  reversible: coalesce(a.reversible, false),
  undoOf: a.undoOf,
  undoneBy: a.undoneBy
}`;

/** Newest first; `revision` orders changes exactly, even within one millisecond. */
const AUDIT_TRAIL = /* cypher */ `
  MATCH (a:AuditRecord) WHERE $subject IN a.subjects
  WITH a ORDER BY a.revision DESC
  WITH collect(a) AS trail
  RETURN size(trail) AS totalCount,
         [a IN trail[$offset..($offset + $limit)] | ${AUDIT_FIELDS}] AS nodes`;

const AUDIT_BY_ID = /* cypher */ `
  MATCH (a:AuditRecord {id: $id})
  RETURN ${AUDIT_FIELDS} AS entry`;

/** How a subject is stored in `AuditRecord.subjects`: `KIND:id`, e.g. `LINE:line-L3`. */
export function subjectKey(subject: AuditSubject): string {
  return `${subject.kind}:${subject.id}`;
}

function subjectOf(key: string): AuditSubject {
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as AuditEntityKind, id: key.slice(colon + 1) };
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

interface AuditRow extends Omit<AuditEntry, 'subjects' | 'before' | 'after'> {
  subjects: string[];
  beforeJson: string | null;
  afterJson: string | null;
}

function entryOf(row: AuditRow): AuditEntry {
  const { beforeJson, afterJson, subjects, ...rest } = row;
  return {
    ...rest,
    subjects: subjects.map(subjectOf),
    before: beforeJson === null ? null : JSON.parse(beforeJson),
    after: afterJson === null ? null : JSON.parse(afterJson),
  };
}

/**
 * Records one change to the graph: who made it, when, what (the action and the entity it
 * concerns, plus any related entities), and the state before and after, as JSON. Increments
 * the network revision (`(:NetworkRevision {key: 'network'}).value`) by one, which caches
 * compare to know that the graph changed.
 *
 * Call it with the transaction that makes the change, after the change, so that both are
 * committed together or not at all: a change that fails later in the transaction leaves no
 * audit record, and an audit record that cannot be written stops the change.
 *
 * @example
 * await writeTransaction(database, async (tx) => {
 *   await tx.run(RENAME_LINE, { id, name });
 *   await recordAudit(tx, {
 *     actor: accountActor(account),
 *     action: 'LINE_RENAME',
 *     entity: { kind: 'LINE', id },
 *     before: { nameFi: 'old' },
 *     after: { nameFi: 'new' },
 *   });
 * });
 */
export async function recordAudit(
  tx: ManagedTransaction,
  change: AuditChange,
): Promise<AuditReceipt> {
  const { actor } = change;
  const subjects = [change.entity, ...(change.related ?? [])].map(subjectKey);
  const result = await tx.run(CREATE_AUDIT_RECORD, {
    id: `audit-${randomUUID()}`,
    action: change.action,
    entityKind: change.entity.kind,
    entityId: change.entity.id,
    subjects: [...new Set(subjects)],
    actorKind: actor.kind,
    actorId: actor.kind === 'ACCOUNT' ? actor.accountId : actor.name,
    actorEmail: actor.kind === 'ACCOUNT' ? actor.email : null,
    actorRole: actor.kind === 'ACCOUNT' ? actor.role : null,
    beforeJson: toJson(change.before),
    afterJson: toJson(change.after),
    reversible: change.reversible ?? false,
    undoOf: change.undoOf ?? null,
  });
  const [receipt] = recordsOf<AuditReceipt>(result);
  if (!receipt) {
    throw new Error('The audit record was not written');
  }
  return receipt;
}

/**
 * Increments the network revision without an audit record, for writes that are not a person's
 * change (the seed loader filling an empty graph). Returns the new revision.
 */
export async function bumpNetworkRevision(tx: ManagedTransaction): Promise<number> {
  const [row] = recordsOf<{ revision: number }>(await tx.run(BUMP_REVISION));
  return row?.revision ?? 0;
}

/** The current network revision: 0 before the first change. */
export async function readNetworkRevision(database: Database): Promise<number> {
  return readTransaction(database, async (tx) => {
    const [row] = recordsOf<{ revision: number }>(await tx.run(READ_REVISION));
    return row?.revision ?? 0;
  });
}

/** Reads audit records: a trail per entity, and single records for undo. */
export class AuditRepository {
  constructor(private readonly database: Database) {}

  /** The changes that concern `subject`, newest first, a page at a time. */
  async trail(subject: AuditSubject, page: { offset: number; limit: number }): Promise<AuditPage> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ totalCount: number; nodes: AuditRow[] }>(
        await tx.run(AUDIT_TRAIL, {
          subject: subjectKey(subject),
          offset: int(page.offset),
          limit: int(page.limit),
        }),
      );
      return { totalCount: row?.totalCount ?? 0, nodes: (row?.nodes ?? []).map(entryOf) };
    });
  }

  async findById(id: string): Promise<AuditEntry | null> {
    return readTransaction(this.database, (tx) => findAuditEntry(tx, id));
  }
}

/** One audit record by id, read in the caller's transaction (undo reads it under its lock). */
export async function findAuditEntry(
  tx: ManagedTransaction,
  id: string,
): Promise<AuditEntry | null> {
  const [row] = recordsOf<{ entry: AuditRow }>(await tx.run(AUDIT_BY_ID, { id }));
  return row ? entryOf(row.entry) : null;
}
