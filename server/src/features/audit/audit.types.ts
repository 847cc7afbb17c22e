/** Audit records as the audit module writes and reads them: plain values, no GraphQL. */
import type { Account, Role } from '../auth/account.types.ts';

/** Kinds of things a change can concern. `NETWORK` is the whole graph (import, restore). */
export const AUDIT_ENTITY_KINDS = [
  'LINE',
  'STATION',
  'ORGANISATION',
  'REGION',
  'METHOD',
  'ACCOUNT',
  'NETWORK',
] as const;

export type AuditEntityKind = (typeof AUDIT_ENTITY_KINDS)[number];

/** One thing a change concerns, e.g. `{ kind: 'LINE', id: 'line-L3' }`. */
export interface AuditSubject {
  kind: AuditEntityKind;
  id: string;
}

/**
 * Who made a change: a signed-in account, or the system itself (the seed loader, a restore run
 * from the command line), named so that a reader knows which tool it was.
 */
export type AuditActor =
  | { kind: 'ACCOUNT'; accountId: string; email: string; role: Role }
  | { kind: 'SYSTEM'; name: string };

/** The actor for a change made by a signed-in account. */
export function accountActor(account: Account): AuditActor {
  return { kind: 'ACCOUNT', accountId: account.id, email: account.email, role: account.role };
}

/** What `recordAudit` writes: one change, made in the same transaction. */
export interface AuditChange {
  actor: AuditActor;
  /**
   * What was done, in UPPER_SNAKE_CASE with the kind first: `LINE_RENAME`, `STATION_MERGE`,
   * `EXPERTS_IMPORT`, `NETWORK_RESTORE`, `UNDO`.
   */
  action: string;
  /** The thing the change is mainly about; its audit trail shows the change. */
  entity: AuditSubject;
  /** Other things the change touched (a station added to a line): their trails show it too. */
  related?: readonly AuditSubject[];
  /**
   * The state before and after, as JSON-serialisable values (null: did not exist / no longer
   * exists). Keep them to the entities changed: a bulk operation records counts and ids, not the
   * whole graph.
   */
  before: unknown;
  after: unknown;
  /**
   * True only when `before` and `after` are entity snapshots in the editing format
   * (`EntitySnapshots`), which `undoChange` can apply in reverse. Default false.
   */
  reversible?: boolean;
  /** Id of the audit record this change undoes, when it is an undo. */
  undoOf?: string | null;
}

/** What `recordAudit` returns. */
export interface AuditReceipt {
  /** Id of the new audit record (`audit-<uuid>`). */
  id: string;
  /** The network revision after this change: every audited change increments it by one. */
  revision: number;
  /** ISO date-time of the change (the database's clock). */
  at: string;
}

/** An audit record as the audit view reads it. */
export interface AuditEntry {
  id: string;
  at: string;
  revision: number;
  action: string;
  entityKind: AuditEntityKind;
  entityId: string;
  subjects: AuditSubject[];
  actorKind: 'ACCOUNT' | 'SYSTEM';
  /** Account id, or the system tool's name. */
  actorId: string;
  actorEmail: string | null;
  actorRole: string | null;
  before: unknown;
  after: unknown;
  reversible: boolean;
  undoOf: string | null;
  /** Id of the audit record that undid this change; null while it stands. */
  undoneBy: string | null;
}

export interface AuditPage {
  nodes: AuditEntry[];
  totalCount: number;
}
