/**
 * Assembles what the metro map draws from the rows the repository reads. Pure: unit-tested.
 */
import type { LineNode } from '../lines/line.types.ts';
import { segmentKey } from './metro-layout.ts';
import type { NetworkMapRows } from './network-map.types.ts';

export interface MapStation {
  id: string;
  label: string;
  kind: 'EXPERT' | 'UNIT';
  x: number;
  y: number;
  lineCodes: string[];
  interchange: boolean;
  /** ISO date an away expert is back; null when at work. */
  awayUntil: string | null;
}

export interface MapSegment {
  lineCode: string;
  from: string;
  to: string;
  /**
   * Where to draw this line beside the others on the same segment, in line widths from the
   * centre, positive to the left when travelling from `from` to `to`: 0 when the line is alone.
   */
  offset: number;
}

export interface NetworkMap {
  lines: LineNode[];
  stations: MapStation[];
  segments: MapSegment[];
}

/**
 * The side-by-side offset of a line on a segment from the stored order, which is given left to
 * right from the lower id to the higher: travelling the other way swaps left and right.
 */
function segmentOffset(
  order: Record<string, string[]>,
  lineCode: string,
  from: string,
  to: string,
): number {
  const lines = order[segmentKey(from, to)];
  const index = lines?.indexOf(lineCode) ?? -1;
  if (!lines || index < 0) {
    return 0;
  }
  const offset = index - (lines.length - 1) / 2;
  return from < to ? offset : -offset;
}

/** Grid step of the placeholder layout, in map units. */
const PLACEHOLDER_STEP = 60;

/**
 * Builds the map. Stations without a stored position get a deterministic placeholder: a row per
 * line (the first line through the station), a column per position on it.
 */
export function buildNetworkMap(rows: NetworkMapRows, today: string): NetworkMap {
  const placeholder = new Map<string, { x: number; y: number }>();
  rows.lines.forEach(({ stationIds }, lineIndex) => {
    stationIds.forEach((id, position) => {
      if (!placeholder.has(id)) {
        placeholder.set(id, {
          x: position * PLACEHOLDER_STEP,
          y: lineIndex * 2 * PLACEHOLDER_STEP,
        });
      }
    });
  });
  const stations = rows.stations.map((station) => {
    const fallback = placeholder.get(station.id) ?? { x: 0, y: 0 };
    return {
      id: station.id,
      label: station.label,
      kind: station.kind,
      x: station.x ?? fallback.x,
      y: station.y ?? fallback.y,
      lineCodes: station.lineCodes,
      interchange: station.lineCodes.length > 1,
      awayUntil: station.awayUntil !== null && station.awayUntil > today ? station.awayUntil : null,
    };
  });
  const segments = rows.lines.flatMap(({ line, stationIds }) =>
    stationIds.slice(1).map((to, index) => {
      const from = stationIds[index] as string;
      return {
        lineCode: line.code,
        from,
        to,
        offset: segmentOffset(rows.segmentOrder, line.code, from, to),
      };
    }),
  );
  return { lines: rows.lines.map((row) => row.line), stations, segments };
}
