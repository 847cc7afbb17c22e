/**
 * Edits of lines: create, rename, recolour, describe, instructions, keywords, retire, and the
 * stations along a line (add, remove, reorder, coordinator marks). Each is a command for the
 * edit engine; none writes anything itself.
 */
import { z } from 'zod';
import { InvalidInputError } from '../../graphql/errors.ts';
import {
  expectedVersion,
  lineCode,
  lineColour,
  lineKeywords,
  lineNames,
  lineTexts,
  position,
  stationId,
} from './edit-inputs.ts';
import { existingStation, lineEdit, lineRef, stationRef } from './edit-targets.ts';
import type { EditCommand, EditReader, LineSnapshot } from './editing.types.ts';

const lineTarget = { code: lineCode, expectedVersion };

async function colourFree(read: EditReader, color: string, lineId: string): Promise<void> {
  const taken = await read.activeLineWithColour(color, lineId);
  if (taken) {
    throw new InvalidInputError(
      `color: line ${taken} already has ${color}; choose another palette colour so that lines stay apart`,
      'color',
    );
  }
}

const createLineInput = z.object({
  code: lineCode,
  name: lineNames,
  color: lineColour,
  description: lineTexts('description', 1000).nullish(),
});

export const createLine: EditCommand<typeof createLineInput> = {
  action: 'LINE_CREATE',
  input: createLineInput,
  async targets(input, read) {
    if (await read.lineIdByCode(input.code)) {
      throw new InvalidInputError(
        `code: there is already a line ${input.code}; choose a free code`,
        'code',
      );
    }
    const ref = lineRef(`line-${input.code}`);
    return { entity: ref, expected: [{ ref, version: null }] };
  },
  async plan(input, read) {
    const id = `line-${input.code}`;
    await colourFree(read, input.color, id);
    const line: LineSnapshot = {
      id,
      code: input.code,
      number: Number(input.code.slice(1)),
      color: input.color,
      nameFi: input.name.fi,
      nameSv: input.name.sv,
      nameEn: input.name.en,
      descriptionFi: input.description?.fi ?? null,
      descriptionSv: input.description?.sv ?? null,
      descriptionEn: input.description?.en ?? null,
      instructionsFi: null,
      instructionsSv: null,
      instructionsEn: null,
      keywords: [],
      keywordsFi: null,
      keywordsSv: null,
      keywordsEn: null,
      active: true,
      version: 0,
      stations: [],
    };
    return { changes: [{ ref: lineRef(id), state: line }] };
  },
};

export const renameLine = lineEdit(
  'LINE_RENAME',
  z.object({ ...lineTarget, name: lineNames }),
  async (line, input) => ({
    line: { ...line, nameFi: input.name.fi, nameSv: input.name.sv, nameEn: input.name.en },
  }),
);

export const recolourLine = lineEdit(
  'LINE_RECOLOUR',
  z.object({ ...lineTarget, color: lineColour }),
  async (line, input, read) => {
    await colourFree(read, input.color, line.id);
    return { line: { ...line, color: input.color } };
  },
);

export const describeLine = lineEdit(
  'LINE_DESCRIBE',
  z.object({ ...lineTarget, description: lineTexts('description', 1000) }),
  async (line, input) => ({
    line: {
      ...line,
      descriptionFi: input.description.fi,
      descriptionSv: input.description.sv,
      descriptionEn: input.description.en,
    },
  }),
);

export const setLineInstructions = lineEdit(
  'LINE_INSTRUCTIONS',
  z.object({ ...lineTarget, instructions: lineTexts('instructions', 20_000) }),
  async (line, input) => ({
    line: {
      ...line,
      instructionsFi: input.instructions.fi,
      instructionsSv: input.instructions.sv,
      instructionsEn: input.instructions.en,
    },
  }),
);

/** Keeps the first of terms that differ only in case. */
function distinctTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = term.toLocaleLowerCase('fi');
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

export const setLineKeywords = lineEdit(
  'LINE_KEYWORDS',
  z.object({ ...lineTarget, keywords: lineKeywords }),
  async (line, input) => {
    const fi = distinctTerms(input.keywords.fi);
    const sv = distinctTerms(input.keywords.sv);
    const en = distinctTerms(input.keywords.en);
    return {
      line: {
        ...line,
        keywordsFi: fi,
        keywordsSv: sv,
        keywordsEn: en,
        keywords: distinctTerms([...fi, ...sv, ...en]),
      },
    };
  },
);

export const retireLine = lineEdit('LINE_RETIRE', z.object(lineTarget), async (line) => {
  if (!line.active) {
    throw new InvalidInputError(`code: line ${line.code} is retired already`, 'code');
  }
  return { line: { ...line, active: false } };
});

export const addStationToLine = lineEdit(
  'LINE_ADD_STATION',
  z.object({ ...lineTarget, stationId, position: position.nullish() }),
  async (line, input, read) => {
    const station = await existingStation(read, input.stationId, 'stationId');
    if (line.stations.some((stop) => stop.id === station.id)) {
      throw new InvalidInputError(
        `stationId: ${station.name} is on line ${line.code} already; reorder the line to move it`,
        'stationId',
      );
    }
    const last = line.stations.length + 1;
    const at = input.position ?? last;
    if (at > last) {
      throw new InvalidInputError(
        `position: line ${line.code} has ${line.stations.length} stations; give a position from 1 to ${last}`,
        'position',
      );
    }
    const stations = [...line.stations];
    stations.splice(at - 1, 0, { id: station.id, coordinator: false });
    return { line: { ...line, stations }, related: [stationRef(station.id)] };
  },
);

function stopIndex(line: LineSnapshot, id: string): number {
  const index = line.stations.findIndex((stop) => stop.id === id);
  if (index < 0) {
    throw new InvalidInputError(
      `stationId: station ${id} is not on line ${line.code}`,
      'stationId',
    );
  }
  return index;
}

export const removeStationFromLine = lineEdit(
  'LINE_REMOVE_STATION',
  z.object({ ...lineTarget, stationId }),
  async (line, input) => {
    stopIndex(line, input.stationId);
    return {
      line: { ...line, stations: line.stations.filter((stop) => stop.id !== input.stationId) },
      related: [stationRef(input.stationId)],
    };
  },
);

export const reorderLineStations = lineEdit(
  'LINE_REORDER',
  z.object({
    ...lineTarget,
    stationIds: z.array(stationId).max(2000, 'a line has at most 2000 stations'),
  }),
  async (line, input) => {
    const current = new Map(line.stations.map((stop) => [stop.id, stop]));
    const given = new Set(input.stationIds);
    const missing = line.stations.filter((stop) => !given.has(stop.id)).map((stop) => stop.id);
    const foreign = input.stationIds.filter((id) => !current.has(id));
    if (given.size !== input.stationIds.length || missing.length > 0 || foreign.length > 0) {
      const details = [
        missing.length > 0 ? `missing ${missing.join(', ')}` : '',
        foreign.length > 0 ? `not on the line: ${foreign.join(', ')}` : '',
        given.size !== input.stationIds.length ? 'a station is listed twice' : '',
      ].filter(Boolean);
      throw new InvalidInputError(
        `stationIds: list every station of line ${line.code} exactly once, in the new order (${details.join('; ')})`,
        'stationIds',
      );
    }
    return {
      line: {
        ...line,
        stations: input.stationIds.map((id) => current.get(id) as LineSnapshot['stations'][0]),
      },
    };
  },
);

export const setLineCoordinator = lineEdit(
  'LINE_SET_COORDINATOR',
  z.object({ ...lineTarget, stationId, coordinator: z.boolean('say true or false') }),
  async (line, input, read) => {
    const index = stopIndex(line, input.stationId);
    const station = await existingStation(read, input.stationId, 'stationId');
    if (input.coordinator && station.kind !== 'EXPERT') {
      throw new InvalidInputError(
        `stationId: ${station.name} is a unit; only an expert can be a coordinating responsible worker`,
        'stationId',
      );
    }
    const stations = line.stations.map((stop, i) =>
      i === index ? { ...stop, coordinator: input.coordinator } : stop,
    );
    return { line: { ...line, stations }, related: [stationRef(station.id)] };
  },
);

/** Used by merges: the line reads the same, with `removedId` replaced by `keptId`. */
export function lineWithStationReplaced(
  line: LineSnapshot,
  removedId: string,
  keptId: string,
): LineSnapshot {
  const kept = line.stations.find((stop) => stop.id === keptId);
  const removed = line.stations.find((stop) => stop.id === removedId);
  const stations = line.stations.flatMap((stop) => {
    if (stop.id === removedId) {
      return kept ? [] : [{ id: keptId, coordinator: stop.coordinator }];
    }
    if (stop.id === keptId) {
      return [{ id: keptId, coordinator: stop.coordinator || Boolean(removed?.coordinator) }];
    }
    return [stop];
  });
  return { ...line, stations };
}
