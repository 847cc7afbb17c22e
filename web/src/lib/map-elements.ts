/**
 * Turns the API's network map into the elements Cytoscape draws: one node per station, one edge
 * per segment, a code badge at each end of every line, and the overlay layers. Pure and free of
 * Cytoscape itself (only MetroMap.svelte imports it), so the mapping is unit-tested on its own.
 *
 * Where several lines run between the same two stations their edges are shifted sideways into
 * lanes, so that they are drawn side by side: both endpoints of an edge move by the same vector
 * perpendicular to the segment (Cytoscape's `source-endpoint`/`target-endpoint`), which keeps
 * each lane exactly parallel to the segment, unlike bezier offsets that bulge in the middle.
 * The lanes come from the server's layout (`MapSegment.offset`, ordered to avoid crossings);
 * segments it has not ordered yet get lanes from {@link segmentLanes}.
 */
import { readableTextColor } from '../../../common/color-contrast.ts';
import {
  type Box,
  boxesOverlap,
  type LabelledStation,
  type LabelObstacles,
  type LabelPlan,
  type MeasureText,
  placeLabels,
  type Stroke,
} from './label-placement.ts';
import { type LineNotice, lineNotices } from './line-notices.ts';
import type {
  LayerName,
  MapSegment,
  MapStation,
  NetworkMap,
  OverlayItem,
} from './network-map.types.ts';
import { interchangeMarker, type MarkerPoint } from './station-marker.ts';

/** Distance between the centre lines of two lanes, in map units (a line is 6 wide). */
export const LANE_SPACING = 8;
/**
 * Distance from a terminus to the centre of its line's code badge, in map units: room for the
 * badge at its largest (see {@link BADGE_MAX_SCALE}).
 */
export const BADGE_DISTANCE = 66;
/** Distance between an overlay rail and the map, in map units. */
export const OVERLAY_MARGIN = 240;
/** Width of a line, in map units. */
export const LINE_WIDTH = 6;
/** Size and font size of a line's code badge at scale 1 (close zooms), in map units. */
export const BADGE_WIDTH = 40;
export const BADGE_HEIGHT = 24;
export const BADGE_FONT = 16;
/**
 * How far the badges grow at far zooms so that their codes stay legible (map-style.ts): at
 * most this many times their size at scale 1. Label placement keeps names clear of them at
 * this size.
 */
export const BADGE_MAX_SCALE = 2.3;
/** Marker diameters of a plain expert and a unit, in map units. */
const EXPERT_SIZE = 14;
const UNIT_SIZE = 18;

export interface Point {
  x: number;
  y: number;
}

export interface StationNodeData {
  id: string;
  label: string;
  /** Label as drawn: the name, with a warning sign when the expert is away. */
  caption: string;
  kind: 'EXPERT' | 'UNIT';
  lineCodes: string[];
  /** Colour of the station's first line (its marker's border when it is on one line). */
  color: string;
  /** Marker box: an interchange's capsule grows with the lanes it spans. */
  width: number;
  height: number;
  /** An interchange's capsule outline (Cytoscape `shape-polygon-points`); absent otherwise. */
  polygon?: number[];
  /**
   * The first label level (index into LABEL_ZOOMS) at which the name is drawn; the style shows
   * it from there on.
   */
  labelLevel: number;
  awayUntil: string | null;
}

export interface SegmentEdgeData {
  id: string;
  source: string;
  target: string;
  lineCode: string;
  lineCodes: string[];
  color: string;
  /** Lanes from the centre of a shared segment, positive to the left of travel; 0 when alone. */
  lane: number;
  /** Endpoint offsets, `"<x>px <y>px"` from the station centres; set on shared segments only. */
  sourceEndpoint?: string;
  targetEndpoint?: string;
}

export interface LineBadgeData {
  id: string;
  lineCode: string;
  lineCodes: string[];
  /** The line code, with a warning sign when the line has a coverage gap. */
  caption: string;
  color: string;
  textColor: string;
}

export interface OverlayNodeData {
  id: string;
  layer: LayerName;
  label: string;
  lineCodes: string[];
}

export interface OverlayEdgeData {
  id: string;
  source: string;
  target: string;
  layer: LayerName;
  lineCodes: string[];
}

export type MapElementData =
  | StationNodeData
  | SegmentEdgeData
  | LineBadgeData
  | OverlayNodeData
  | OverlayEdgeData;

/** A Cytoscape element definition, structurally (this module does not import Cytoscape). */
export interface MapElement {
  group: 'nodes' | 'edges';
  data: MapElementData;
  position?: Point;
  classes: string[];
}

/** The key of the undirected segment between two stations. */
export function segmentKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function unit(from: Point, to: Point): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  return length === 0 ? { x: 0, y: 0 } : { x: dx / length, y: dy / length };
}

function round(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

/**
 * Lanes of the lines on shared segments, in the API's convention: the i-th of n lines (in
 * `lineOrder`) gets offset (n - 1) / 2 - i, positive to the left travelling from `from` to `to`
 * (y pointing down). Segments that carry the same set of lines are followed as one stretch and
 * oriented the same way along it, so the lines keep their order and never cross inside it.
 */
export function segmentLanes(
  segments: readonly MapSegment[],
  lineOrder: readonly string[],
): Map<MapSegment, number> {
  const rank = new Map(lineOrder.map((code, index) => [code, index]));
  const byKey = new Map<string, MapSegment[]>();
  for (const segment of segments) {
    const key = segmentKey(segment.from, segment.to);
    byKey.set(key, [...(byKey.get(key) ?? []), segment]);
  }
  const lanes = new Map<MapSegment, number>();
  // Shared segments grouped by the set of lines they carry: a stretch never changes its set.
  const groups = new Map<string, string[]>();
  for (const [key, shared] of byKey) {
    const codes = [...new Set(shared.map((segment) => segment.lineCode))];
    if (codes.length < 2) {
      for (const segment of shared) {
        lanes.set(segment, 0);
      }
      continue;
    }
    const signature = codes.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)).join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  for (const [signature, keys] of groups) {
    const codes = signature.split(',');
    const keysAt = new Map<string, string[]>();
    for (const key of keys) {
      for (const station of key.split('|')) {
        keysAt.set(station, [...(keysAt.get(station) ?? []), key]);
      }
    }
    const visited = new Set<string>();
    for (const startKey of [...keys].sort()) {
      if (visited.has(startKey)) {
        continue;
      }
      const chain = walkStretch(startKey, keysAt, visited);
      const oriented = (chain[0] as string) <= (chain[chain.length - 1] as string);
      const stations = oriented ? chain : [...chain].reverse();
      for (let index = 1; index < stations.length; index++) {
        const from = stations[index - 1] as string;
        const to = stations[index] as string;
        for (const segment of byKey.get(segmentKey(from, to)) ?? []) {
          const lane = (codes.length - 1) / 2 - codes.indexOf(segment.lineCode);
          lanes.set(segment, segment.from === from ? lane : -lane);
        }
      }
    }
  }
  return lanes;
}

/**
 * The lane of every segment: the layout's offset, or, on a shared segment the layout has left
 * unordered (all its offsets 0), a lane of our own so the lines still run side by side.
 */
function laneOffsets(map: NetworkMap): Map<MapSegment, number> {
  const byKey = new Map<string, MapSegment[]>();
  for (const segment of map.segments) {
    const key = segmentKey(segment.from, segment.to);
    byKey.set(key, [...(byKey.get(key) ?? []), segment]);
  }
  const unordered = map.segments.filter((segment) => {
    const shared = byKey.get(segmentKey(segment.from, segment.to)) ?? [];
    return (
      new Set(shared.map((other) => other.lineCode)).size > 1 &&
      shared.every((other) => !other.offset)
    );
  });
  const fallback = segmentLanes(
    unordered,
    map.lines.map((line) => line.code),
  );
  return new Map(map.segments.map((segment) => [segment, fallback.get(segment) ?? segment.offset]));
}

/** The stations of the stretch through `startKey`, in order, extended while it does not branch. */
function walkStretch(
  startKey: string,
  keysAt: ReadonlyMap<string, string[]>,
  visited: Set<string>,
): string[] {
  visited.add(startKey);
  const [a, b] = startKey.split('|') as [string, string];
  const extend = (end: string, previousKey: string): string[] => {
    const path: string[] = [];
    let station = end;
    let key = previousKey;
    for (;;) {
      const next = keysAt.get(station) ?? [];
      if (next.length !== 2) {
        return path;
      }
      const nextKey = next[0] === key ? next[1] : next[0];
      if (nextKey === undefined || visited.has(nextKey)) {
        return path;
      }
      visited.add(nextKey);
      const [p, q] = nextKey.split('|') as [string, string];
      station = p === station ? q : p;
      key = nextKey;
      path.push(station);
    }
  };
  const before = extend(a, startKey).reverse();
  const after = extend(b, startKey);
  return [...before, a, b, ...after];
}

/** Termini of each line: stations at the ends of its path (a lone station is both ends). */
export function lineTermini(map: NetworkMap): Map<string, string[]> {
  const termini = new Map<string, string[]>();
  for (const line of map.lines) {
    const segments = map.segments.filter((segment) => segment.lineCode === line.code);
    if (segments.length === 0) {
      const lone = map.stations.find((station) => station.lineCodes.includes(line.code));
      termini.set(line.code, lone ? [lone.id] : []);
      continue;
    }
    const first = (segments[0] as MapSegment).from;
    const last = (segments[segments.length - 1] as MapSegment).to;
    termini.set(line.code, first === last ? [first] : [first, last]);
  }
  return termini;
}

/** How the marker of each station is drawn: its box, and an interchange's capsule. */
function stationMarkers(
  map: NetworkMap,
  laneEnds: ReadonlyMap<string, MarkerPoint[]>,
): Map<string, { width: number; height: number; polygon?: number[] }> {
  return new Map(
    map.stations.map((station) => {
      if (station.interchange) {
        const shape = interchangeMarker(laneEnds.get(station.id) ?? [], {
          corners: station.kind === 'UNIT' ? 'square' : 'round',
        });
        return [station.id, { width: shape.width, height: shape.height, polygon: shape.polygon }];
      }
      const size = station.kind === 'UNIT' ? UNIT_SIZE : EXPERT_SIZE;
      return [station.id, { width: size, height: size }];
    }),
  );
}

/** Options of {@link toMapElements}. */
export interface MapElementOptions {
  /** Measures label text; the browser passes the canvas's, tests use the estimate. */
  measure?: MeasureText;
  /** More things station names must keep clear of (e.g. overlay layers). */
  obstacles?: { strokes: readonly Stroke[]; boxes: readonly Box[] };
}

/**
 * The priority of a station's name: interchanges (the more lines the higher), then termini,
 * then units, then the other experts.
 */
export function labelPriority(station: MapStation, terminus: boolean): number {
  if (station.interchange) {
    return 10 + station.lineCodes.length;
  }
  return terminus ? 3 : station.kind === 'UNIT' ? 2 : 0;
}

/** The station names of a map as the label placement saw them, and where it put them. */
export interface MapLabelling {
  stations: LabelledStation[];
  obstacles: LabelObstacles;
  plans: Map<string, LabelPlan>;
}

/** Every element of the map, without overlays. */
export function toMapElements(map: NetworkMap, options: MapElementOptions = {}): MapElement[] {
  return drawMap(map, options).elements;
}

/** The label placement of a map's station names, for benchmarks and tests. */
export function mapLabelling(map: NetworkMap, options: MapElementOptions = {}): MapLabelling {
  return drawMap(map, options).labelling;
}

function drawMap(
  map: NetworkMap,
  options: MapElementOptions,
): { elements: MapElement[]; labelling: MapLabelling } {
  const positions = new Map(
    map.stations.map((station) => [station.id, { x: station.x, y: station.y }]),
  );
  const colors = new Map(map.lines.map((line) => [line.code, line.color]));
  const notices: Map<string, LineNotice> = lineNotices(map);
  const lanes = laneOffsets(map);
  const termini = lineTermini(map);
  const strokes: Stroke[] = [...(options.obstacles?.strokes ?? [])];
  /** Where each segment's centre line meets its stations, relative to the station. */
  const laneEnds = new Map<string, MarkerPoint[]>();
  const addLaneEnd = (stationId: string, point: MarkerPoint) => {
    const ends = laneEnds.get(stationId);
    if (ends) {
      ends.push(point);
    } else {
      laneEnds.set(stationId, [point]);
    }
  };

  const edges: MapElement[] = map.segments.map((segment) => {
    const from = positions.get(segment.from) ?? { x: 0, y: 0 };
    const to = positions.get(segment.to) ?? { x: 0, y: 0 };
    const lane = lanes.get(segment) ?? 0;
    const data: SegmentEdgeData = {
      id: `segment:${segment.lineCode}:${segment.from}:${segment.to}`,
      source: segment.from,
      target: segment.to,
      lineCode: segment.lineCode,
      lineCodes: [segment.lineCode],
      color: colors.get(segment.lineCode) ?? '#555555',
      lane,
    };
    const classes = ['segment'];
    // The left-hand normal of the direction of travel, with y pointing down.
    const u = unit(from, to);
    const shift = { x: round(u.y * lane * LANE_SPACING), y: round(-u.x * lane * LANE_SPACING) };
    if (lane !== 0) {
      const offset = `${shift.x}px ${shift.y}px`;
      data.sourceEndpoint = offset;
      data.targetEndpoint = offset;
      classes.push('parallel');
    }
    addLaneEnd(segment.from, shift);
    addLaneEnd(segment.to, shift);
    strokes.push({
      x1: from.x + shift.x,
      y1: from.y + shift.y,
      x2: to.x + shift.x,
      y2: to.y + shift.y,
      halfWidth: LINE_WIDTH / 2 + 1,
    });
    return { group: 'edges', data, classes };
  });

  const badges: MapElement[] = [];
  const badgeBoxes: Box[] = [];
  const badgesAt = new Map<string, number>();
  for (const line of map.lines) {
    const ends = termini.get(line.code) ?? [];
    ends.forEach((stationId, endIndex) => {
      const at = positions.get(stationId);
      if (!at) {
        return;
      }
      const neighbour = map.segments.find(
        (segment) =>
          segment.lineCode === line.code &&
          (segment.from === stationId || segment.to === stationId),
      );
      const neighbourId = neighbour?.from === stationId ? neighbour.to : neighbour?.from;
      const toward = neighbourId ? positions.get(neighbourId) : undefined;
      const inward = toward ? unit(at, toward) : { x: 1, y: 0 };
      const outward =
        inward.x === 0 && inward.y === 0 ? { x: -1, y: 0 } : { x: -inward.x, y: -inward.y };
      // A second line ending at the same station stacks its badge further out.
      const stacked = badgesAt.get(stationId) ?? 0;
      badgesAt.set(stationId, stacked + 1);
      const halfWidth = (BADGE_WIDTH * BADGE_MAX_SCALE) / 2 + 1;
      const halfHeight = (BADGE_HEIGHT * BADGE_MAX_SCALE) / 2 + 1;
      const boxAt = (distance: number): { position: Point; box: Box } => {
        const position = {
          x: round(at.x + outward.x * distance),
          y: round(at.y + outward.y * distance),
        };
        return {
          position,
          box: {
            minX: position.x - halfWidth,
            minY: position.y - halfHeight,
            maxX: position.x + halfWidth,
            maxY: position.y + halfHeight,
          },
        };
      };
      // Further out while it would cover a badge placed before (termini close together).
      let distance = BADGE_DISTANCE + stacked * (BADGE_HEIGHT * BADGE_MAX_SCALE + 6);
      let placed = boxAt(distance);
      for (
        let tries = 0;
        tries < 6 && badgeBoxes.some((other) => boxesOverlap(other, placed.box));
        tries++
      ) {
        distance += (BADGE_HEIGHT * BADGE_MAX_SCALE) / 2;
        placed = boxAt(distance);
      }
      const position = placed.position;
      // The badge's 2-wide white border reaches 1 beyond its box.
      badgeBoxes.push(placed.box);
      const gap = notices.get(line.code)?.level === 'gap';
      const data: LineBadgeData = {
        id: `badge:${line.code}:${endIndex === 0 ? 'start' : 'end'}`,
        lineCode: line.code,
        lineCodes: [line.code],
        caption: gap ? `${line.code} \u26a0\ufe0e` : line.code,
        color: line.color,
        textColor: readableTextColor(line.color),
      };
      badges.push({ group: 'nodes', data, position, classes: ['line-badge'] });
    });
  }

  const terminusIds = new Set([...termini.values()].flat());
  const caption = (station: MapStation) =>
    station.awayUntil !== null ? `${station.label} \u26a0\ufe0e` : station.label;
  const markers = stationMarkers(map, laneEnds);
  const labelled: LabelledStation[] = map.stations.map((station) => {
    const marker = markers.get(station.id) ?? { width: EXPERT_SIZE, height: EXPERT_SIZE };
    return {
      id: station.id,
      x: station.x,
      y: station.y,
      width: marker.width,
      height: marker.height,
      text: caption(station),
      important: station.interchange,
      priority: labelPriority(station, terminusIds.has(station.id)),
    };
  });
  const obstacles: LabelObstacles = {
    strokes,
    boxes: [...badgeBoxes, ...(options.obstacles?.boxes ?? [])],
  };
  const plans = placeLabels(
    labelled,
    obstacles,
    options.measure ? { measure: options.measure } : {},
  );
  const stations: MapElement[] = map.stations.map((station) => {
    const classes = ['station', station.kind === 'UNIT' ? 'unit' : 'expert'];
    if (station.interchange) {
      classes.push('interchange');
    }
    if (terminusIds.has(station.id)) {
      classes.push('terminus');
    }
    if (station.awayUntil !== null) {
      classes.push('away');
    }
    const plan = plans.get(station.id);
    classes.push(`label-${plan?.side ?? 'right'}`);
    const marker = markers.get(station.id) ?? { width: EXPERT_SIZE, height: EXPERT_SIZE };
    const data: StationNodeData = {
      id: station.id,
      label: station.label,
      caption: caption(station),
      kind: station.kind,
      lineCodes: station.lineCodes,
      color: colors.get(station.lineCodes[0] ?? '') ?? '#555555',
      width: marker.width,
      height: marker.height,
      ...(marker.polygon ? { polygon: marker.polygon } : {}),
      labelLevel: plan?.level ?? 0,
      awayUntil: station.awayUntil,
    };
    return { group: 'nodes', data, position: { x: station.x, y: station.y }, classes };
  });

  return {
    elements: [...stations, ...badges, ...edges],
    labelling: { stations: labelled, obstacles, plans },
  };
}

/**
 * An overlay layer drawn like regional rail over the metro: the layer's items (research partners
 * or VIP networks) are stations of a dashed rail running outside the network, VIP networks above
 * it and research partners below, so the metro layout is left as it is. Items are spread evenly
 * along the rail in the order of where their lines are (fewer crossings), and each is linked by a
 * thin dashed line to the nearest station of every line it serves. Each item's name carries the
 * codes of its lines, so colour is never the only cue. Deterministic: the same map and items give
 * the same positions.
 */
export function toOverlayElements(
  map: NetworkMap,
  layer: LayerName,
  items: readonly OverlayItem[],
): MapElement[] {
  const onLine = new Map(
    map.lines.map((line) => [
      line.code,
      map.stations.filter((station) => station.lineCodes.includes(line.code)),
    ]),
  );
  const linked = items.filter((item) => item.lineCodes.some((code) => onLine.get(code)?.length));
  if (linked.length === 0 || map.stations.length === 0) {
    return [];
  }
  const xs = map.stations.map((station) => station.x);
  const ys = map.stations.map((station) => station.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const railY =
    layer === 'vip' ? Math.min(...ys) - OVERLAY_MARGIN : Math.max(...ys) + OVERLAY_MARGIN;
  const centreX = (item: OverlayItem) => {
    const stations = item.lineCodes.flatMap((code) => onLine.get(code) ?? []);
    return stations.reduce((sum, station) => sum + station.x, 0) / Math.max(stations.length, 1);
  };
  // Ordered by where their lines are, so that the links cross each other as little as possible.
  const ordered = [...linked].sort((a, b) => centreX(a) - centreX(b) || a.id.localeCompare(b.id));
  // Each item in the middle of an equal share of the network's width, so names have room.
  const share = (maxX - minX) / ordered.length;
  const elements: MapElement[] = [];
  ordered.forEach((item, index) => {
    const id = overlayNodeId(layer, item.id);
    const position = { x: round(minX + (index + 0.5) * share), y: railY };
    const lineCodes = item.lineCodes.filter((code) => onLine.get(code)?.length);
    elements.push({
      group: 'nodes',
      data: {
        id,
        layer,
        label: `${shortName(item.name)}\n${lineCodes.join(' ')}`,
        lineCodes,
      } satisfies OverlayNodeData,
      position,
      classes: ['overlay', `overlay-${layer}`],
    });
    const previous = ordered[index - 1];
    if (previous) {
      elements.push({
        group: 'edges',
        data: {
          id: `${id}:rail`,
          source: overlayNodeId(layer, previous.id),
          target: id,
          layer,
          // The rail belongs to no line: it stays when lines are hidden or another is focused.
          lineCodes: [],
        } satisfies OverlayEdgeData,
        classes: ['overlay-rail', `overlay-${layer}`],
      });
    }
    for (const code of lineCodes) {
      const nearest = (onLine.get(code) ?? []).reduce((best, station) =>
        Math.hypot(station.x - position.x, station.y - position.y) <
          Math.hypot(best.x - position.x, best.y - position.y) ||
        (Math.hypot(station.x - position.x, station.y - position.y) ===
          Math.hypot(best.x - position.x, best.y - position.y) &&
          station.id < best.id)
          ? station
          : best,
      );
      elements.push({
        group: 'edges',
        data: {
          id: `${id}:link:${code}`,
          source: id,
          target: nearest.id,
          layer,
          lineCodes: [code],
        } satisfies OverlayEdgeData,
        classes: ['overlay-link', `overlay-${layer}`],
      });
    }
  });
  return elements;
}

/**
 * The name an overlay item has on the map: the abbreviation an organisation's name ends with
 * ("Tampereen ammattikorkeakoulu (TAMK)" is TAMK), else the name. The list view has the full names.
 */
export function shortName(name: string): string {
  return /\(([\p{L}\d-]{2,12})\)\s*$/u.exec(name)?.[1] ?? name;
}

/** The map node id of a layer's item. */
export function overlayNodeId(layer: LayerName, itemId: string): string {
  return `${layer}:${itemId}`;
}

/** How the legend's choices show on one element. */
export interface ElementView {
  hidden: boolean;
  faded: boolean;
  /** On the focused line. */
  emphasised: boolean;
}

/**
 * Focus and visibility of an element with these lines: hidden when all of its lines are hidden,
 * faded when another line is in focus (focus + context), emphasised when on the focused line.
 * Elements of no line (none today) stay as they are.
 */
export function elementView(
  lineCodes: readonly string[],
  hiddenLines: ReadonlySet<string>,
  focusedLine: string | null,
): ElementView {
  const hidden = lineCodes.length > 0 && lineCodes.every((code) => hiddenLines.has(code));
  const onFocused = focusedLine !== null && lineCodes.includes(focusedLine);
  const faded = focusedLine !== null && lineCodes.length > 0 && !onFocused;
  return { hidden, faded, emphasised: onFocused };
}
