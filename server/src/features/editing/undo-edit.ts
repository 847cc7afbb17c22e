/**
 * Undo: applies the reverse of an audited edit through the edit engine, so it is authorised,
 * version-checked and audited like any edit. Every entity the change touched must still be as
 * the change left it (same version); otherwise the undo is a CONFLICT and writes nothing.
 */
import { z } from 'zod';
import { InvalidInputError } from '../../graphql/errors.ts';
import { subjectKey } from '../audit/audit.repository.ts';
import type { AuditEntry } from '../audit/audit.types.ts';
import type {
  EditCommand,
  EditReader,
  EntityRef,
  EntitySnapshots,
  PlannedState,
} from './editing.types.ts';

const undoInput = z.object({
  auditId: z
    .string()
    .trim()
    .regex(/^audit-[0-9a-f-]{36}$/, 'give the id of a change from the audit trail (audit-...)'),
});

function refOf(key: string): EntityRef {
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as EntityRef['kind'], id: key.slice(colon + 1) };
}

function snapshotsOf(value: unknown): EntitySnapshots {
  return (value ?? {}) as EntitySnapshots;
}

/** The change to undo, read in the edit's transaction; INVALID_INPUT when it cannot be undone. */
async function undoable(read: EditReader, auditId: string): Promise<AuditEntry> {
  const entry = await read.auditEntry(auditId);
  if (!entry) {
    throw new InvalidInputError(`auditId: there is no change ${auditId}`, 'auditId');
  }
  if (!entry.reversible) {
    throw new InvalidInputError(
      `auditId: the change ${auditId} (${entry.action}) cannot be undone here; it was not made in the editor`,
      'auditId',
    );
  }
  if (entry.undoneBy) {
    throw new InvalidInputError(
      `auditId: the change ${auditId} was undone already by ${entry.undoneBy}`,
      'auditId',
    );
  }
  return entry;
}

export const undoChange: EditCommand<typeof undoInput> = {
  action: 'UNDO',
  input: undoInput,
  async targets(input, read) {
    const entry = await undoable(read, input.auditId);
    return {
      entity: { kind: entry.entityKind, id: entry.entityId },
      expected: Object.entries(snapshotsOf(entry.after)).map(([key, state]) => ({
        ref: refOf(key),
        version: state?.version ?? null,
      })),
    };
  },
  async plan(input, read) {
    const entry = await undoable(read, input.auditId);
    const before = snapshotsOf(entry.before);
    const changes: PlannedState[] = Object.keys(snapshotsOf(entry.after)).map((key) => ({
      ref: refOf(key),
      state: before[key] ?? null,
    }));
    const changed = new Set(changes.map((change) => subjectKey(change.ref)));
    const related = entry.subjects.filter(
      (subject): subject is EntityRef =>
        (subject.kind === 'LINE' || subject.kind === 'STATION') &&
        !changed.has(subjectKey(subject)),
    );
    return { changes, related, undoOf: entry.id };
  },
};
