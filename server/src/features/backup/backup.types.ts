/**
 * The backup file: the whole graph as JSON, every node with its labels and properties and every
 * relationship with its type, ends and properties. Described for operators in docs/operations.md.
 */

/** The value `format` holds, so that another JSON file is not taken for a backup. */
export const BACKUP_FORMAT = 'metrokartta-backup';
/** Raised when the file layout changes in a way older readers would misread. */
export const BACKUP_VERSION = 1;

/**
 * Neo4j property types that JSON alone cannot tell apart, named in a record's `types`. A
 * property without an entry is a string, a boolean, an integer (a whole number) or a float (a
 * fractional number), or a list of one of these.
 */
export const TYPED_PROPERTY_TYPES = [
  'INTEGER',
  'FLOAT',
  'DATE',
  'DATETIME',
  'LOCAL_DATETIME',
  'LIST<INTEGER>',
  'LIST<FLOAT>',
  'LIST<DATE>',
  'LIST<DATETIME>',
  'LIST<LOCAL_DATETIME>',
] as const;

export type TypedPropertyType = (typeof TYPED_PROPERTY_TYPES)[number];

/** A property value as JSON holds it: temporal values as ISO strings. */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

/** One node. `ref` names it within the file (`Station:expert-0001`); relationships use it. */
export interface BackupNode {
  ref: string;
  /** Sorted. */
  labels: string[];
  /** Sorted by key. */
  properties: Record<string, PropertyValue>;
  /** Only for properties whose type JSON cannot tell (floats, dates, date-times). */
  types?: Record<string, TypedPropertyType>;
}

export interface BackupRelationship {
  type: string;
  /** `ref` of the start node. */
  from: string;
  /** `ref` of the end node. */
  to: string;
  properties: Record<string, PropertyValue>;
  types?: Record<string, TypedPropertyType>;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO date-time of the export. */
  exportedAt: string;
  /**
   * Whether accounts (`:Account`, with their password hashes) are in the file. Sessions never
   * are. Restoring a file without accounts leaves the accounts of the database as they are.
   */
  includesAccounts: boolean;
  counts: { nodes: number; relationships: number };
  nodes: BackupNode[];
  relationships: BackupRelationship[];
}

/** A property as the export query reads it: `type` is Cypher's `valueType()`. */
export interface StoredProperty {
  key: string;
  type: string;
  /** Integers and temporal values arrive as strings, so nothing is rounded on the way. */
  value: unknown;
}

/** A node as the export query reads it. */
export interface StoredNode {
  elementId: string;
  labels: string[];
  properties: StoredProperty[];
}

/** A relationship as the export query reads it; its ends are element ids. */
export interface StoredRelationship {
  type: string;
  startId: string;
  endId: string;
  properties: StoredProperty[];
}

/** A property ready for the restore query: `type` null for strings, booleans and their lists. */
export interface WritableProperty {
  key: string;
  type: TypedPropertyType | null;
  value: PropertyValue;
}

/** What a restore wrote. */
export interface RestoreSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  /** Nodes removed first (`--replace`). */
  nodesDeleted: number;
  /** Per label, for the operator's log. */
  labels: Record<string, number>;
  millis: number;
}
