/** Finding what an edit is about, with INVALID_INPUT naming the field when it does not exist. */
import type { z } from 'zod';
import { InvalidInputError } from '../../graphql/errors.ts';
import type {
  EditCommand,
  EditPlan,
  EditReader,
  EntityRef,
  LineSnapshot,
  PlanContext,
  StationSnapshot,
} from './editing.types.ts';

export function lineRef(id: string): EntityRef {
  return { kind: 'LINE', id };
}

export function stationRef(id: string): EntityRef {
  return { kind: 'STATION', id };
}

/** The line with `code`, read under its lock; INVALID_INPUT on `field` when there is none. */
export async function existingLine(
  read: EditReader,
  code: string,
  field: string,
): Promise<LineSnapshot> {
  const id = await read.lineIdByCode(code);
  const line = id ? await read.line(id) : null;
  if (!line) {
    throw new InvalidInputError(`${field}: there is no line ${code}; check the code`, field);
  }
  return line;
}

/** The station with `id`, read under its lock; INVALID_INPUT on `field` when there is none. */
export async function existingStation(
  read: EditReader,
  id: string,
  field: string,
): Promise<StationSnapshot> {
  const station = await read.station(id);
  if (!station) {
    throw new InvalidInputError(`${field}: there is no station ${id}; check the id`, field);
  }
  return station;
}

/** What every edit of one existing line carries. */
export interface LineEditInput {
  code: string;
  expectedVersion: number;
}

/**
 * An edit of one line: the caller names it by code with the version they loaded, and `change`
 * computes its new state from the current one (throwing INVALID_INPUT when it cannot apply).
 */
export function lineEdit<S extends z.ZodType<LineEditInput>>(
  action: string,
  input: S,
  change: (
    line: LineSnapshot,
    input: z.infer<S>,
    read: EditReader,
  ) => Promise<Pick<EditPlan, 'related'> & { line: LineSnapshot }>,
): EditCommand<S> {
  return {
    action,
    input,
    async targets(valid, read) {
      const line = await existingLine(read, valid.code, 'code');
      return {
        entity: lineRef(line.id),
        expected: [{ ref: lineRef(line.id), version: valid.expectedVersion }],
      };
    },
    async plan(valid, read) {
      const current = await existingLine(read, valid.code, 'code');
      const { line, related } = await change(current, valid, read);
      return { changes: [{ ref: lineRef(current.id), state: line }], related };
    },
  };
}

/** What every edit of one existing station carries. */
export interface StationEditInput {
  stationId: string;
  expectedVersion: number;
}

/** An edit of one station's own properties, as `lineEdit` for lines. */
export function stationEdit<S extends z.ZodType<StationEditInput>>(
  action: string,
  input: S,
  change: (
    station: StationSnapshot,
    input: z.infer<S>,
    read: EditReader,
    context: PlanContext,
  ) => Promise<StationSnapshot>,
): EditCommand<S> {
  return {
    action,
    input,
    async targets(valid, read) {
      const station = await existingStation(read, valid.stationId, 'stationId');
      return {
        entity: stationRef(station.id),
        expected: [{ ref: stationRef(station.id), version: valid.expectedVersion }],
      };
    },
    async plan(valid, read, context) {
      const current = await existingStation(read, valid.stationId, 'stationId');
      const station = await change(current, valid, read, context);
      return { changes: [{ ref: stationRef(current.id), state: station }] };
    },
  };
}
