/**
 * The edit engine: the one way any mutation changes the network. Each edit is checked in this
 * order, and nothing is written unless every check passes:
 *
 * 1. signed in (anonymous callers get UNAUTHENTICATED);
 * 2. input valid (zod at the edge; INVALID_INPUT naming every bad field);
 * 3. in ONE write transaction: the targets are read under their write locks, the caller is
 *    authorised for them (FORBIDDEN), their versions compared with the ones the caller saw
 *    (CONFLICT with the current state), the new states planned and authorised, written with
 *    versions incremented, and the change audited with the full before and after snapshots.
 *
 * Because the snapshots are complete, `undoChange` is one more edit that writes `before` back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import { writeTransaction } from '../../database/neo4j-driver.ts';
import type { RequestContext } from '../../graphql/context.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  UnauthenticatedError,
} from '../../graphql/errors.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { recordAudit, subjectKey } from '../audit/audit.repository.ts';
import { type AuditSubject, accountActor } from '../audit/audit.types.ts';
import type { Account } from '../auth/account.types.ts';
import { canEditLine, isOwnExpertCard } from '../auth/authorization.ts';
import {
  deleteLine,
  deleteStation,
  editReader,
  writeLine,
  writeStation,
} from './editing.repository.ts';
import type {
  EditCommand,
  EditReader,
  EditResult,
  EntityRef,
  EntitySnapshots,
  LineSnapshot,
  PlannedState,
  Snapshot,
  StationSnapshot,
} from './editing.types.ts';

export const SIGN_IN_TO_EDIT = 'Kirjaudu sisään muokataksesi. (Sign in to make changes.)';

/** Ends a dry run's transaction without committing it, carrying what the run found. */
class DryRunEnd extends Error {
  constructor(readonly result: EditResult) {
    super('dry run');
  }
}

/** Options of one kind of edit beyond its command. */
export interface EditOptions {
  /** An expert may make this edit to their own card (updateExpert); default false. */
  ownCard?: boolean;
}

/** A reader that remembers each snapshot it read, so one edit sees one state of each entity. */
function rememberingReader(read: EditReader): EditReader & {
  snapshot(ref: EntityRef): Promise<Snapshot | null>;
} {
  const lines = new Map<string, Promise<LineSnapshot | null>>();
  const stations = new Map<string, Promise<StationSnapshot | null>>();
  const reader = {
    ...read,
    line(id: string) {
      const known = lines.get(id) ?? read.line(id);
      lines.set(id, known);
      return known;
    },
    station(id: string) {
      const known = stations.get(id) ?? read.station(id);
      stations.set(id, known);
      return known;
    },
    snapshot(ref: EntityRef): Promise<Snapshot | null> {
      return ref.kind === 'LINE' ? reader.line(ref.id) : reader.station(ref.id);
    },
  };
  return reader;
}

function labelOf(ref: EntityRef, state: Snapshot | null): string {
  if (state && 'code' in state) {
    return `linja ${state.code} (line ${state.code})`;
  }
  if (state && 'name' in state) {
    return `${state.name}`;
  }
  return ref.id;
}

/**
 * Whether `account` may change `ref` from `before` to `after`. Admins may change everything;
 * coordinators the lines they coordinate, the stations on them, and new stations they put on
 * one of those lines in the same edit; an expert their own card, where the edit allows it.
 */
function authorise(
  account: Account,
  ref: EntityRef,
  before: Snapshot | null,
  after: Snapshot | null,
  changes: readonly PlannedState[],
  options: EditOptions,
): void {
  if (account.role === 'admin') {
    return;
  }
  if (ref.kind === 'LINE') {
    const code = ((before ?? after) as LineSnapshot | null)?.code ?? '';
    if (!before) {
      throw new ForbiddenError(
        'Vain ylläpitäjä voi perustaa linjan. (Only an admin can create a line.)',
      );
    }
    if (!canEditLine(account, code)) {
      throw new ForbiddenError(
        `Et koordinoi linjaa ${code}, joten et voi muuttaa sitä. (You do not coordinate line ${code}, so you cannot change it.)`,
      );
    }
    return;
  }
  if (options.ownCard && before && after && isOwnExpertCard(account, ref.id)) {
    return;
  }
  if (account.role === 'coordinator') {
    const station = before as StationSnapshot | null;
    if (station?.lineCodes.some((code) => canEditLine(account, code))) {
      return;
    }
    const putOnOwnLine = changes.some(
      (change) =>
        change.ref.kind === 'LINE' &&
        change.state !== null &&
        canEditLine(account, (change.state as LineSnapshot).code) &&
        (change.state as LineSnapshot).stations.some((stop) => stop.id === ref.id),
    );
    if (!station && putOnOwnLine) {
      return;
    }
  }
  const name = labelOf(ref, before ?? after);
  throw new ForbiddenError(
    `Et voi muuttaa asemaa ${name}: se ei ole millään koordinoimallasi linjalla. (You cannot change ${name}: it is on none of the lines you coordinate.)`,
  );
}

function conflict(ref: EntityRef, expected: number | null, current: Snapshot | null): never {
  const label = labelOf(ref, current);
  if (expected === null) {
    throw new ConflictError(`${label} on jo olemassa. (${label} already exists.)`, current);
  }
  if (current === null) {
    throw new ConflictError(
      `${label} on poistettu sen jälkeen, kun avasit sen. Lataa uudelleen. (${label} was removed since you opened it. Reload.)`,
      null,
    );
  }
  throw new ConflictError(
    `Joku muu muutti kohdetta ${label} sen jälkeen, kun avasit sen (versio ${expected}, nyt ${current.version}); mitään ei tallennettu. Lataa uudelleen ja tee muutos uudestaan. (Someone else changed ${label} since you opened it: your version ${expected}, now ${current.version}; nothing was saved. Reload and make the change again.)`,
    current,
  );
}

/** Whether a change moves anything the map layout is computed from. */
function changesNetwork(before: Snapshot | null, after: Snapshot | null): boolean {
  if (before === null || after === null) {
    return true;
  }
  if ('code' in before && 'code' in after) {
    return (
      before.active !== after.active ||
      JSON.stringify(before.stations.map((stop) => stop.id)) !==
        JSON.stringify(after.stations.map((stop) => stop.id))
    );
  }
  const [b, a] = [before as StationSnapshot, after as StationSnapshot];
  return b.pinnedX !== a.pinnedX || b.pinnedY !== a.pinnedY;
}

async function writeChanges(
  tx: ManagedTransaction,
  changes: readonly PlannedState[],
  befores: ReadonlyMap<string, Snapshot | null>,
): Promise<void> {
  const nextVersion = (change: PlannedState) =>
    (befores.get(subjectKey(change.ref))?.version ?? 0) + 1;
  // Stations first (a line's stops must exist), removals last.
  const order: Array<[EntityRef['kind'], boolean]> = [
    ['STATION', true],
    ['LINE', true],
    ['LINE', false],
    ['STATION', false],
  ];
  for (const [kind, upsert] of order) {
    for (const change of changes) {
      if (change.ref.kind !== kind || (change.state !== null) !== upsert) {
        continue;
      }
      if (change.state === null) {
        await (kind === 'LINE' ? deleteLine : deleteStation)(tx, change.ref.id);
      } else if (kind === 'LINE') {
        await writeLine(tx, change.state as LineSnapshot, nextVersion(change));
      } else {
        await writeStation(tx, change.state as StationSnapshot, nextVersion(change));
      }
    }
  }
}

/**
 * Runs one edit for the caller of `context`: validates `rawInput` with the command's schema and
 * applies it as described above. Returns the audit id and the states after the change.
 */
export async function runEdit<S extends z.ZodType>(
  context: RequestContext,
  command: EditCommand<S>,
  rawInput: unknown,
  options: EditOptions = {},
): Promise<EditResult> {
  const { account } = context;
  if (!account) {
    throw new UnauthenticatedError(SIGN_IN_TO_EDIT);
  }
  const input = validateArgs(command.input, rawInput);
  let networkChanged = false;
  const result = await writeTransaction(context.database, async (tx) => {
    networkChanged = false;
    const read = rememberingReader(editReader(tx));
    const targets = await command.targets(input, read, account);
    for (const expected of targets.expected) {
      const current = await read.snapshot(expected.ref);
      if (current) {
        authorise(account, expected.ref, current, current, [], options);
      }
    }
    for (const expected of targets.expected) {
      const current = await read.snapshot(expected.ref);
      if (expected.version === null ? current !== null : current?.version !== expected.version) {
        conflict(expected.ref, expected.version, current);
      }
    }
    const plan = await command.plan(input, read, { today: context.today, targets, account });
    const befores = new Map<string, Snapshot | null>();
    for (const change of plan.changes) {
      befores.set(subjectKey(change.ref), await read.snapshot(change.ref));
    }
    for (const change of plan.changes) {
      const before = befores.get(subjectKey(change.ref)) ?? null;
      authorise(account, change.ref, before, change.state, plan.changes, options);
    }
    if (plan.dryRun) {
      // Nothing was written but the locks' no-op version writes; ending here rolls them back.
      throw new DryRunEnd({
        auditId: null,
        revision: null,
        entity: targets.entity,
        after: {},
        preview: plan.preview,
      });
    }
    await writeChanges(tx, plan.changes, befores);
    await plan.extraWrites?.(tx);

    const fresh = editReader(tx);
    const before: EntitySnapshots = {};
    const after: EntitySnapshots = {};
    for (const change of plan.changes) {
      const key = subjectKey(change.ref);
      before[key] = befores.get(key) ?? null;
      after[key] =
        change.ref.kind === 'LINE'
          ? await fresh.line(change.ref.id)
          : await fresh.station(change.ref.id);
      if ((after[key] === null) !== (change.state === null)) {
        throw new InvalidInputError(
          `${labelOf(change.ref, change.state)} could not be written`,
          'input',
        );
      }
      networkChanged ||= changesNetwork(before[key], after[key]);
    }
    const entityKey = subjectKey(targets.entity);
    const related: AuditSubject[] = [
      ...plan.changes.map((change) => change.ref),
      ...(plan.related ?? []),
    ].filter((ref) => subjectKey(ref) !== entityKey);
    const receipt = await recordAudit(tx, {
      actor: accountActor(account),
      action: command.action,
      entity: targets.entity,
      related,
      before,
      after,
      reversible: true,
      undoOf: plan.undoOf ?? null,
    });
    return {
      auditId: receipt.id,
      revision: receipt.revision,
      entity: targets.entity,
      after,
      preview: plan.preview,
    };
  }).catch((error: unknown) => {
    if (error instanceof DryRunEnd) {
      return error.result;
    }
    throw error;
  });
  if (networkChanged) {
    context.networkChanged();
  }
  return result;
}
