/**
 * The lines of a station, as its card's editors change them: add it to a line, take it off one,
 * mark it the line's coordinating responsible worker. Each change is one audited mutation with
 * the line's version, read just before it: the change is about this station alone, so it applies
 * to the line as it is now; a line changed in between still gets a CONFLICT, never a lost edit.
 */
export const STATION_LINES_QUERY = /* GraphQL */ `
  query StationLines($id: ID!, $lang: Lang!) {
    station(id: $id) {
      __typename id
      lines { code name(lang: $lang) color coordinators { id } }
    }
    lines { code name(lang: $lang) color retired }
  }`;

export const LINE_VERSION_QUERY = /* GraphQL */ `
  query LineVersion($code: String!) { line(code: $code) { version } }`;

export const ADD_TO_LINE = /* GraphQL */ `
  mutation AddStationToLine($code: String!, $stationId: ID!, $expectedVersion: Int!) {
    addStationToLine(code: $code, stationId: $stationId, expectedVersion: $expectedVersion) {
      line { version }
    }
  }`;

export const REMOVE_FROM_LINE = /* GraphQL */ `
  mutation RemoveStationFromLine($code: String!, $stationId: ID!, $expectedVersion: Int!) {
    removeStationFromLine(code: $code, stationId: $stationId, expectedVersion: $expectedVersion) {
      line { version }
    }
  }`;

export const SET_COORDINATOR = /* GraphQL */ `
  mutation SetLineCoordinator($code: String!, $stationId: ID!, $coordinator: Boolean!, $expectedVersion: Int!) {
    setLineCoordinator(code: $code, stationId: $stationId, coordinator: $coordinator, expectedVersion: $expectedVersion) {
      line { version }
    }
  }`;

export interface StationLine {
  code: string;
  name: string;
  color: string;
  coordinators: Array<{ id: string }>;
}

export interface NetworkLine {
  code: string;
  name: string;
  color: string;
  retired: boolean;
}

export interface StationLinesData {
  station: { __typename: 'Expert' | 'Unit'; id: string; lines: StationLine[] } | null;
  lines: NetworkLine[];
}

/** Active lines the station is not on and the account may add it to, in code order. */
export function linesToAdd(
  data: StationLinesData,
  mayEdit: (code: string) => boolean,
): NetworkLine[] {
  const on = new Set(data.station?.lines.map((line) => line.code) ?? []);
  return data.lines
    .filter((line) => !line.retired && !on.has(line.code) && mayEdit(line.code))
    .sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
}

/** Whether `stationId` coordinates `line`. */
export function coordinates(line: StationLine, stationId: string): boolean {
  return line.coordinators.some((coordinator) => coordinator.id === stationId);
}
