/**
 * What the edit engine reads and writes: full snapshots of the entities a change touches, in the
 * format the audit trail stores as `before` and `after` (`EntitySnapshots`), so that any change
 * can be undone by writing its `before` back. Plain values, no GraphQL, no Cypher.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import type { AuditEntry, AuditSubject } from '../audit/audit.types.ts';
import type { Account } from '../auth/account.types.ts';

/** A station on a line, in line order. */
export interface LineStop {
  id: string;
  /** A coordinating responsible worker (koordinoiva vastuutyöntekijä) of the line. */
  coordinator: boolean;
}

/** A line with its station order: the line owns its stations' order and coordinator marks. */
export interface LineSnapshot {
  id: string;
  code: string;
  number: number;
  color: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  instructionsFi: string | null;
  instructionsSv: string | null;
  instructionsEn: string | null;
  /** Every routing term of the line (all languages): what routing and search read. */
  keywords: string[];
  /** The terms per language, once a coordinator has curated them; null before that. */
  keywordsFi: string[] | null;
  keywordsSv: string[] | null;
  keywordsEn: string[] | null;
  active: boolean;
  version: number;
  stations: LineStop[];
}

/** An expert or unit with its organisation, regions, methods and pinned map position. */
export interface StationSnapshot {
  id: string;
  kind: 'EXPERT' | 'UNIT';
  name: string;
  title: string | null;
  serviceLevel: string | null;
  languages: string[];
  channels: string[];
  otShare: number | null;
  /** ISO date or null. */
  awayUntil: string | null;
  email: string | null;
  phone: string | null;
  publicCard: boolean;
  /** ISO date the card was last checked, or null. */
  verifiedOn: string | null;
  description: string | null;
  organisationId: string | null;
  regionCodes: string[];
  methodIds: string[];
  /** A coordinator-pinned map position that re-layout keeps; null when not pinned. */
  pinnedX: number | null;
  pinnedY: number | null;
  version: number;
  /** Lines the station is on: read for authorisation and shown in the audit, never written. */
  lineCodes: string[];
}

export type EntityKind = 'LINE' | 'STATION';

export interface EntityRef extends AuditSubject {
  kind: EntityKind;
}

export type Snapshot = LineSnapshot | StationSnapshot;

/** `before` and `after` of an audited edit: `KIND:id` -> state (null: did not / does not exist). */
export type EntitySnapshots = Record<string, Snapshot | null>;

/** What an edit reads while it plans: locked, current snapshots, in its own transaction. */
export interface EditReader {
  line(id: string): Promise<LineSnapshot | null>;
  station(id: string): Promise<StationSnapshot | null>;
  /** The id of the line with this code, or null. */
  lineIdByCode(code: string): Promise<string | null>;
  /** The codes in `codes` that name no region. */
  unknownRegions(codes: readonly string[]): Promise<string[]>;
  /** The ids in `ids` that name no method. */
  unknownMethods(ids: readonly string[]): Promise<string[]>;
  organisationExists(id: string): Promise<boolean>;
  /** Ids of the experts with these e-mail addresses (lower case): `email -> id`. */
  expertIdsByEmail(emails: readonly string[]): Promise<Map<string, string>>;
  /** One audit record, for undo. */
  auditEntry(id: string): Promise<AuditEntry | null>;
  /** The code of another active line (not `exceptId`) drawn in `color`, or null. */
  activeLineWithColour(color: string, exceptId: string): Promise<string | null>;
}

/** An entity the caller edits, and the version they saw (null: it must not exist yet). */
export interface ExpectedVersion {
  ref: EntityRef;
  version: number | null;
}

/** One planned change: the entity's new state (version is set by the engine); null removes it. */
export interface PlannedState {
  ref: EntityRef;
  state: Snapshot | null;
}

/** What an edit will do, computed from the current state after its versions were checked. */
export interface EditPlan {
  /** The new states. Every entity changed is listed; the engine increments each one's version. */
  changes: PlannedState[];
  /** Further things the change concerns, for their audit trails (a station added to a line). */
  related?: EntityRef[];
  /** Writes beyond the snapshots (a merge re-points accounts and audit history). */
  extraWrites?: (tx: ManagedTransaction) => Promise<void>;
  /** When the edit is an undo: the audit record it undoes. */
  undoOf?: string;
  /**
   * A preview only: the engine authorises the planned changes and returns `preview` without
   * writing anything.
   */
  dryRun?: boolean;
  /** What the edit shows its caller besides the new states (an import's per-row report). */
  preview?: unknown;
}

/** The first step of an edit: which entity it is about and which versions the caller saw. */
export interface EditTargets {
  /** A line or station; `NETWORK` for a change of many (an import). */
  entity: AuditSubject;
  expected: ExpectedVersion[];
}

/**
 * One kind of edit. The engine validates `input`, finds the targets, authorises the caller for
 * them, checks their versions, asks `plan` for the new states, authorises those too, writes
 * them with incremented versions and records the audit, all in one write transaction.
 */
export interface EditCommand<S extends z.ZodType> {
  /** Audit action, e.g. LINE_RENAME. */
  action: string;
  input: S;
  targets(input: z.infer<S>, read: EditReader, account: Account): Promise<EditTargets>;
  plan(input: z.infer<S>, read: EditReader, context: PlanContext): Promise<EditPlan>;
}

/** What `plan` knows besides its input: today (Finland), the targets it found, the caller. */
export interface PlanContext {
  today: string;
  targets: EditTargets;
  account: Account;
}

/** What a committed edit returns. */
export interface EditResult {
  /** Null for a dry run, which writes nothing. */
  auditId: string | null;
  revision: number | null;
  entity: AuditSubject;
  after: EntitySnapshots;
  preview: unknown;
}
