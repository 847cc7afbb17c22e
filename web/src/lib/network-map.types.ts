/** Shapes of the GraphQL answers the map reads (see schema.graphql). */

export type StationKind = 'EXPERT' | 'UNIT';

/** A line as the map and the legend show it; `name` is in the UI language. */
export interface MapLine {
  id: string;
  code: string;
  name: string;
  /** #rrggbb */
  color: string;
}

export interface MapStation {
  id: string;
  label: string;
  kind: StationKind;
  x: number;
  y: number;
  /** Lines through the station, in code order. */
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
   * Where the line runs beside others on this segment, in lanes from the centre, positive to
   * the left travelling from `from` to `to`; 0 when alone (or when the layout has not ordered
   * the segment yet).
   */
  offset: number;
}

export interface NetworkMap {
  lines: MapLine[];
  stations: MapStation[];
  segments: MapSegment[];
}

/** A research project of a partner, as the list view names it. */
export interface OverlayDetail {
  id: string;
  title: string;
  lineCodes: string[];
}

/** A research partner or VIP network drawn as an overlay layer, linked to the lines it serves. */
export interface OverlayItem {
  id: string;
  name: string;
  /** In line order. */
  lineCodes: string[];
  /** A research partner's projects; empty for VIP networks. */
  details?: OverlayDetail[];
}

export type LayerName = 'research' | 'vip';

export const LAYER_NAMES: readonly LayerName[] = ['research', 'vip'];
