import type { LineNode } from '../lines/line.types.ts';

/** A station as the map draws it. */
export interface MapStationRow {
  id: string;
  label: string;
  kind: 'EXPERT' | 'UNIT';
  /** Stored layout position; null until a layout has been computed. */
  x: number | null;
  y: number | null;
  /** Lines through the station, in code order. */
  lineCodes: string[];
  /** Away experts are drawn as a disruption. */
  awayUntil: string | null;
}

export interface MapLineRow {
  line: LineNode;
  /** Stations in line order. */
  stationIds: string[];
}

export interface NetworkMapRows {
  lines: MapLineRow[];
  stations: MapStationRow[];
  /** From the stored layout: `a|b` (a < b) -> codes of the lines on that segment, left to right from a to b. */
  segmentOrder: Record<string, string[]>;
}
