/**
 * Edits of stations: create and update experts and units, merge duplicates, pin a station's
 * map position. Each is a command for the edit engine; none writes anything itself.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InvalidInputError } from '../../graphql/errors.ts';
import {
  channels,
  coordinate,
  email,
  expectedVersion,
  isoDate,
  languages,
  lineCode,
  methodIds,
  optionalText,
  organisationId,
  otShare,
  phone,
  position,
  regionCodes,
  requiredText,
  serviceLevel,
  stationId,
} from './edit-inputs.ts';
import { existingLine, existingStation, lineRef, stationEdit, stationRef } from './edit-targets.ts';
import { moveStationReferences } from './editing.repository.ts';
import type {
  EditCommand,
  EditReader,
  LineSnapshot,
  PlannedState,
  StationSnapshot,
} from './editing.types.ts';
import { lineWithStationReplaced } from './line-edits.ts';

/** Checks that the organisation, regions and methods a card names exist. */
async function checkReferences(
  read: EditReader,
  card: { organisationId?: string | null; regionCodes?: string[]; methodIds?: string[] },
  prefix: string,
): Promise<void> {
  if (card.organisationId && !(await read.organisationExists(card.organisationId))) {
    const field = `${prefix}organisationId`;
    throw new InvalidInputError(
      `${field}: there is no organisation ${card.organisationId}; pick one from the list`,
      field,
    );
  }
  const regions = await read.unknownRegions(card.regionCodes ?? []);
  if (regions.length > 0) {
    const field = `${prefix}regionCodes`;
    throw new InvalidInputError(
      `${field}: no region ${regions.join(', ')}; use municipality codes (837), county or area codes`,
      field,
    );
  }
  const methods = await read.unknownMethods(card.methodIds ?? []);
  if (methods.length > 0) {
    const field = `${prefix}methodIds`;
    throw new InvalidInputError(`${field}: no method ${methods.join(', ')}`, field);
  }
}

const expertFields = {
  name: requiredText('the name', 2, 120),
  title: requiredText('the title', 2, 160),
  organisationId,
  serviceLevel,
  languages,
  regionCodes,
  channels,
  otShare,
  methodIds: methodIds.optional().transform((ids) => ids ?? []),
  awayUntil: isoDate.nullish().transform((value) => value ?? null),
  email,
  phone,
  publicCard: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
};

const unitFields = {
  name: requiredText('the name', 2, 160),
  description: optionalText('the description', 1000),
  organisationId,
  regionCodes,
  channels,
  email,
  phone,
};

/** Where a new station goes: a line (required for coordinators) and a position on it. */
const placement = {
  lineCode: lineCode.nullish(),
  position: position.nullish(),
};

function newStation(kind: 'EXPERT' | 'UNIT', today: string): StationSnapshot {
  return {
    id: `${kind === 'EXPERT' ? 'expert' : 'unit'}-${randomUUID()}`,
    kind,
    name: '',
    title: null,
    serviceLevel: null,
    languages: [],
    channels: [],
    otShare: null,
    awayUntil: null,
    email: null,
    phone: null,
    publicCard: false,
    verifiedOn: kind === 'EXPERT' ? today : null,
    description: null,
    organisationId: null,
    regionCodes: [],
    methodIds: [],
    pinnedX: null,
    pinnedY: null,
    version: 0,
    lineCodes: [],
  };
}

/** A command creating a station, optionally put on a line at a position in the same edit. */
function createStation<S extends z.ZodType<{ lineCode?: string | null; position?: number | null }>>(
  action: string,
  kind: 'EXPERT' | 'UNIT',
  input: S,
  fill: (station: StationSnapshot, input: z.infer<S>) => StationSnapshot,
): EditCommand<S> {
  return {
    action,
    input,
    async targets(valid, read, account) {
      if (account.role !== 'admin' && !valid.lineCode) {
        throw new InvalidInputError(
          'lineCode: give the line you coordinate that the new station joins',
          'lineCode',
        );
      }
      if (valid.lineCode) {
        await existingLine(read, valid.lineCode, 'lineCode');
      }
      const { id } = newStation(kind, '');
      return { entity: stationRef(id), expected: [{ ref: stationRef(id), version: null }] };
    },
    async plan(valid, read, context) {
      const { id } = context.targets.entity;
      const station = fill({ ...newStation(kind, context.today), id }, valid);
      await checkReferences(read, station, 'input.');
      const changes: PlannedState[] = [{ ref: stationRef(id), state: station }];
      if (valid.lineCode) {
        const line = await existingLine(read, valid.lineCode, 'lineCode');
        const last = line.stations.length + 1;
        const at = valid.position ?? last;
        if (at > last) {
          throw new InvalidInputError(
            `position: line ${line.code} has ${line.stations.length} stations; give a position from 1 to ${last}`,
            'position',
          );
        }
        const stations = [...line.stations];
        stations.splice(at - 1, 0, { id, coordinator: false });
        changes.push({ ref: lineRef(line.id), state: { ...line, stations } });
      }
      return { changes };
    },
  };
}

const createExpertInput = z.object({ input: z.object(expertFields), ...placement });

export const createExpert = createStation(
  'STATION_CREATE_EXPERT',
  'EXPERT',
  createExpertInput,
  (station, valid) => ({ ...station, ...valid.input }),
);

const createUnitInput = z.object({ input: z.object(unitFields), ...placement });

export const createUnit = createStation(
  'STATION_CREATE_UNIT',
  'UNIT',
  createUnitInput,
  (station, valid) => ({ ...station, ...valid.input }),
);

/** A patch: every field optional; a missing field stays as it is. */
function patchOf<T extends Record<string, z.ZodType>>(fields: T) {
  return z
    .object(
      Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.optional()])) as {
        [K in keyof T]: z.ZodOptional<T[K]>;
      },
    )
    .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: 'change at least one field',
    });
}

/** Fields given in a patch, without the ones left out (GraphQL's missing input fields). */
function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

const updateExpertInput = z.object({
  stationId,
  expectedVersion,
  changes: patchOf({
    ...expertFields,
    // Omitted: unchanged. null: back at work.
    awayUntil: isoDate.nullable(),
  }),
});

export const updateExpert = stationEdit(
  'STATION_UPDATE_EXPERT',
  updateExpertInput,
  async (station, input, read, context) => {
    if (station.kind !== 'EXPERT') {
      throw new InvalidInputError(
        `stationId: ${station.name} is a unit; use updateUnit`,
        'stationId',
      );
    }
    const changes = given(input.changes);
    await checkReferences(read, changes, 'changes.');
    // Whoever edits a card has checked it: it counts as verified today.
    return { ...station, ...changes, verifiedOn: context.today };
  },
);

const updateUnitInput = z.object({
  stationId,
  expectedVersion,
  changes: patchOf(unitFields),
});

export const updateUnit = stationEdit(
  'STATION_UPDATE_UNIT',
  updateUnitInput,
  async (station, input, read) => {
    if (station.kind !== 'UNIT') {
      throw new InvalidInputError(
        `stationId: ${station.name} is an expert; use updateExpert`,
        'stationId',
      );
    }
    const changes = given(input.changes);
    await checkReferences(read, changes, 'changes.');
    return { ...station, ...changes };
  },
);

const pinStationInput = z.object({
  stationId,
  expectedVersion,
  position: z.object({ x: coordinate, y: coordinate }).nullable(),
});

export const pinStation = stationEdit('STATION_PIN', pinStationInput, async (station, input) => ({
  ...station,
  pinnedX: input.position?.x ?? null,
  pinnedY: input.position?.y ?? null,
}));

const mergeStationsInput = z
  .object({
    keepId: stationId,
    keepVersion: expectedVersion,
    removeId: stationId,
    removeVersion: expectedVersion,
  })
  .refine((input) => input.keepId !== input.removeId, {
    message: 'give two different stations: the one to keep and its duplicate',
    path: ['removeId'],
  });

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * Merges a duplicate into the station kept: the kept one takes the duplicate's place on its
 * lines (keeping its own place where both were on one line), its regions, methods, channels and
 * languages; accounts and audit history of the duplicate move to it, and the duplicate is removed.
 */
export const mergeStations: EditCommand<typeof mergeStationsInput> = {
  action: 'STATION_MERGE',
  input: mergeStationsInput,
  async targets(input, read) {
    const kept = await existingStation(read, input.keepId, 'keepId');
    const removed = await existingStation(read, input.removeId, 'removeId');
    return {
      entity: stationRef(kept.id),
      expected: [
        { ref: stationRef(kept.id), version: input.keepVersion },
        { ref: stationRef(removed.id), version: input.removeVersion },
      ],
    };
  },
  async plan(input, read) {
    const kept = await existingStation(read, input.keepId, 'keepId');
    const removed = await existingStation(read, input.removeId, 'removeId');
    if (kept.kind !== removed.kind) {
      throw new InvalidInputError(
        'removeId: an expert and a unit cannot be merged; both must be experts or both units',
        'removeId',
      );
    }
    const merged: StationSnapshot = {
      ...kept,
      languages: union(kept.languages, removed.languages),
      channels: union(kept.channels, removed.channels),
      regionCodes: union(kept.regionCodes, removed.regionCodes),
      methodIds: union(kept.methodIds, removed.methodIds),
      organisationId: kept.organisationId ?? removed.organisationId,
      email: kept.email ?? removed.email,
      phone: kept.phone ?? removed.phone,
      title: kept.title ?? removed.title,
      description: kept.description ?? removed.description,
    };
    const changes: PlannedState[] = [
      { ref: stationRef(kept.id), state: merged },
      { ref: stationRef(removed.id), state: null },
    ];
    for (const code of removed.lineCodes) {
      const line: LineSnapshot = await existingLine(read, code, 'removeId');
      changes.push({
        ref: lineRef(line.id),
        state: lineWithStationReplaced(line, removed.id, kept.id),
      });
    }
    return {
      changes,
      extraWrites: (tx) => moveStationReferences(tx, removed.id, kept.id),
    };
  },
};
