/**
 * The backup file, pure: building it from what the export query read, and validating a file
 * before a restore writes anything. No I/O, so that both are unit-tested alone.
 *
 * Every property keeps its Neo4j type: JSON has one kind of number and no dates, so a record's
 * `types` names the type of each float, date and date-time (a float 3.0 must come back a float,
 * and a date a date). The export is canonical (labels, keys, nodes and relationships sorted), so
 * two exports of the same graph are the same text apart from `exportedAt`.
 */
import { z } from 'zod';
import { ROLES } from '../auth/account.types.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  type BackupNode,
  type BackupRelationship,
  type PropertyValue,
  type StoredNode,
  type StoredProperty,
  type StoredRelationship,
  TYPED_PROPERTY_TYPES,
  type TypedPropertyType,
  type WritableProperty,
} from './backup.types.ts';

/** Sign-in sessions: never exported, and refused in a file. */
export const SESSION_LABEL = 'Session';
export const ACCOUNT_LABEL = 'Account';
/** The change counter; a restore keeps it moving forward (see backup.repository.ts). */
export const NETWORK_REVISION_LABEL = 'NetworkRevision';

/**
 * The property that identifies a node of each label, in order of preference: a node's `ref` is
 * `Label:key` for the first of its labels listed here (`Station:expert-0001`, `Region:837`).
 */
export const IDENTITY_KEYS: ReadonlyArray<readonly [label: string, key: string]> = [
  ['Line', 'id'],
  ['Station', 'id'],
  ['Region', 'code'],
  ['Organisation', 'id'],
  ['Method', 'id'],
  ['Researcher', 'id'],
  ['ResearchProject', 'id'],
  ['VipNetwork', 'id'],
  ['Account', 'id'],
  ['AuditRecord', 'id'],
  ['MapLayout', 'id'],
  ['NetworkRevision', 'key'],
  ['ConsultationCount', 'key'],
];

/**
 * Properties unique per label: the identities, and what the schema's other uniqueness
 * constraints hold unique. A file that breaks one is refused before the database would be.
 */
const UNIQUE_PROPERTIES: ReadonlyArray<readonly [label: string, key: string]> = [
  ...IDENTITY_KEYS,
  ['Line', 'code'],
  ['Account', 'email'],
];

/** Thrown when a backup file is invalid; `problems` names each record and field. */
export class BackupValidationError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 30).join('\n- ');
    const more = problems.length > 30 ? `\n...and ${problems.length - 30} more` : '';
    super(`The backup file is invalid; nothing was written:\n- ${shown}${more}`);
    this.name = 'BackupValidationError';
  }
}

/** Thrown when the graph holds something the backup format cannot carry; nothing is exported. */
export class BackupExportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The graph cannot be exported:\n- ${problems.slice(0, 30).join('\n- ')}`);
    this.name = 'BackupExportError';
  }
}

// ---------------------------------------------------------------------------------------------
// Export: from what the query read to the file.

/** Cypher's valueType() names, without NOT NULL, to the backup's names (null: plain JSON). */
const SCALAR_TYPES: Record<string, TypedPropertyType | null> = {
  STRING: null,
  BOOLEAN: null,
  INTEGER: 'INTEGER',
  FLOAT: 'FLOAT',
  DATE: 'DATE',
  'ZONED DATETIME': 'DATETIME',
  'LOCAL DATETIME': 'LOCAL_DATETIME',
};

type ResolvedType = { type: TypedPropertyType | null; list: boolean } | { unsupported: string };

/** `LIST<INTEGER NOT NULL> NOT NULL` -> {type: 'LIST<INTEGER>', list: true}. */
export function resolveCypherType(cypherType: string): ResolvedType {
  const bare = cypherType.replaceAll(' NOT NULL', '').trim();
  const list = /^LIST<(.+)>$/.exec(bare);
  if (list) {
    const element = list[1] ?? '';
    if (element === 'NOTHING') {
      // An empty list: its element type is gone in Neo4j too.
      return { type: null, list: true };
    }
    const scalar = SCALAR_TYPES[element];
    if (scalar === undefined) {
      return { unsupported: bare };
    }
    return { type: scalar === null ? null : (`LIST<${scalar}>` as TypedPropertyType), list: true };
  }
  const scalar = SCALAR_TYPES[bare];
  return scalar === undefined ? { unsupported: bare } : { type: scalar, list: false };
}

/** Types a reader of the file cannot guess from JSON: integers are whole numbers already. */
function needsTypeEntry(type: TypedPropertyType | null): type is TypedPropertyType {
  return type !== null && type !== 'INTEGER' && type !== 'LIST<INTEGER>';
}

function decodeScalar(value: unknown, type: TypedPropertyType | null): string | number | boolean {
  const elementType = type?.replace(/^LIST<(.+)>$/, '$1');
  if (elementType === 'INTEGER') {
    // Read as text: the driver would round integers beyond 2^53 without a word.
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) {
      throw new Error(`the integer ${String(value)} is beyond what JSON carries exactly`);
    }
    return parsed;
  }
  if (elementType === 'FLOAT' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw new Error(`the float ${String(value)} has no JSON form`);
  }
  return value as string | number | boolean;
}

function encodeProperties(
  stored: StoredProperty[],
  where: string,
  problems: string[],
): Pick<BackupNode, 'properties' | 'types'> {
  const properties: Record<string, PropertyValue> = {};
  const types: Record<string, TypedPropertyType> = {};
  for (const property of [...stored].sort((a, b) => compareText(a.key, b.key))) {
    const resolved = resolveCypherType(property.type);
    if ('unsupported' in resolved) {
      problems.push(
        `${where}.${property.key}: Neo4j type ${resolved.unsupported} is not supported by the backup format`,
      );
      continue;
    }
    try {
      properties[property.key] = resolved.list
        ? ((property.value as unknown[]).map((item) =>
            decodeScalar(item, resolved.type),
          ) as PropertyValue)
        : decodeScalar(property.value, resolved.type);
    } catch (error) {
      problems.push(`${where}.${property.key}: ${(error as Error).message}`);
      continue;
    }
    if (needsTypeEntry(resolved.type)) {
      types[property.key] = resolved.type;
    }
  }
  return Object.keys(types).length > 0 ? { properties, types } : { properties };
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The identity ref of a node, or null when none of its labels has an identity key. */
export function identityRef(
  labels: readonly string[],
  properties: Record<string, unknown>,
): string | null {
  for (const [label, key] of IDENTITY_KEYS) {
    const value = properties[key];
    if (labels.includes(label) && (typeof value === 'string' || typeof value === 'number')) {
      return `${label}:${value}`;
    }
  }
  return null;
}

function canonicalText(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Builds the canonical backup file from what the export query read. Throws BackupExportError
 * when a property has a type the format cannot carry, rather than leave it out.
 */
export function buildBackup(
  stored: { nodes: StoredNode[]; relationships: StoredRelationship[] },
  options: { exportedAt: Date; includesAccounts: boolean },
): BackupFile {
  const problems: string[] = [];
  const refOfElement = new Map<string, string>();
  const identified: Array<BackupNode & { elementId: string }> = [];
  const anonymous: Array<BackupNode & { elementId: string }> = [];

  for (const node of stored.nodes) {
    const labels = [...node.labels].sort(compareText);
    const encoded = encodeProperties(node.properties, `node ${labels.join(':')}`, problems);
    const ref = identityRef(labels, encoded.properties);
    const record = { elementId: node.elementId, ref: ref ?? '', labels, ...encoded };
    (ref === null ? anonymous : identified).push(record);
  }
  // Nodes without an identity key are numbered in the order of their content, so that the
  // same graph gets the same refs.
  anonymous.sort((a, b) =>
    compareText(
      canonicalText([a.labels, a.properties, a.types]),
      canonicalText([b.labels, b.properties, b.types]),
    ),
  );
  const counters = new Map<string, number>();
  for (const node of anonymous) {
    const prefix = node.labels[0] ?? 'Node';
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    node.ref = `${prefix}#${next}`;
  }
  const seen = new Set<string>();
  const nodes: BackupNode[] = [];
  for (const { elementId, ...node } of [...identified, ...anonymous]) {
    if (seen.has(node.ref)) {
      problems.push(`node ${node.ref}: another node has the same identity`);
    }
    seen.add(node.ref);
    refOfElement.set(elementId, node.ref);
    nodes.push(node);
  }
  nodes.sort((a, b) => compareText(a.ref, b.ref));

  const relationships: BackupRelationship[] = [];
  for (const relationship of stored.relationships) {
    const from = refOfElement.get(relationship.startId);
    const to = refOfElement.get(relationship.endId);
    if (from === undefined || to === undefined) {
      // An end outside the export: a session's, or one added while the export was read.
      continue;
    }
    const where = `relationship ${from} -[${relationship.type}]-> ${to}`;
    relationships.push({
      type: relationship.type,
      from,
      to,
      ...encodeProperties(relationship.properties, where, problems),
    });
  }
  relationships.sort((a, b) =>
    compareText(
      canonicalText([a.type, a.from, a.to, a.properties, a.types]),
      canonicalText([b.type, b.from, b.to, b.properties, b.types]),
    ),
  );
  if (problems.length > 0) {
    throw new BackupExportError(problems);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    includesAccounts: options.includesAccounts,
    counts: { nodes: nodes.length, relationships: relationships.length },
    nodes,
    relationships,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation: everything is checked before a restore writes anything.

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const ZONED_DATETIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[A-Za-z0-9_+\-/]+\])?$/;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const isoDate = z.iso.date();

const propertyValue = z.union(
  [
    z.string(),
    z.number(),
    z.boolean(),
    z.array(z.string()),
    z.array(z.number()),
    z.array(z.boolean()),
  ],
  { error: 'must be a string, number, boolean, or a list of one of these' },
);
const propertiesSchema = z.record(z.string().min(1).max(200), propertyValue);
const typesSchema = z.record(
  z.string(),
  z.enum(TYPED_PROPERTY_TYPES, { error: `must be one of ${TYPED_PROPERTY_TYPES.join(', ')}` }),
);
const name = (what: string) =>
  z.string().regex(NAME, `${what} must be letters, digits and underscores`);

const fileSchema = z.object({
  format: z.literal(BACKUP_FORMAT, {
    error: `must be "${BACKUP_FORMAT}": this is not a Metrokartta backup`,
  }),
  version: z.literal(BACKUP_VERSION, {
    error: `must be ${BACKUP_VERSION}: this Metrokartta reads backups of version ${BACKUP_VERSION}`,
  }),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }),
  includesAccounts: z.boolean({ error: 'must be true or false' }),
  counts: z.object({
    nodes: z.number().int().min(0),
    relationships: z.number().int().min(0),
  }),
  nodes: z.array(
    z.object({
      ref: z.string().min(1, 'must not be empty').max(300),
      labels: z.array(name('a label')),
      properties: propertiesSchema,
      types: typesSchema.optional(),
    }),
  ),
  relationships: z.array(
    z.object({
      type: name('a relationship type'),
      from: z.string().min(1),
      to: z.string().min(1),
      properties: propertiesSchema,
      types: typesSchema.optional(),
    }),
  ),
});

/** Whether `value` is a valid value of `type`, and if not, what it must look like. */
function typeProblem(value: PropertyValue, type: TypedPropertyType): string | null {
  const list = /^LIST<(.+)>$/.exec(type);
  if (list) {
    if (!Array.isArray(value)) {
      return `must be a list (types say ${type})`;
    }
    for (const item of value) {
      const problem = typeProblem(item, list[1] as TypedPropertyType);
      if (problem) {
        return `every item ${problem}`;
      }
    }
    return null;
  }
  switch (type) {
    case 'INTEGER':
      return Number.isSafeInteger(value) ? null : 'must be a whole number (types say INTEGER)';
    case 'FLOAT':
      return typeof value === 'number' ? null : 'must be a number (types say FLOAT)';
    case 'DATE':
      return typeof value === 'string' && isoDate.safeParse(value).success
        ? null
        : 'must be a date YYYY-MM-DD (types say DATE)';
    case 'DATETIME':
      return typeof value === 'string' && ZONED_DATETIME.test(value)
        ? null
        : 'must be a date-time with a zone, e.g. 2026-01-31T12:00:00Z (types say DATETIME)';
    case 'LOCAL_DATETIME':
      return typeof value === 'string' && LOCAL_DATETIME.test(value)
        ? null
        : 'must be a date-time without a zone, e.g. 2026-01-31T12:00:00 (types say LOCAL_DATETIME)';
    default:
      return `has an unknown type ${String(type)}`;
  }
}

const text = z.string().trim().min(1, 'must not be empty');
const wholeNumber = (min: number) =>
  z
    .number()
    .refine(Number.isInteger, 'must be a whole number')
    .refine((value) => value >= min, `must be ${min} or more`);

/**
 * What the app relies on in each kind of node: a restored graph must be one the app can serve.
 * Other properties pass as they are, so that a newer export keeps what it holds.
 */
const LABEL_RULES: Record<
  string,
  { properties: z.ZodType; types?: Record<string, TypedPropertyType> }
> = {
  Line: {
    properties: z.object({
      id: text,
      code: z.string().regex(/^L\d{1,3}$/, 'must look like L1, L2, ...'),
      number: wholeNumber(1),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour'),
      nameFi: text,
      nameSv: text,
      nameEn: text,
    }),
  },
  Station: {
    properties: z.object({
      id: text,
      kind: z.enum(['EXPERT', 'UNIT'], { error: 'must be EXPERT or UNIT' }),
      name: text,
    }),
  },
  Expert: {
    properties: z.object({
      otShare: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
    }),
    types: { verifiedOn: 'DATE', awayUntil: 'DATE' },
  },
  Region: {
    properties: z.object({
      code: text,
      name: text,
      kind: z.enum(['MUNICIPALITY', 'COUNTY', 'AREA', 'COUNTRY'], {
        error: 'must be MUNICIPALITY, COUNTY, AREA or COUNTRY',
      }),
    }),
  },
  Organisation: { properties: z.object({ id: text, name: text }) },
  Method: { properties: z.object({ id: text, name: text }) },
  Researcher: { properties: z.object({ id: text, name: text }) },
  ResearchProject: { properties: z.object({ id: text, title: text }) },
  VipNetwork: { properties: z.object({ id: text, name: text }) },
  Account: {
    properties: z.object({
      id: text,
      email: z.email('must be an e-mail address').refine((email) => email === email.toLowerCase(), {
        message: 'must be lower-case',
      }),
      role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
      passwordHash: z
        .string()
        .startsWith('$scrypt$', 'must be a scrypt hash in PHC form ($scrypt$...)')
        .optional(),
    }),
  },
  NetworkRevision: { properties: z.object({ key: text, value: wholeNumber(0) }) },
  AuditRecord: {
    properties: z.object({ id: text, action: text, revision: wholeNumber(0) }),
    types: { at: 'DATETIME' },
  },
};

/** Which labels each end of a known relationship type must have. */
const RELATIONSHIP_RULES: Record<string, { from: string; to: string; properties?: z.ZodType }> = {
  ON_LINE: {
    from: 'Station',
    to: 'Line',
    properties: z.object({ position: wholeNumber(1), coordinator: z.boolean() }),
  },
  MEMBER_OF: { from: 'Station', to: 'Organisation' },
  SERVES: { from: 'Station', to: 'Region' },
  PRACTISES: { from: 'Expert', to: 'Method' },
  PART_OF: { from: 'Region', to: 'Region' },
  LOCATED_IN: { from: 'Organisation', to: 'Region' },
  AFFILIATED_WITH: { from: 'Researcher', to: 'Organisation' },
  WORKS_ON: { from: 'Researcher', to: 'ResearchProject' },
  CONDUCTED_BY: { from: 'ResearchProject', to: 'Organisation' },
  INFORMS: { from: 'ResearchProject', to: 'Line' },
  LINKS_TO: { from: 'VipNetwork', to: 'Line' },
  COVERS: { from: 'VipNetwork', to: 'Region' },
};

/** The type a property is written with: its `types` entry, or what its JSON value says. */
export function propertyType(
  value: PropertyValue,
  declared: TypedPropertyType | undefined,
): TypedPropertyType | null {
  if (declared) {
    return declared;
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  if (!items.every((item) => typeof item === 'number')) {
    return null;
  }
  const scalar = items.every((item) => Number.isInteger(item)) ? 'INTEGER' : 'FLOAT';
  return Array.isArray(value) ? (`LIST<${scalar}>` as TypedPropertyType) : scalar;
}

function describePath(path: PropertyKey[], file: unknown): string {
  let label = '';
  let node: unknown = file;
  for (const key of path) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const ref =
        node && typeof node === 'object' && 'ref' in node ? (node as { ref: unknown }).ref : null;
      label += typeof ref === 'string' ? `[${key}] (${ref})` : `[${key}]`;
    } else {
      label += label ? `.${String(key)}` : String(key);
    }
  }
  return label || '(the file)';
}

function checkRecordProperties(
  record: { properties: Record<string, PropertyValue>; types?: Record<string, TypedPropertyType> },
  where: string,
  problems: string[],
) {
  for (const [key, type] of Object.entries(record.types ?? {})) {
    const value = record.properties[key];
    if (value === undefined) {
      problems.push(`${where}.types.${key}: names a property the record does not have`);
      continue;
    }
    const problem = typeProblem(value, type);
    if (problem) {
      problems.push(`${where}.properties.${key}: ${problem}`);
    }
  }
}

function checkRules(
  rules: { properties?: z.ZodType; types?: Record<string, TypedPropertyType> },
  record: { properties: Record<string, PropertyValue>; types?: Record<string, TypedPropertyType> },
  where: string,
  problems: string[],
) {
  const parsed = rules.properties?.safeParse(record.properties);
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      const value = record.properties[String(issue.path[0])];
      problems.push(
        `${where}.properties.${field}: ${value === undefined ? 'is missing' : issue.message}`,
      );
    }
  }
  for (const [key, expected] of Object.entries(rules.types ?? {})) {
    const value = record.properties[key];
    if (value !== undefined && propertyType(value, record.types?.[key]) !== expected) {
      problems.push(`${where}.properties.${key}: must be of type ${expected}`);
    }
  }
}

/**
 * Checks a backup file completely: its layout, every property against its type, what the app
 * relies on in each node and relationship, and that every relationship's ends are in the file.
 * Returns the file when it is valid; throws BackupValidationError listing every problem.
 */
export function validateBackup(input: unknown): BackupFile {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) {
    throw new BackupValidationError(
      parsed.error.issues
        .slice(0, 100)
        .map((issue) => `${describePath(issue.path, input)}: ${issue.message}`),
    );
  }
  const file = parsed.data as BackupFile;
  const problems: string[] = [];
  if (file.counts.nodes !== file.nodes.length) {
    problems.push(
      `counts.nodes: says ${file.counts.nodes} but the file has ${file.nodes.length} nodes (is it cut short?)`,
    );
  }
  if (file.counts.relationships !== file.relationships.length) {
    problems.push(
      `counts.relationships: says ${file.counts.relationships} but the file has ${file.relationships.length} relationships (is it cut short?)`,
    );
  }

  const labelsOf = new Map<string, string[]>();
  const identities = new Map<string, string>();
  file.nodes.forEach((node, index) => {
    const where = `nodes[${index}] (${node.ref})`;
    if (labelsOf.has(node.ref)) {
      problems.push(`${where}.ref: another node has the same ref`);
    }
    labelsOf.set(node.ref, node.labels);
    if (new Set(node.labels).size !== node.labels.length) {
      problems.push(`${where}.labels: a label is repeated`);
    }
    if (node.labels.includes(SESSION_LABEL)) {
      problems.push(`${where}.labels: sessions are never restored; remove this node`);
    }
    if (node.labels.includes(ACCOUNT_LABEL) && !file.includesAccounts) {
      problems.push(
        `${where}.labels: an account in a file whose includesAccounts is false; set it to true or remove the node`,
      );
    }
    checkRecordProperties(node, where, problems);
    for (const label of node.labels) {
      const rules = LABEL_RULES[label];
      if (rules) {
        checkRules(rules, node, where, problems);
      }
    }
    const kind = node.properties.kind;
    if (node.labels.includes('Station')) {
      const expected = kind === 'EXPERT' ? 'Expert' : kind === 'UNIT' ? 'Unit' : null;
      if (expected && !node.labels.includes(expected)) {
        problems.push(`${where}.labels: a station of kind ${kind} needs the label ${expected}`);
      }
    }
    for (const [label, key] of UNIQUE_PROPERTIES) {
      const value = node.properties[key];
      if (node.labels.includes(label) && value !== undefined) {
        const identity = `${label}.${key} = ${JSON.stringify(value)}`;
        const holder = identities.get(identity);
        if (holder) {
          problems.push(`${where}.properties.${key}: ${identity} is also used by ${holder}`);
        }
        identities.set(identity, node.ref);
      }
    }
  });

  file.relationships.forEach((relationship, index) => {
    const where = `relationships[${index}] (${relationship.from} -[${relationship.type}]-> ${relationship.to})`;
    const fromLabels = labelsOf.get(relationship.from);
    const toLabels = labelsOf.get(relationship.to);
    if (!fromLabels) {
      problems.push(`${where}.from: no node has the ref "${relationship.from}"`);
    }
    if (!toLabels) {
      problems.push(`${where}.to: no node has the ref "${relationship.to}"`);
    }
    checkRecordProperties(relationship, where, problems);
    const rules = RELATIONSHIP_RULES[relationship.type];
    if (!rules) {
      return;
    }
    if (fromLabels && !fromLabels.includes(rules.from)) {
      problems.push(`${where}.from: ${relationship.type} must start at a ${rules.from}`);
    }
    if (toLabels && !toLabels.includes(rules.to)) {
      problems.push(`${where}.to: ${relationship.type} must end at a ${rules.to}`);
    }
    checkRules(rules, relationship, where, problems);
  });

  if (problems.length > 0) {
    throw new BackupValidationError(problems);
  }
  return file;
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses and validates the text of a backup file. */
export function parseBackup(text: string): BackupFile {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position === undefined ? '' : ` (at ${lineAndColumn(text, Number(position))})`;
    throw new BackupValidationError([`The file is not valid JSON${at}: ${message}`]);
  }
  return validateBackup(input);
}

/** A record's properties as the restore query writes them, each with its type. */
export function writableProperties(record: {
  properties: Record<string, PropertyValue>;
  types?: Record<string, TypedPropertyType>;
}): WritableProperty[] {
  return Object.entries(record.properties).map(([key, value]) => ({
    key,
    type: propertyType(value, record.types?.[key]),
    value,
  }));
}
