/**
 * The change history in words: what one audited change did to the thing it is about, field by
 * field, before → after, from the full snapshots the server stores. Pure, so unit-tested.
 */

export const AUDIT_TRAIL_QUERY = /* GraphQL */ `
  query AuditTrail($lineCode: String, $stationId: ID, $after: String) {
    auditTrail(lineCode: $lineCode, stationId: $stationId, first: 10, after: $after) {
      nodes {
        id at action reversible undoOf undoneBy before after
        entity { kind id }
        actor { email role system }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const UNDO_MUTATION = /* GraphQL */ `
  mutation UndoChange($auditId: ID!) { undoChange(auditId: $auditId) { id } }
`;

type Snapshot = Record<string, unknown>;

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  reversible: boolean;
  undoOf: string | null;
  undoneBy: string | null;
  /** `KIND:id` -> the state before (null: did not exist). */
  before: Record<string, Snapshot | null> | null;
  after: Record<string, Snapshot | null> | null;
  entity: { kind: string; id: string };
  actor: { email: string | null; role: string | null; system: string | null };
}

/** One field a change changed, as text. */
export interface FieldChange {
  /** The snapshot's field name (`nameFi`, `stations`, `pinned`, ...). */
  field: string;
  before: string;
  after: string;
}

export interface ChangeWords {
  noValue: string;
  yes: string;
  no: string;
}

/** Fields that say nothing to a reader, or that another field already shows. */
const HIDDEN = new Set(['id', 'version', 'number', 'lineCodes', 'verifiedOn', 'keywords', 'kind']);

/** Longer texts (instructions) are cut here: the history shows what changed, not whole documents. */
const MAX_TEXT = 160;

function text(value: unknown, words: ChangeWords): string {
  if (value === null || value === undefined || value === '') {
    return words.noValue;
  }
  if (typeof value === 'boolean') {
    return value ? words.yes : words.no;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? words.noValue : value.map((item) => text(item, words)).join(', ');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  const plain = String(value);
  return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT - 1)}…` : plain;
}

interface Stop {
  id: string;
  coordinator?: boolean;
}

/** A line's stops: who moved where, who joined or left, who became or stopped being coordinator. */
function stopChanges(
  before: Stop[],
  after: Stop[],
  nameOf: (id: string) => string,
  words: ChangeWords,
): FieldChange[] {
  const position = (stops: Stop[]) => new Map(stops.map((stop, index) => [stop.id, index + 1]));
  const [was, is] = [position(before), position(after)];
  const changes: FieldChange[] = [];
  const order = [...after, ...before.filter((stop) => !is.has(stop.id))];
  for (const stop of order) {
    const from = was.get(stop.id);
    const to = is.get(stop.id);
    if (from !== to) {
      changes.push({
        field: 'stations',
        before: from === undefined ? words.noValue : `${nameOf(stop.id)}: ${from}.`,
        after: to === undefined ? words.noValue : `${nameOf(stop.id)}: ${to}.`,
      });
    }
  }
  const coordinators = (stops: Stop[]) =>
    stops
      .filter((stop) => stop.coordinator)
      .map((stop) => nameOf(stop.id))
      .join(', ');
  if (coordinators(before) !== coordinators(after)) {
    changes.push({
      field: 'coordinators',
      before: coordinators(before) || words.noValue,
      after: coordinators(after) || words.noValue,
    });
  }
  return changes;
}

function pinText(state: Snapshot, words: ChangeWords): string {
  const [x, y] = [state.pinnedX, state.pinnedY];
  return typeof x === 'number' && typeof y === 'number'
    ? `(${Math.round(x)}, ${Math.round(y)})`
    : words.noValue;
}

/**
 * What `entry` changed in the thing it is about, field by field; a creation or a removal is one
 * row with an empty field name. Stations are named with `nameOf` (the map's labels).
 */
export function changedFields(
  entry: AuditEntryView,
  nameOf: (stationId: string) => string,
  words: ChangeWords,
): FieldChange[] {
  const key = `${entry.entity.kind}:${entry.entity.id}`;
  const before = entry.before?.[key] ?? null;
  const after = entry.after?.[key] ?? null;
  if (before === null || after === null) {
    return [];
  }
  const changes: FieldChange[] = [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    if (HIDDEN.has(field) || field === 'pinnedY') {
      continue;
    }
    if (field === 'stations') {
      changes.push(
        ...stopChanges(
          (before.stations as Stop[]) ?? [],
          (after.stations as Stop[]) ?? [],
          nameOf,
          words,
        ),
      );
      continue;
    }
    if (field === 'pinnedX') {
      const [was, is] = [pinText(before, words), pinText(after, words)];
      if (was !== is) {
        changes.push({ field: 'pinned', before: was, after: is });
      }
      continue;
    }
    const [was, is] = [text(before[field], words), text(after[field], words)];
    if (was !== is) {
      changes.push({ field, before: was, after: is });
    }
  }
  return changes;
}

/** Whether `entry` created (before null) or removed (after null) the thing it is about. */
export function lifecycleOf(entry: AuditEntryView): 'created' | 'removed' | null {
  const key = `${entry.entity.kind}:${entry.entity.id}`;
  if (!entry.before?.[key] && entry.after?.[key]) {
    return 'created';
  }
  if (entry.before?.[key] && !entry.after?.[key]) {
    return 'removed';
  }
  return null;
}

/**
 * The changes of `entries` (newest first) that can be undone now: the server undoes a change
 * only while everything it touched is as it left it, so a change is undoable when it stands
 * and no newer change in the list touched the same things. The server still decides.
 */
export function undoableIds(entries: readonly AuditEntryView[]): Set<string> {
  const touchedSince = new Set<string>();
  const result = new Set<string>();
  for (const entry of entries) {
    const keys = Object.keys(entry.after ?? {});
    if (entry.reversible && !entry.undoneBy && keys.every((key) => !touchedSince.has(key))) {
      result.add(entry.id);
    }
    for (const key of keys) {
      touchedSince.add(key);
    }
  }
  return result;
}
