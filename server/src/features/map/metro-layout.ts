/**
 * Automatic metro-map layout of the expert network: every Station on a grid point, Segments
 * octilinear (0, 45 or 90 degrees), Lines with few bends, never two Stations on one grid point.
 * Pure and deterministic: the same input and seed always give the same map.
 *
 * Why this shape: general force layouts (cose, fcose) place Stations well but never on octilinear
 * Segments, and snapping them afterwards breaks Lines into zigzags. Exact octilinear methods (MIP,
 * Nöllenburg and Wolff) give beautiful maps but take minutes on a few hundred Stations. Most
 * Stations of the network serve one Line between two Interchanges, so the hard part is only where
 * the Interchanges go; the Stations between them can then follow an octilinear polyline. Steps:
 *
 * 1. Anchors: Interchanges, termini, pinned Stations and Stations where a Line branches. The
 *    Stations between two consecutive anchors of a Line form a chain that only that Line serves.
 * 2. Stress layout of the anchors (stochastic gradient descent, Zheng, Pawar and Goodman 2018):
 *    the wanted distance of two anchors grows with the number of Segments between them, so that
 *    each chain gets room for its Stations; an extra term pulls each anchor onto the straight way
 *    between its neighbours along each Line, which graph distances alone cannot ask for. Small
 *    networks get several seeded starts and keep the least stressed and bent one. Pinned Stations
 *    stay fixed; other parts are turned so their joins lie near multiples of 45 degrees and their
 *    long side horizontal, and packed side by side.
 * 3. Anchor snapping: anchors are placed one by one (breadth first from the busiest Interchange) on
 *    the free grid point near their stress position that keeps directly joined anchors
 *    octilinear, leaves each chain enough grid steps and keeps the Lines through them straight;
 *    then each anchor is tried again around its spot, now that all its neighbours stand.
 * 4. Chain routing: each chain becomes an octilinear polyline between its two anchors (straight,
 *    one or two bends, or a detour when there are too few grid steps) that bends only at Stations
 *    and avoids grid points already taken by Stations or Segments; its Stations are spread evenly.
 * 5. Local search: Stations move to nearby free grid points while that lowers a cost made of
 *    non-octilinear Segments, bends, crossings, Segments running through Stations and length.
 * 6. Line order on shared Segments: two Lines on one Segment are followed until they part and are
 *    ordered by the side they turn to, so that they never cross on a shared stretch.
 */

/** A Line as the layout sees it: its code and its Stations in Line order. */
export interface LayoutLine {
  code: string;
  stationIds: string[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutInput {
  lines: LayoutLine[];
  /**
   * Stations whose position is fixed (in px); they keep it, snapped to the nearest grid point. Of
   * two pins on one grid point the first (in Station order) keeps it, the other moves next to it.
   */
  pinned?: ReadonlyMap<string, Point>;
}

export interface LayoutOptions {
  /** Pixels between neighbouring grid points (default 60). */
  gridSize?: number;
  /** Seed of the stress layout's shuffles; the same seed gives the same map. */
  seed?: number;
}

export interface MetroLayout {
  /** Every Station of every Line, on grid points (multiples of gridSize), in px. */
  positions: Map<string, Point>;
  /**
   * For each undirected Segment key `${a}|${b}` (a < b, see {@link segmentKey}), the codes of the
   * Lines running along it in the order they should be drawn side by side: from left to right as
   * seen travelling from a to b on screen (y pointing down). The i-th of n Lines is drawn at offset
   * (i - (n - 1) / 2) * width along (-uy, ux), u being the unit vector from a to b.
   */
  segmentLineOrder: Map<string, string[]>;
}

export const DEFAULT_GRID_SIZE = 60;

/** The key of the undirected Segment between two Stations, as used in `segmentLineOrder`. */
export function segmentKey(stationA: string, stationB: string): string {
  return stationA < stationB ? `${stationA}|${stationB}` : `${stationB}|${stationA}`;
}

/**
 * Lays out the metro map: grid positions for every Station of every Line, and the side-by-side
 * order of Lines on each Segment. Pinned Stations keep their (grid-snapped) position.
 */
export function computeMetroLayout(input: LayoutInput, options: LayoutOptions = {}): MetroLayout {
  const gridSize = options.gridSize ?? DEFAULT_GRID_SIZE;
  if (!(gridSize > 0)) {
    throw new RangeError(`gridSize must be positive, got ${gridSize}`);
  }
  const network = buildNetwork(input.lines);
  const stationCount = network.ids.length;
  const grid = new GridState(stationCount);

  const pinned = new Map<number, GridPoint>();
  for (const [id, point] of input.pinned ?? []) {
    const station = network.indexOf.get(id);
    if (station !== undefined) {
      pinned.set(station, { x: Math.round(point.x / gridSize), y: Math.round(point.y / gridSize) });
    }
  }

  const anchors = findAnchors(network, pinned);
  const chains = findChains(network, anchors.isAnchor);
  const anchorEdges = collectAnchorEdges(chains, stationCount);
  const target = layOutAnchors(network, anchors, anchorEdges, pinned, options.seed ?? 1);
  placeAnchors(network, anchors, anchorEdges, target, pinned, grid);
  routeChains(network, chains, grid);
  refinePositions(network, grid, pinned);

  const positions = new Map<string, Point>();
  network.ids.forEach((id, station) => {
    positions.set(id, {
      x: (grid.x[station] ?? 0) * gridSize,
      y: (grid.y[station] ?? 0) * gridSize,
    });
  });
  return { positions, segmentLineOrder: orderLinesOnSegments(network, grid) };
}

// ---------------------------------------------------------------------------------------------
// Network model

interface GridPoint {
  x: number;
  y: number;
}

/** One visit of a Line to a Station: the Line and the Station's index along it. */
interface Incidence {
  line: number;
  index: number;
}

interface SegmentRecord {
  a: number;
  b: number;
  /** Lines running along the Segment (indices into `Network.lines`). */
  lines: number[];
}

interface Network {
  ids: string[];
  indexOf: Map<string, number>;
  lines: Array<{ code: string; stations: number[] }>;
  segments: SegmentRecord[];
  stationSegments: number[][];
  incidences: Incidence[][];
}

const NO_INDICES: readonly number[] = [];
const NO_INCIDENCES: readonly Incidence[] = [];

function buildNetwork(layoutLines: readonly LayoutLine[]): Network {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const lines: Network['lines'] = [];
  for (const line of layoutLines) {
    const stations: number[] = [];
    for (const id of line.stationIds) {
      let station = indexOf.get(id);
      if (station === undefined) {
        station = ids.length;
        indexOf.set(id, station);
        ids.push(id);
      }
      // A Station repeated back to back is one stop, not a Segment of length zero.
      if (stations[stations.length - 1] !== station) {
        stations.push(station);
      }
    }
    if (stations.length > 0) {
      lines.push({ code: line.code, stations });
    }
  }

  const stationCount = ids.length;
  const incidences: Incidence[][] = Array.from({ length: stationCount }, () => []);
  const stationSegments: number[][] = Array.from({ length: stationCount }, () => []);
  const segments: SegmentRecord[] = [];
  const segmentByPair = new Map<number, number>();
  lines.forEach((line, lineIndex) => {
    line.stations.forEach((station, index) => {
      incidences[station]?.push({ line: lineIndex, index });
      const previous = line.stations[index - 1];
      if (previous === undefined) {
        return;
      }
      const low = Math.min(previous, station);
      const high = Math.max(previous, station);
      const pair = low * stationCount + high;
      let segment = segmentByPair.get(pair);
      if (segment === undefined) {
        segment = segments.length;
        segmentByPair.set(pair, segment);
        segments.push({ a: low, b: high, lines: [] });
        stationSegments[low]?.push(segment);
        stationSegments[high]?.push(segment);
      }
      const record = segments[segment];
      if (record && !record.lines.includes(lineIndex)) {
        record.lines.push(lineIndex);
      }
    });
  });
  return { ids, indexOf, lines, segments, stationSegments, incidences };
}

function otherEnd(segment: SegmentRecord, station: number): number {
  return segment.a === station ? segment.b : segment.a;
}

function lineWeight(segment: SegmentRecord | undefined): number {
  return segment ? Math.max(1, segment.lines.length) : 1;
}

// ---------------------------------------------------------------------------------------------
// Grid state: positions in grid units and which grid points are taken

const SMALL_OFFSET = 1 << 14;
const SMALL_STRIDE = 1 << 15;
const LARGE_OFFSET = 2 ** 22;
const LARGE_STRIDE = 2 ** 23;

/**
 * A number naming a grid point. Near the origin the keys stay below 2^30, so that V8 keeps them
 * as small integers and Map look-ups stay fast; farther points get distinct keys above 2^31.
 */
function pointKey(x: number, y: number): number {
  const sx = x + SMALL_OFFSET;
  const sy = y + SMALL_OFFSET;
  if (sx >= 0 && sx < SMALL_STRIDE && sy >= 0 && sy < SMALL_STRIDE) {
    return sx * SMALL_STRIDE + sy;
  }
  return 2 ** 31 + (x + LARGE_OFFSET) * LARGE_STRIDE + (y + LARGE_OFFSET);
}

class GridState {
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly placed: Uint8Array;
  /** grid point key -> Station on it */
  readonly occupant = new Map<number, number>();

  constructor(stationCount: number) {
    this.x = new Int32Array(stationCount);
    this.y = new Int32Array(stationCount);
    this.placed = new Uint8Array(stationCount);
  }

  isFree(x: number, y: number): boolean {
    return !this.occupant.has(pointKey(x, y));
  }

  place(station: number, x: number, y: number): void {
    if (this.placed[station]) {
      this.occupant.delete(pointKey(this.x[station] ?? 0, this.y[station] ?? 0));
    }
    this.x[station] = x;
    this.y[station] = y;
    this.placed[station] = 1;
    this.occupant.set(pointKey(x, y), station);
  }

  /** The free grid point nearest to (x, y), searched ring by ring (deterministic order). */
  nearestFree(x: number, y: number): GridPoint {
    const cx = Math.round(x);
    const cy = Math.round(y);
    for (let radius = 0; ; radius++) {
      let best: GridPoint | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== radius || !this.isFree(cx + dx, cy + dy)) {
            continue;
          }
          const distance = (cx + dx - x) ** 2 + (cy + dy - y) ** 2;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = { x: cx + dx, y: cy + dy };
          }
        }
      }
      if (best) {
        return best;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

function isOctilinear(dx: number, dy: number): boolean {
  return dx === 0 || dy === 0 || Math.abs(dx) === Math.abs(dy);
}

function chebyshev(dx: number, dy: number): number {
  return Math.max(Math.abs(dx), Math.abs(dy));
}

/**
 * Cost of a Line turning from direction 1 to direction 2 at a Station: zero when straight, then
 * growing with the angle so that a gentle 45-degree bend is cheap and a U-turn very dear.
 */
function turnCost(dx1: number, dy1: number, dx2: number, dy2: number): number {
  const cross = dx1 * dy2 - dy1 * dx2;
  const dot = dx1 * dx2 + dy1 * dy2;
  if (cross === 0 && dot > 0) {
    return 0;
  }
  const angle = Math.abs(Math.atan2(cross, dot)) / Math.PI;
  return 1 + 9 * angle * angle;
}

function orientation(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** Segments a-b and c-d cross at a point inside both (integer coordinates: exact). */
function crossProperly(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  return (
    orientation(ax, ay, bx, by, cx, cy) * orientation(ax, ay, bx, by, dx, dy) < 0 &&
    orientation(cx, cy, dx, dy, ax, ay) * orientation(cx, cy, dx, dy, bx, by) < 0
  );
}

function greatestCommonDivisor(a: number, b: number): number {
  let p = Math.abs(a);
  let q = Math.abs(b);
  while (q !== 0) {
    const rest = p % q;
    p = q;
    q = rest;
  }
  return p;
}

/** Mulberry32: a small seeded generator, so that the layout is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Anchors and chains

interface Anchors {
  isAnchor: Uint8Array;
  /** Anchors grouped by connected part of the network, each in ascending Station order. */
  components: number[][];
}

interface Chain {
  line: number;
  /** Index along the Line of the chain's first anchor. */
  startIndex: number;
  from: number;
  to: number;
  /** The single-Line Stations between the two anchors, in Line order. */
  interior: number[];
}

interface AnchorEdge {
  other: number;
  /** Stations between the two anchors. */
  between: number;
}

function findAnchors(network: Network, pinned: ReadonlyMap<number, GridPoint>): Anchors {
  const stationCount = network.ids.length;
  const isAnchor = new Uint8Array(stationCount);
  for (let station = 0; station < stationCount; station++) {
    const visits = network.incidences[station] ?? NO_INCIDENCES;
    const only = visits[0];
    const line = only ? network.lines[only.line] : undefined;
    const isTerminus =
      !only || !line || only.index === 0 || only.index === line.stations.length - 1;
    if (
      visits.length !== 1 ||
      isTerminus ||
      pinned.has(station) ||
      (network.stationSegments[station]?.length ?? 0) !== 2
    ) {
      isAnchor[station] = 1;
    }
  }

  // Connected parts, by union-find over Segments.
  const parent = Int32Array.from({ length: stationCount }, (_, index) => index);
  const root = (station: number): number => {
    let current = station;
    while ((parent[current] ?? current) !== current) {
      const grand = parent[parent[current] ?? current] ?? current;
      parent[current] = grand;
      current = grand;
    }
    return current;
  };
  for (const segment of network.segments) {
    const rootA = root(segment.a);
    const rootB = root(segment.b);
    if (rootA !== rootB) {
      parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let station = 0; station < stationCount; station++) {
    if (isAnchor[station]) {
      const key = root(station);
      const members = byRoot.get(key) ?? [];
      members.push(station);
      byRoot.set(key, members);
    }
  }
  return { isAnchor, components: [...byRoot.values()] };
}

function findChains(network: Network, isAnchor: Uint8Array): Chain[] {
  const chains: Chain[] = [];
  network.lines.forEach((line, lineIndex) => {
    let startIndex = 0;
    for (let index = 1; index < line.stations.length; index++) {
      const station = line.stations[index] ?? 0;
      if (isAnchor[station]) {
        chains.push({
          line: lineIndex,
          startIndex,
          from: line.stations[startIndex] ?? 0,
          to: station,
          interior: line.stations.slice(startIndex + 1, index),
        });
        startIndex = index;
      }
    }
  });
  return chains;
}

function collectAnchorEdges(chains: readonly Chain[], stationCount: number): AnchorEdge[][] {
  const edges: AnchorEdge[][] = Array.from({ length: stationCount }, () => []);
  for (const chain of chains) {
    if (chain.from === chain.to) {
      continue;
    }
    edges[chain.from]?.push({ other: chain.to, between: chain.interior.length });
    edges[chain.to]?.push({ other: chain.from, between: chain.interior.length });
  }
  return edges;
}

// ---------------------------------------------------------------------------------------------
// 2. Stress layout of the anchors

/**
 * Wanted grid steps per Segment. Well above 1: diagonal chains need room too, routes need space to
 * avoid one another, and labels (wider than a grid step) need space beside their Stations.
 */
const STRESS_SCALE = 2;
const STRESS_ITERATIONS = 30;
/** Weight of the terms that keep Lines straight through anchors, against 1 for the others. */
const STRESS_STRAIGHT_WEIGHT = 4;
/** Parts with at most this many anchors get several stress starts. */
const STRESS_RESTART_LIMIT = 300;
const STRESS_STARTS = 8;
/** Weight of bending against stress when choosing between starts. */
const STRESS_BEND_SCORE = 1;
/** Above this many anchors in one part, stress uses pivots instead of all pairs (memory, time). */
const FULL_STRESS_LIMIT = 1000;
const STRESS_PIVOTS = 120;
const COMPONENT_GAP = 3;
/** Rotations tried, within 45 degrees, to align a part with the grid. */
const ROTATION_STEPS = 90;

interface StressRows {
  start: Uint32Array;
  target: Uint32Array;
  distance: Float32Array;
  weight: Float32Array;
}

/** Continuous anchor positions in grid units (NaN for non-anchors). */
function layOutAnchors(
  network: Network,
  anchors: Anchors,
  anchorEdges: readonly AnchorEdge[][],
  pinned: ReadonlyMap<number, GridPoint>,
  seed: number,
): { x: Float64Array; y: Float64Array } {
  const stationCount = network.ids.length;
  const x = new Float64Array(stationCount).fill(Number.NaN);
  const y = new Float64Array(stationCount).fill(Number.NaN);
  const random = seededRandom(seed);
  const neighbours = stationNeighbours(network);
  const straightTriples = findStraightTriples(network, anchors.isAnchor);

  interface Placed {
    members: number[];
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  const free: Placed[] = [];
  const fixed: Placed[] = [];
  for (const members of anchors.components) {
    stressComponent(members, neighbours, anchorEdges, straightTriples, pinned, random, x, y);
    const hasPin = members.some((station) => pinned.has(station));
    if (!hasPin) {
      turnToGrid(members, anchorEdges, x, y);
    }
    const box = boundingBox(members, x, y);
    (hasPin ? fixed : free).push({ members, ...box });
  }

  // Unpinned parts are packed in shelves below whatever pinned parts there are, biggest first.
  free.sort(
    (p, q) => q.members.length - p.members.length || (p.members[0] ?? 0) - (q.members[0] ?? 0),
  );
  const totalArea = free.reduce(
    (sum, part) =>
      sum + (part.maxX - part.minX + COMPONENT_GAP) * (part.maxY - part.minY + COMPONENT_GAP),
    0,
  );
  const widest = free.reduce((most, part) => Math.max(most, part.maxX - part.minX), 0);
  const shelfWidth = Math.max(widest, Math.sqrt(totalArea) * 1.5);
  let cursorX = 0;
  let cursorY = fixed.length > 0 ? Math.max(...fixed.map((part) => part.maxY)) + COMPONENT_GAP : 0;
  const originX = fixed.length > 0 ? Math.min(...fixed.map((part) => part.minX)) : 0;
  let shelfHeight = 0;
  for (const part of free) {
    const width = part.maxX - part.minX;
    const height = part.maxY - part.minY;
    if (cursorX > 0 && cursorX + width > shelfWidth) {
      cursorX = 0;
      cursorY += shelfHeight + COMPONENT_GAP;
      shelfHeight = 0;
    }
    const shiftX = originX + cursorX - part.minX;
    const shiftY = cursorY - part.minY;
    for (const station of part.members) {
      x[station] = (x[station] ?? 0) + shiftX;
      y[station] = (y[station] ?? 0) + shiftY;
    }
    cursorX += width + COMPONENT_GAP;
    shelfHeight = Math.max(shelfHeight, height);
  }
  return { x, y };
}

function stationNeighbours(network: Network): number[][] {
  return network.stationSegments.map((segments, station) =>
    segments.map((segment) => {
      const record = network.segments[segment];
      return record ? otherEnd(record, station) : station;
    }),
  );
}

/** Breadth-first Segment counts from one Station, written into `distance` (-1: unreached). */
function breadthFirst(
  source: number,
  neighbours: readonly number[][],
  distance: Int32Array,
  queue: Int32Array,
): void {
  distance.fill(-1);
  distance[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const station = queue[head++] ?? 0;
    const next = (distance[station] ?? 0) + 1;
    for (const neighbour of neighbours[station] ?? NO_INDICES) {
      if (distance[neighbour] === -1) {
        distance[neighbour] = next;
        queue[tail++] = neighbour;
      }
    }
  }
}

function stressComponent(
  members: readonly number[],
  neighbours: readonly number[][],
  anchorEdges: readonly AnchorEdge[][],
  straightTriples: readonly StraightTriple[],
  pinned: ReadonlyMap<number, GridPoint>,
  random: () => number,
  x: Float64Array,
  y: Float64Array,
): void {
  const count = members.length;
  const px = new Float64Array(count);
  const py = new Float64Array(count);
  const isFixed = new Uint8Array(count);
  let centreX = 0;
  let centreY = 0;
  let pins = 0;
  members.forEach((station, slot) => {
    const pin = pinned.get(station);
    if (pin) {
      px[slot] = pin.x;
      py[slot] = pin.y;
      isFixed[slot] = 1;
      centreX += pin.x;
      centreY += pin.y;
      pins++;
    }
  });
  if (pins > 0) {
    centreX /= pins;
    centreY /= pins;
  }
  const spread = Math.sqrt(count) * STRESS_SCALE * 2;
  const start = (): void => {
    for (let slot = 0; slot < count; slot++) {
      if (!isFixed[slot]) {
        px[slot] = centreX + (random() - 0.5) * spread;
        py[slot] = centreY + (random() - 0.5) * spread;
      }
    }
  };
  start();
  if (count > 1) {
    const slotOf = new Map<number, number>();
    members.forEach((station, slot) => {
      slotOf.set(station, slot);
    });
    const triples: StraightTriple[] = [];
    for (const triple of straightTriples) {
      const previous = slotOf.get(triple.previous);
      const middle = slotOf.get(triple.middle);
      const next = slotOf.get(triple.next);
      if (previous !== undefined && middle !== undefined && next !== undefined) {
        triples.push({ ...triple, previous, middle, next });
      }
    }
    const rows = stressRows(members, neighbours, anchorEdges);
    // Stress has local minima that differ in how straight the Lines run; small parts can afford
    // a few starts, keeping the layout with the least stress and bending.
    const starts = count <= STRESS_RESTART_LIMIT ? STRESS_STARTS : 1;
    let bestX = px;
    let bestY = py;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < starts; attempt++) {
      if (attempt > 0) {
        start();
      }
      descendStress(rows, triples, px, py, isFixed, random);
      const score = starts > 1 ? layoutScore(rows, triples, px, py) : 0;
      if (score < bestScore) {
        bestScore = score;
        bestX = px.slice();
        bestY = py.slice();
      }
    }
    px.set(bestX);
    py.set(bestY);
  }
  members.forEach((station, slot) => {
    x[station] = px[slot] ?? 0;
    y[station] = py[slot] ?? 0;
  });
}

/** Weighted stress of a layout plus how much its Lines bend at their anchors: lower is better. */
function layoutScore(
  rows: StressRows,
  triples: readonly StraightTriple[],
  px: Float64Array,
  py: Float64Array,
): number {
  let stress = 0;
  const count = rows.start.length - 1;
  for (let i = 0; i < count; i++) {
    const end = rows.start[i + 1] ?? 0;
    for (let e = rows.start[i] ?? 0; e < end; e++) {
      const j = rows.target[e] ?? 0;
      const wanted = rows.distance[e] ?? 1;
      const length = Math.hypot((px[i] ?? 0) - (px[j] ?? 0), (py[i] ?? 0) - (py[j] ?? 0));
      stress += ((rows.weight[e] ?? 1) * (length - wanted) ** 2) / (wanted * wanted);
    }
  }
  let bending = 0;
  for (const { previous, middle, next } of triples) {
    const ux = (px[middle] ?? 0) - (px[previous] ?? 0);
    const uy = (py[middle] ?? 0) - (py[previous] ?? 0);
    const vx = (px[next] ?? 0) - (px[middle] ?? 0);
    const vy = (py[next] ?? 0) - (py[middle] ?? 0);
    const lengths = Math.hypot(ux, uy) * Math.hypot(vx, vy);
    // 0 when the Line runs straight on, 2 when it turns right back.
    bending += lengths > 0 ? 1 - (ux * vx + uy * vy) / lengths : 0;
  }
  return stress / 2 + STRESS_BEND_SCORE * bending;
}

/** Three anchors in a row along a Line: the middle one should sit on the way between the two. */
interface StraightTriple {
  previous: number;
  middle: number;
  next: number;
  /** Share of the Segments from `previous` to `next` that lie before `middle`. */
  share: number;
  /** Segments from `previous` to `next`. */
  hops: number;
}

/**
 * Anchors three in a row along each Line. Graph distances alone cannot tell which way a Line
 * should leave an Interchange (all four arms of a crossing look alike), so an extra stress term
 * pulls each middle anchor onto the straight way between its two neighbours.
 */
function findStraightTriples(network: Network, isAnchor: Uint8Array): StraightTriple[] {
  const triples: StraightTriple[] = [];
  for (const line of network.lines) {
    const along: number[] = [];
    line.stations.forEach((station, index) => {
      if (isAnchor[station]) {
        along.push(index);
      }
    });
    for (let k = 0; k + 2 < along.length; k++) {
      const from = along[k] ?? 0;
      const via = along[k + 1] ?? 0;
      const to = along[k + 2] ?? 0;
      const previous = line.stations[from] ?? 0;
      const middle = line.stations[via] ?? 0;
      const next = line.stations[to] ?? 0;
      if (previous !== middle && middle !== next && previous !== next) {
        triples.push({
          previous,
          middle,
          next,
          share: (via - from) / (to - from),
          hops: to - from,
        });
      }
    }
  }
  return triples;
}

type RowEntry = [target: number, wanted: number, weight: number];

/**
 * Wanted distances per anchor, as rows: for anchor i, `target[start[i]..start[i + 1]]` with
 * `distance` and `weight` alongside. Each pair appears in both rows.
 */
function stressRows(
  members: readonly number[],
  neighbours: readonly number[][],
  anchorEdges: readonly AnchorEdge[][],
): StressRows {
  const count = members.length;
  const stationCount = neighbours.length;
  const distance = new Int32Array(stationCount);
  const queue = new Int32Array(stationCount);
  const slotOf = new Map<number, number>();
  members.forEach((station, slot) => {
    slotOf.set(station, slot);
  });
  const lists: RowEntry[][] = Array.from({ length: count }, () => []);
  const pair = (i: number, j: number, wanted: number, weight: number): void => {
    lists[i]?.push([j, wanted, weight]);
    lists[j]?.push([i, wanted, weight]);
  };

  if (count <= FULL_STRESS_LIMIT) {
    const size = count * (count - 1) + lists.reduce((sum, list) => sum + list.length, 0);
    const rows: StressRows = {
      start: new Uint32Array(count + 1),
      target: new Uint32Array(size),
      distance: new Float32Array(size),
      weight: new Float32Array(size),
    };
    let entry = 0;
    for (let i = 0; i < count; i++) {
      rows.start[i] = entry;
      breadthFirst(members[i] ?? 0, neighbours, distance, queue);
      for (let j = 0; j < count; j++) {
        const hops = distance[members[j] ?? 0] ?? -1;
        if (j !== i && hops > 0) {
          rows.target[entry] = j;
          rows.distance[entry] = hops * STRESS_SCALE;
          rows.weight[entry] = 1;
          entry++;
        }
      }
      for (const [j, wanted, weight] of lists[i] ?? []) {
        rows.target[entry] = j;
        rows.distance[entry] = wanted;
        rows.weight[entry] = weight;
        entry++;
      }
    }
    rows.start[count] = entry;
    return rows;
  }

  // Sparse stress: every anchor keeps its wanted distance to a set of far-spread pivots and to
  // the anchors it is joined to; enough to unfold big networks at a fraction of the cost.
  const nearestPivot = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  let pivot = 0;
  for (let p = 0; p < Math.min(STRESS_PIVOTS, count); p++) {
    breadthFirst(members[pivot] ?? 0, neighbours, distance, queue);
    let farthest = 0;
    let farthestDistance = -1;
    for (let j = 0; j < count; j++) {
      const hops = distance[members[j] ?? 0] ?? -1;
      if (j !== pivot && hops > 0) {
        pair(pivot, j, hops * STRESS_SCALE, 1);
      }
      nearestPivot[j] = Math.min(nearestPivot[j] ?? 0, Math.max(hops, 0));
      if ((nearestPivot[j] ?? 0) > farthestDistance) {
        farthestDistance = nearestPivot[j] ?? 0;
        farthest = j;
      }
    }
    pivot = farthest;
  }
  members.forEach((station, slot) => {
    for (const edge of anchorEdges[station] ?? []) {
      const other = slotOf.get(edge.other);
      if (other !== undefined && other > slot) {
        pair(slot, other, (edge.between + 1) * STRESS_SCALE, 1);
      }
    }
  });
  const size = lists.reduce((sum, list) => sum + list.length, 0);
  const rows: StressRows = {
    start: new Uint32Array(count + 1),
    target: new Uint32Array(size),
    distance: new Float32Array(size),
    weight: new Float32Array(size),
  };
  let entry = 0;
  lists.forEach((list, i) => {
    rows.start[i] = entry;
    for (const [j, wanted, weight] of list) {
      rows.target[entry] = j;
      rows.distance[entry] = wanted;
      rows.weight[entry] = weight;
      entry++;
    }
  });
  rows.start[count] = entry;
  return rows;
}

/**
 * Stress majorisation by stochastic gradient descent, with the step sizes of Zheng et al., each
 * sweep followed by a pull of Lines straight through their anchors.
 */
function descendStress(
  rows: StressRows,
  triples: readonly StraightTriple[],
  px: Float64Array,
  py: Float64Array,
  isFixed: Uint8Array,
  random: () => number,
): void {
  const count = rows.start.length - 1;
  const entries = rows.target.length;
  if (entries === 0) {
    return;
  }
  let shortest = Number.POSITIVE_INFINITY;
  let longest = 0;
  for (let e = 0; e < entries; e++) {
    const wanted = rows.distance[e] ?? 1;
    shortest = Math.min(shortest, wanted);
    longest = Math.max(longest, wanted);
  }
  const stepMax = longest * longest;
  const stepMin = 0.1 * shortest * shortest;
  const decay = Math.log(stepMax / stepMin) / (STRESS_ITERATIONS - 1);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    order[i] = i;
  }
  for (let iteration = 0; iteration < STRESS_ITERATIONS; iteration++) {
    const step = stepMax * Math.exp(-decay * iteration);
    stressSweep(rows, px, py, isFixed, random, step, order);
    straightenSweep(triples, px, py, isFixed, step);
  }
}

/**
 * One stochastic gradient sweep. Anchors are visited in a freshly shuffled order and all their
 * terms applied in row order: nearly as good as shuffling single terms, and far kinder to the
 * memory cache on big networks.
 */
function stressSweep(
  rows: StressRows,
  px: Float64Array,
  py: Float64Array,
  isFixed: Uint8Array,
  random: () => number,
  step: number,
  order: Uint32Array,
): void {
  const count = order.length;
  for (let t = count - 1; t > 0; t--) {
    const swap = Math.floor(random() * (t + 1));
    const held = order[t] ?? 0;
    order[t] = order[swap] ?? 0;
    order[swap] = held;
  }
  for (let o = 0; o < count; o++) {
    const i = order[o] ?? 0;
    const fixedI = isFixed[i] === 1;
    const end = rows.start[i + 1] ?? 0;
    for (let e = rows.start[i] ?? 0; e < end; e++) {
      const j = rows.target[e] ?? 0;
      const fixedJ = isFixed[j] === 1;
      if (fixedI && fixedJ) {
        continue;
      }
      const wanted = rows.distance[e] ?? 1;
      const mu = Math.min((step * (rows.weight[e] ?? 1)) / (wanted * wanted), 1);
      let dx = (px[i] ?? 0) - (px[j] ?? 0);
      let dy = (py[i] ?? 0) - (py[j] ?? 0);
      let length = Math.sqrt(dx * dx + dy * dy);
      if (length < 1e-9) {
        // Coincident points: nudge apart in a seeded direction.
        dx = random() - 0.5;
        dy = random() - 0.5;
        length = Math.sqrt(dx * dx + dy * dy);
      }
      // Each pair is met twice per sweep (once from each end), so each meeting does half.
      const shift = (mu * (length - wanted)) / (4 * length);
      moveApart(px, py, i, j, fixedI, fixedJ, shift * dx, shift * dy);
    }
  }
}

/**
 * Moves each middle anchor towards its place on the straight way between its Line neighbours,
 * and the neighbours the opposite way, by a share that follows the stress step schedule.
 */
function straightenSweep(
  triples: readonly StraightTriple[],
  px: Float64Array,
  py: Float64Array,
  isFixed: Uint8Array,
  step: number,
): void {
  for (const { previous, middle, next, share, hops } of triples) {
    const wanted = hops * STRESS_SCALE;
    const mu = Math.min((step * STRESS_STRAIGHT_WEIGHT) / (wanted * wanted), 1);
    const prevX = px[previous] ?? 0;
    const prevY = py[previous] ?? 0;
    const rx = (prevX + ((px[next] ?? 0) - prevX) * share - (px[middle] ?? 0)) * mu;
    const ry = (prevY + ((py[next] ?? 0) - prevY) * share - (py[middle] ?? 0)) * mu;
    const ends = (isFixed[previous] === 1 ? 0 : 1) + (isFixed[next] === 1 ? 0 : 1);
    const middleShare = isFixed[middle] === 1 ? 0 : ends === 0 ? 1 : 0.5;
    if (middleShare === 0 && ends === 0) {
      continue;
    }
    px[middle] = (px[middle] ?? 0) + rx * middleShare;
    py[middle] = (py[middle] ?? 0) + ry * middleShare;
    // What the middle did not move, its neighbours make up, shared by those that may move.
    const endShare = ends === 0 ? 0 : (1 - middleShare) / ends;
    if (isFixed[previous] !== 1) {
      px[previous] = prevX - rx * endShare;
      py[previous] = prevY - ry * endShare;
    }
    if (isFixed[next] !== 1) {
      px[next] = (px[next] ?? 0) - rx * endShare;
      py[next] = (py[next] ?? 0) - ry * endShare;
    }
  }
}

/** Moves i by -(rx, ry) and j by +(rx, ry); a fixed end stays and the other moves twice as far. */
function moveApart(
  px: Float64Array,
  py: Float64Array,
  i: number,
  j: number,
  fixedI: boolean,
  fixedJ: boolean,
  rx: number,
  ry: number,
): void {
  if (fixedI && fixedJ) {
    return;
  }
  if (fixedI) {
    px[j] = (px[j] ?? 0) + 2 * rx;
    py[j] = (py[j] ?? 0) + 2 * ry;
  } else if (fixedJ) {
    px[i] = (px[i] ?? 0) - 2 * rx;
    py[i] = (py[i] ?? 0) - 2 * ry;
  } else {
    px[i] = (px[i] ?? 0) - rx;
    py[i] = (py[i] ?? 0) - ry;
    px[j] = (px[j] ?? 0) + rx;
    py[j] = (py[j] ?? 0) + ry;
  }
}

/**
 * Turns a part so that the lines between joined anchors run as close to multiples of 45 degrees
 * as a rotation can make them (snapping then bends them least), and of the eight such turns
 * picks the one that lays the part's longest extent nearest horizontal: screens are wide.
 */
function turnToGrid(
  members: readonly number[],
  anchorEdges: readonly AnchorEdge[][],
  x: Float64Array,
  y: Float64Array,
): void {
  if (members.length < 2) {
    return;
  }
  let meanX = 0;
  let meanY = 0;
  for (const station of members) {
    meanX += x[station] ?? 0;
    meanY += y[station] ?? 0;
  }
  meanX /= members.length;
  meanY /= members.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const station of members) {
    const dx = (x[station] ?? 0) - meanX;
    const dy = (y[station] ?? 0) - meanY;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  const mainAxis = 0.5 * Math.atan2(2 * xy, xx - yy);

  const eighth = Math.PI / 4;
  const angles: number[] = [];
  for (const station of members) {
    for (const edge of anchorEdges[station] ?? []) {
      if (edge.other > station) {
        const dx = (x[edge.other] ?? 0) - (x[station] ?? 0);
        const dy = (y[edge.other] ?? 0) - (y[station] ?? 0);
        angles.push(Math.atan2(dy, dx));
      }
    }
  }
  let bestOffset = 0;
  let bestMisfit = Number.POSITIVE_INFINITY;
  for (let step = 0; step < ROTATION_STEPS; step++) {
    const offset = (step / ROTATION_STEPS) * eighth;
    let misfit = 0;
    for (const angle of angles) {
      const turned = angle - offset;
      misfit += (turned - Math.round(turned / eighth) * eighth) ** 2;
    }
    if (misfit < bestMisfit - 1e-12) {
      bestMisfit = misfit;
      bestOffset = offset;
    }
  }
  let turn = -bestOffset;
  let flattest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 4; k++) {
    const candidate = -bestOffset - k * eighth;
    const axis = mainAxis + candidate;
    // Distance of the turned main axis from horizontal, either way round.
    const tilt = Math.abs(axis - Math.round(axis / Math.PI) * Math.PI);
    if (tilt < flattest - 1e-12) {
      flattest = tilt;
      turn = candidate;
    }
  }
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  for (const station of members) {
    const dx = (x[station] ?? 0) - meanX;
    const dy = (y[station] ?? 0) - meanY;
    x[station] = dx * cos - dy * sin;
    y[station] = dx * sin + dy * cos;
  }
}

function boundingBox(
  members: readonly number[],
  x: Float64Array,
  y: Float64Array,
): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const station of members) {
    minX = Math.min(minX, x[station] ?? 0);
    minY = Math.min(minY, y[station] ?? 0);
    maxX = Math.max(maxX, x[station] ?? 0);
    maxY = Math.max(maxY, y[station] ?? 0);
  }
  return { minX, minY, maxX, maxY };
}

// ---------------------------------------------------------------------------------------------
// 3. Anchor snapping

// Snapping costs, in units of one squared grid step away from the stress position. A direct join
// off 45 degrees cannot be mended later, so it weighs most; a chain that must bend can.
const SNAP_POSITION = 1;
const SNAP_NOT_OCTILINEAR = 6;
const SNAP_SHORT_CHAIN = 2;
const SNAP_CHAIN_BEND = 2;
const SNAP_TURN = 1;
const SNAP_RADIUS = 2;
const SNAP_POLISH_PASSES = 3;

/** The anchors around an anchor along one Line, one and two away (-1 past a terminus). */
interface LineAnchors {
  beforePrevious: number;
  previous: number;
  next: number;
  afterNext: number;
}

function placeAnchors(
  network: Network,
  anchors: Anchors,
  anchorEdges: readonly AnchorEdge[][],
  target: { x: Float64Array; y: Float64Array },
  pinned: ReadonlyMap<number, GridPoint>,
  grid: GridState,
): void {
  const context: SnapContext = {
    anchorEdges,
    lineAnchors: findLineAnchors(network, anchors.isAnchor),
    target,
    grid,
  };
  // Pins first (a pin that lands on another pin's grid point moves to the nearest free one).
  for (const [station, point] of [...pinned].sort((p, q) => p[0] - q[0])) {
    const spot = grid.isFree(point.x, point.y) ? point : grid.nearestFree(point.x, point.y);
    grid.place(station, spot.x, spot.y);
  }

  for (const members of anchors.components) {
    const busiest = members.reduce((best, station) =>
      (network.incidences[station]?.length ?? 0) > (network.incidences[best]?.length ?? 0)
        ? station
        : best,
    );
    const seeds = members.filter((station) => pinned.has(station));
    const queue = seeds.length > 0 ? seeds : [busiest];
    const queued = new Set(queue);
    for (let head = 0; head < queue.length; head++) {
      const station = queue[head] ?? 0;
      if (!grid.placed[station]) {
        const spot = bestAnchorSpot(context, station);
        grid.place(station, spot.x, spot.y);
      }
      const next = (anchorEdges[station] ?? [])
        .map((edge) => edge.other)
        .filter((other) => !queued.has(other))
        .sort((p, q) => p - q);
      for (const other of next) {
        if (!queued.has(other)) {
          queued.add(other);
          queue.push(other);
        }
      }
    }
  }
  polishAnchors(context, anchors, pinned);
}

function findLineAnchors(network: Network, isAnchor: Uint8Array): LineAnchors[][] {
  const result: LineAnchors[][] = Array.from({ length: network.ids.length }, () => []);
  for (const line of network.lines) {
    const along = line.stations.filter((station) => isAnchor[station]);
    along.forEach((station, index) => {
      result[station]?.push({
        beforePrevious: along[index - 2] ?? -1,
        previous: along[index - 1] ?? -1,
        next: along[index + 1] ?? -1,
        afterNext: along[index + 2] ?? -1,
      });
    });
  }
  return result;
}

/** Context of anchor snapping, shared by the first placement and the polishing passes. */
interface SnapContext {
  anchorEdges: readonly AnchorEdge[][];
  lineAnchors: readonly LineAnchors[][];
  target: { x: Float64Array; y: Float64Array };
  grid: GridState;
}

/** Turn cost at `here` between two other anchors, or zero while any of them is unplaced. */
function anchorTurn(
  grid: GridState,
  previous: number,
  here: number,
  next: number,
  moving: number,
  x: number,
  y: number,
): number {
  if (previous < 0 || next < 0) {
    return 0;
  }
  if (
    (previous !== moving && !grid.placed[previous]) ||
    (here !== moving && !grid.placed[here]) ||
    (next !== moving && !grid.placed[next])
  ) {
    return 0;
  }
  const px = previous === moving ? x : (grid.x[previous] ?? 0);
  const py = previous === moving ? y : (grid.y[previous] ?? 0);
  const hx = here === moving ? x : (grid.x[here] ?? 0);
  const hy = here === moving ? y : (grid.y[here] ?? 0);
  const nx = next === moving ? x : (grid.x[next] ?? 0);
  const ny = next === moving ? y : (grid.y[next] ?? 0);
  return turnCost(hx - px, hy - py, nx - hx, ny - hy);
}

/**
 * What standing at (x, y) costs an anchor, judged against the anchors already placed: distance
 * from its stress position, directly joined anchors off the octilinear directions, chains left
 * too few grid steps or forced to bend, and Lines turning at it or at its neighbouring anchors.
 */
function anchorSpotCost(context: SnapContext, station: number, x: number, y: number): number {
  const { grid, target } = context;
  let cost =
    SNAP_POSITION * ((x - (target.x[station] ?? 0)) ** 2 + (y - (target.y[station] ?? 0)) ** 2);
  for (const edge of context.anchorEdges[station] ?? []) {
    if (!grid.placed[edge.other]) {
      continue;
    }
    const dx = (grid.x[edge.other] ?? 0) - x;
    const dy = (grid.y[edge.other] ?? 0) - y;
    const octilinear = isOctilinear(dx, dy);
    if (edge.between === 0) {
      cost += octilinear ? 0 : SNAP_NOT_OCTILINEAR;
    } else {
      cost += SNAP_SHORT_CHAIN * Math.max(0, edge.between + 1 - chebyshev(dx, dy));
      cost += octilinear ? 0 : SNAP_CHAIN_BEND;
    }
  }
  for (const visit of context.lineAnchors[station] ?? []) {
    cost +=
      SNAP_TURN *
      (anchorTurn(grid, visit.previous, station, visit.next, station, x, y) +
        anchorTurn(grid, visit.beforePrevious, visit.previous, station, station, x, y) +
        anchorTurn(grid, station, visit.next, visit.afterNext, station, x, y));
  }
  return cost;
}

/** The cheapest free grid point near the anchor's stress position (widening until one is free). */
function bestAnchorSpot(context: SnapContext, station: number): GridPoint {
  const cx = Math.round(context.target.x[station] ?? 0);
  const cy = Math.round(context.target.y[station] ?? 0);
  for (let radius = SNAP_RADIUS; ; radius += SNAP_RADIUS) {
    let best: GridPoint | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let y = cy - radius; y <= cy + radius; y++) {
      for (let x = cx - radius; x <= cx + radius; x++) {
        if (!context.grid.isFree(x, y)) {
          continue;
        }
        const cost = anchorSpotCost(context, station, x, y);
        if (cost < bestCost) {
          bestCost = cost;
          best = { x, y };
        }
      }
    }
    if (best) {
      return best;
    }
  }
}

/**
 * Once every anchor stands somewhere, each is tried again on the free grid points around it,
 * now judged against all its neighbours, not only those placed before it.
 */
function polishAnchors(
  context: SnapContext,
  anchors: Anchors,
  pinned: ReadonlyMap<number, GridPoint>,
): void {
  const { grid } = context;
  for (let pass = 0; pass < SNAP_POLISH_PASSES; pass++) {
    let moved = 0;
    for (const members of anchors.components) {
      for (const station of members) {
        if (pinned.has(station)) {
          continue;
        }
        const homeX = grid.x[station] ?? 0;
        const homeY = grid.y[station] ?? 0;
        let bestCost = anchorSpotCost(context, station, homeX, homeY) - 1e-9;
        let best: GridPoint | undefined;
        for (let y = homeY - SNAP_RADIUS; y <= homeY + SNAP_RADIUS; y++) {
          for (let x = homeX - SNAP_RADIUS; x <= homeX + SNAP_RADIUS; x++) {
            if (!grid.isFree(x, y)) {
              continue;
            }
            const cost = anchorSpotCost(context, station, x, y);
            if (cost < bestCost) {
              bestCost = cost;
              best = { x, y };
            }
          }
        }
        if (best) {
          grid.place(station, best.x, best.y);
          moved++;
        }
      }
    }
    if (moved === 0) {
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Chain routing

// Routing costs, against the turn costs (1.6 for 45 degrees, 3.25 for a right angle): passing
// through another Station misleads the reader most, sharing or crossing a track less, a detour least.
const ROUTE_BEND = 1;
const ROUTE_DETOUR = 0.5;
const ROUTE_THROUGH_STATION = 12;
const ROUTE_ON_TRACK = 4;
const ROUTE_CROSSING = 3;
const MAX_DETOUR_REACH = 24;

interface Leg {
  dx: number;
  dy: number;
  steps: number;
}

/** Grid points and diagonal cells already used by routed Segments. */
class TrackRegistry {
  private readonly points = new Map<number, number>();
  /** cell key -> bit 1: a falling diagonal (dx * dy > 0) runs through it, bit 2: a rising one */
  private readonly diagonals = new Map<number, number>();

  pointUse(x: number, y: number): number {
    return this.points.get(pointKey(x, y)) ?? 0;
  }

  /** A diagonal step from (x, y) by (dx, dy) would cross a diagonal of another route. */
  crossesDiagonal(x: number, y: number, dx: number, dy: number): boolean {
    const used = this.diagonals.get(pointKey(Math.min(x, x + dx), Math.min(y, y + dy))) ?? 0;
    return (used & (dx * dy > 0 ? 2 : 1)) !== 0;
  }

  /** Marks the grid points strictly inside a path and its diagonal steps. */
  mark(path: readonly GridPoint[]): void {
    for (let index = 0; index < path.length; index++) {
      const point = path[index];
      const next = path[index + 1];
      if (!point) {
        continue;
      }
      if (index > 0 && index < path.length - 1) {
        const key = pointKey(point.x, point.y);
        this.points.set(key, (this.points.get(key) ?? 0) + 1);
      }
      if (next && next.x !== point.x && next.y !== point.y) {
        const key = pointKey(Math.min(point.x, next.x), Math.min(point.y, next.y));
        const bit = (next.x - point.x) * (next.y - point.y) > 0 ? 1 : 2;
        this.diagonals.set(key, (this.diagonals.get(key) ?? 0) | bit);
      }
    }
  }
}

interface RouteChoice {
  /** Everything but the turns: Stations passed, tracks shared and crossed, detour length. */
  penalty: number;
  /** Penalty plus the turns, inside the route and at its two anchors: what routes compete on. */
  cost: number;
  path: GridPoint[];
  stops: number[];
}

/** Lays every chain; the shortest chains have the fewest ways to bend, so they choose first. */
function routeChains(network: Network, chains: readonly Chain[], grid: GridState): void {
  const tracks = new TrackRegistry();
  const order = chains
    .map((chain, index) => ({ length: chain.interior.length, index }))
    .sort((p, q) => p.length - q.length || p.index - q.index);
  for (const { index } of order) {
    const chain = chains[index];
    if (chain) {
      layChain(network, chain, grid, tracks);
    }
  }
}

/** Lays a chain by its best route, or as near to one as it can. */
function layChain(network: Network, chain: Chain, grid: GridState, tracks: TrackRegistry): void {
  const choice = planRoute(network, chain, grid, tracks);
  if (choice) {
    chain.interior.forEach((station, order) => {
      const point = choice.path[choice.stops[order] ?? 0];
      if (point) {
        grid.place(station, point.x, point.y);
      }
    });
    tracks.mark(choice.path);
    return;
  }
  // No octilinear way through: Stations go to the free grid points nearest the straight line;
  // the local search may still straighten them.
  const fromX = grid.x[chain.from] ?? 0;
  const fromY = grid.y[chain.from] ?? 0;
  const dx = (grid.x[chain.to] ?? 0) - fromX;
  const dy = (grid.y[chain.to] ?? 0) - fromY;
  chain.interior.forEach((station, order) => {
    const share = (order + 1) / (chain.interior.length + 1);
    const spot = grid.nearestFree(fromX + dx * share, fromY + dy * share);
    grid.place(station, spot.x, spot.y);
  });
}

function planRoute(
  network: Network,
  chain: Chain,
  grid: GridState,
  tracks: TrackRegistry,
): RouteChoice | undefined {
  const from = { x: grid.x[chain.from] ?? 0, y: grid.y[chain.from] ?? 0 };
  const to = { x: grid.x[chain.to] ?? 0, y: grid.y[chain.to] ?? 0 };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const line = network.lines[chain.line]?.stations ?? NO_INDICES;
  const before = line[chain.startIndex - 1];
  const after = line[chain.startIndex + chain.interior.length + 2];
  const context: RouteContext = {
    from,
    to,
    stops: chain.interior.length,
    incoming:
      before !== undefined && grid.placed[before]
        ? { x: from.x - (grid.x[before] ?? 0), y: from.y - (grid.y[before] ?? 0) }
        : undefined,
    outgoing:
      after !== undefined && grid.placed[after]
        ? { x: (grid.x[after] ?? 0) - to.x, y: (grid.y[after] ?? 0) - to.y }
        : undefined,
    grid,
    tracks,
  };
  if (chain.interior.length === 0) {
    // Two anchors joined directly: one straight Segment, whose track later chains should avoid.
    return isOctilinear(dx, dy) && (dx !== 0 || dy !== 0)
      ? evaluateRoute([{ dx: Math.sign(dx), dy: Math.sign(dy), steps: chebyshev(dx, dy) }], context)
      : undefined;
  }
  let best = dx !== 0 || dy !== 0 ? cheapestRoute(directShapes(dx, dy), context) : undefined;
  if (!best || best.penalty >= ROUTE_THROUGH_STATION) {
    const shortfall = Math.max(0, chain.interior.length + 1 - chebyshev(dx, dy));
    const detour = cheapestRoute(
      detourShapes(dx, dy, Math.min(MAX_DETOUR_REACH, shortfall + 3)),
      context,
    );
    if (detour && (!best || detour.cost < best.cost)) {
      best = detour;
    }
  }
  return best;
}

function cheapestRoute(shapes: readonly Leg[][], context: RouteContext): RouteChoice | undefined {
  let best: RouteChoice | undefined;
  for (const legs of shapes) {
    const choice = evaluateRoute(legs, context, best ? best.cost : Number.POSITIVE_INFINITY);
    if (choice && (!best || choice.cost < best.cost)) {
      best = choice;
    }
  }
  return best;
}

function twoLegs(dx: number, dy: number, diagonalFirst: boolean): Leg[] {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  const diagonalSteps = Math.min(ax, ay);
  const straightSteps = Math.max(ax, ay) - diagonalSteps;
  const diagonal: Leg = { dx: Math.sign(dx), dy: Math.sign(dy), steps: diagonalSteps };
  const straight: Leg =
    ax > ay
      ? { dx: Math.sign(dx), dy: 0, steps: straightSteps }
      : { dx: 0, dy: Math.sign(dy), steps: straightSteps };
  const legs = diagonalFirst ? [diagonal, straight] : [straight, diagonal];
  return legs.filter((leg) => leg.steps > 0);
}

/** Direct shapes from a to b: one or two legs, and the symmetric Z shapes with two bends. */
function directShapes(dx: number, dy: number): Leg[][] {
  const shapes = [twoLegs(dx, dy, false), twoLegs(dx, dy, true)];
  const [first, second] = twoLegs(dx, dy, true);
  if (first && second) {
    for (const [outer, inner] of [
      [first, second],
      [second, first],
    ] as const) {
      if (outer.steps >= 2) {
        const half = Math.floor(outer.steps / 2);
        shapes.push([{ ...outer, steps: half }, inner, { ...outer, steps: outer.steps - half }]);
      }
    }
  }
  return shapes;
}

/**
 * Detours for chains with more Stations than grid steps between their anchors, and loops for a
 * Line that comes back to the anchor it left.
 */
function detourShapes(dx: number, dy: number, reach: number): Leg[][] {
  const shapes: Leg[][] = [];
  if (dx === 0 && dy === 0) {
    // Right-angled triangles, every turn and mirror image: out, back diagonally, and home.
    for (let size = 1; size <= reach; size++) {
      for (const [ux, uy] of DIRECTIONS) {
        if (ux !== 0 && uy !== 0) {
          continue;
        }
        for (const side of [1, -1]) {
          const vx = -uy * side;
          const vy = ux * side;
          shapes.push([
            { dx: ux, dy: uy, steps: size },
            { dx: vx - ux, dy: vy - uy, steps: size },
            { dx: -vx, dy: -vy, steps: size },
          ]);
        }
      }
    }
    return shapes;
  }
  for (let distance = 1; distance <= reach; distance++) {
    for (const [ux, uy] of DIRECTIONS) {
      const out: Leg = { dx: ux, dy: uy, steps: distance };
      const back: Leg = { dx: -ux, dy: -uy, steps: distance };
      for (const diagonalFirst of [false, true]) {
        // Out sideways, across, and back: a bulge that adds two legs of `distance`.
        shapes.push([out, ...twoLegs(dx, dy, diagonalFirst), back]);
        shapes.push([out, ...twoLegs(dx - ux * distance, dy - uy * distance, diagonalFirst)]);
        shapes.push([...twoLegs(dx - ux * distance, dy - uy * distance, diagonalFirst), out]);
      }
    }
  }
  return shapes;
}

interface RouteContext {
  from: GridPoint;
  to: GridPoint;
  stops: number;
  incoming: GridPoint | undefined;
  outgoing: GridPoint | undefined;
  grid: GridState;
  tracks: TrackRegistry;
}

/**
 * Prices one shape of route, or rules it out. Gives up (undefined) as soon as it cannot beat
 * `limit`, which keeps the many detour shapes cheap to try.
 */
function evaluateRoute(
  rawLegs: readonly Leg[],
  context: RouteContext,
  limit = Number.POSITIVE_INFINITY,
): RouteChoice | undefined {
  // Merge legs running on in the same direction; a leg doubling back is never a route.
  const legs: Leg[] = [];
  for (const leg of rawLegs) {
    if (leg.steps <= 0) {
      continue;
    }
    const last = legs[legs.length - 1];
    if (last && last.dx === leg.dx && last.dy === leg.dy) {
      last.steps += leg.steps;
    } else if (last && last.dx === -leg.dx && last.dy === -leg.dy) {
      return undefined;
    } else {
      legs.push({ ...leg });
    }
  }
  const bends = legs.length - 1;
  const totalSteps = legs.reduce((sum, leg) => sum + leg.steps, 0);
  if (legs.length === 0 || bends > context.stops || totalSteps < context.stops + 1) {
    return undefined;
  }

  // The cheap part first: turns and detour length follow from the legs alone.
  let turns = 0;
  for (let legIndex = 1; legIndex < legs.length; legIndex++) {
    const previous = legs[legIndex - 1];
    const leg = legs[legIndex];
    if (previous && leg) {
      turns += turnCost(previous.dx, previous.dy, leg.dx, leg.dy);
    }
  }
  const first = legs[0];
  const final = legs[legs.length - 1];
  if (context.incoming && first) {
    turns += turnCost(context.incoming.x, context.incoming.y, first.dx, first.dy);
  }
  if (context.outgoing && final) {
    turns += turnCost(final.dx, final.dy, context.outgoing.x, context.outgoing.y);
  }
  const direct = Math.max(
    context.stops + 1,
    chebyshev(context.to.x - context.from.x, context.to.y - context.from.y),
  );
  let penalty = ROUTE_DETOUR * (totalSteps - direct);
  if (penalty + ROUTE_BEND * turns >= limit) {
    return undefined;
  }

  const { grid, tracks } = context;
  const path: GridPoint[] = [context.from];
  const forced: number[] = [];
  let x = context.from.x;
  let y = context.from.y;
  for (let legIndex = 0; legIndex < legs.length; legIndex++) {
    const leg = legs[legIndex] ?? { dx: 0, dy: 0, steps: 0 };
    for (let step = 0; step < leg.steps; step++) {
      if (leg.dx !== 0 && leg.dy !== 0 && tracks.crossesDiagonal(x, y, leg.dx, leg.dy)) {
        penalty += ROUTE_CROSSING;
      }
      x += leg.dx;
      y += leg.dy;
      path.push({ x, y });
    }
    if (legIndex < legs.length - 1) {
      forced.push(path.length - 1);
    }
  }
  if (x !== context.to.x || y !== context.to.y) {
    return undefined;
  }

  // A route never visits a grid point twice, nor its own ends on the way.
  const fromKey = pointKey(context.from.x, context.from.y);
  const toKey = pointKey(context.to.x, context.to.y);
  const seen = new Set<number>();
  const blocked = new Uint8Array(path.length);
  for (let index = 1; index < path.length - 1; index++) {
    const point = path[index] ?? context.from;
    const key = pointKey(point.x, point.y);
    if (key === fromKey || key === toKey || seen.has(key)) {
      return undefined;
    }
    seen.add(key);
    if (!grid.isFree(point.x, point.y)) {
      blocked[index] = 1;
      penalty += ROUTE_THROUGH_STATION;
    }
    penalty += ROUTE_ON_TRACK * Math.min(1, tracks.pointUse(point.x, point.y));
    if (penalty + ROUTE_BEND * turns >= limit) {
      return undefined;
    }
  }
  // Bends need a Station, and no Station can stand on a taken grid point.
  for (const index of forced) {
    if (blocked[index]) {
      return undefined;
    }
  }
  const stops = spreadStops(forced, totalSteps, context.stops, blocked);
  if (!stops) {
    return undefined;
  }
  return { penalty, cost: penalty + ROUTE_BEND * turns, path, stops };
}

/**
 * Picks `count` path indices for the chain's Stations: every bend, then the middle of the widest
 * remaining gap, again and again, so that the Stations are spread evenly.
 */
function spreadStops(
  forced: readonly number[],
  totalSteps: number,
  count: number,
  blocked: Uint8Array,
): number[] | undefined {
  const chosen = [...forced];
  while (chosen.length < count) {
    const marks = [0, ...chosen, totalSteps].sort((p, q) => p - q);
    const gaps: Array<[number, number]> = [];
    for (let index = 1; index < marks.length; index++) {
      const low = marks[index - 1] ?? 0;
      const high = marks[index] ?? 0;
      if (high - low >= 2) {
        gaps.push([low, high]);
      }
    }
    gaps.sort((p, q) => q[1] - q[0] - (p[1] - p[0]) || p[0] - q[0]);
    let added = false;
    for (const [low, high] of gaps) {
      const middle = Math.floor((low + high) / 2);
      for (let offset = 0; offset < high - low && !added; offset++) {
        for (const candidate of [middle - offset, middle + offset]) {
          if (!added && candidate > low && candidate < high && !blocked[candidate]) {
            chosen.push(candidate);
            added = true;
          }
        }
      }
      if (added) {
        break;
      }
    }
    if (!added) {
      return undefined;
    }
  }
  return chosen.sort((p, q) => p - q);
}

// ---------------------------------------------------------------------------------------------
// 5. Local search

// Local search costs, against the turn costs (1.6 for 45 degrees, 3.25 for a right angle, 10 for a
// U-turn). A crossing weighs about as much as four right-angle bends.
const REFINE_ROUNDS = 8;
const REFINE_NOT_OCTILINEAR = 20;
const REFINE_CROSSING = 15;
const REFINE_THROUGH_STATION = 10;
const REFINE_LENGTH = 0.2;
const REFINE_BEND = 1;
const REFINE_LABEL = 2;
const REFINE_RADIUS = 2;
const REFINE_REACH = 6;
const CELL_SIZE = 4;

/** Segments bucketed by grid cell, to find crossings and Segments through a point quickly. */
class SegmentBuckets {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private query = 0;
  /** Segments found by the last `collect`. */
  found = new Int32Array(64);

  constructor(
    private readonly network: Network,
    private readonly grid: GridState,
  ) {
    this.stamp = new Uint32Array(network.segments.length);
    network.segments.forEach((_, segment) => {
      this.add(segment);
    });
  }

  private forCells(segment: number, visit: (key: number) => void): void {
    const record = this.network.segments[segment];
    if (!record) {
      return;
    }
    const { grid } = this;
    const x1 = Math.floor(Math.min(grid.x[record.a] ?? 0, grid.x[record.b] ?? 0) / CELL_SIZE);
    const x2 = Math.floor(Math.max(grid.x[record.a] ?? 0, grid.x[record.b] ?? 0) / CELL_SIZE);
    const y1 = Math.floor(Math.min(grid.y[record.a] ?? 0, grid.y[record.b] ?? 0) / CELL_SIZE);
    const y2 = Math.floor(Math.max(grid.y[record.a] ?? 0, grid.y[record.b] ?? 0) / CELL_SIZE);
    for (let cy = y1; cy <= y2; cy++) {
      for (let cx = x1; cx <= x2; cx++) {
        visit(pointKey(cx, cy));
      }
    }
  }

  add(segment: number): void {
    this.forCells(segment, (key) => {
      const list = this.cells.get(key);
      if (list) {
        list.push(segment);
      } else {
        this.cells.set(key, [segment]);
      }
    });
  }

  remove(segment: number): void {
    this.forCells(segment, (key) => {
      const list = this.cells.get(key);
      const at = list ? list.indexOf(segment) : -1;
      if (list && at >= 0) {
        list[at] = list[list.length - 1] ?? segment;
        list.pop();
      }
    });
  }

  /** Collects each Segment whose cells meet the box, once, into `found`; returns how many. */
  collect(x1: number, y1: number, x2: number, y2: number): number {
    this.query = (this.query + 1) >>> 0;
    const query = this.query;
    let count = 0;
    const cx1 = Math.floor(Math.min(x1, x2) / CELL_SIZE);
    const cx2 = Math.floor(Math.max(x1, x2) / CELL_SIZE);
    const cy1 = Math.floor(Math.min(y1, y2) / CELL_SIZE);
    const cy2 = Math.floor(Math.max(y1, y2) / CELL_SIZE);
    for (let cy = cy1; cy <= cy2; cy++) {
      for (let cx = cx1; cx <= cx2; cx++) {
        for (const segment of this.cells.get(pointKey(cx, cy)) ?? NO_INDICES) {
          if (this.stamp[segment] !== query) {
            this.stamp[segment] = query;
            if (count === this.found.length) {
              const grown = new Int32Array(count * 2);
              grown.set(this.found);
              this.found = grown;
            }
            this.found[count++] = segment;
          }
        }
      }
    }
    return count;
  }
}

function refinePositions(
  network: Network,
  grid: GridState,
  pinned: ReadonlyMap<number, GridPoint>,
): void {
  const buckets = new SegmentBuckets(network, grid);
  const stationCount = network.ids.length;
  // After the first round only Stations near a move are worth another look.
  let unsettled = new Uint8Array(stationCount).fill(1);
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    let moved = 0;
    const next = new Uint8Array(stationCount);
    for (let station = 0; station < stationCount; station++) {
      if (!unsettled[station] || pinned.has(station)) {
        continue;
      }
      const ox = grid.x[station] ?? 0;
      const oy = grid.y[station] ?? 0;
      const current = localCost(network, grid, buckets, station, ox, oy, Number.POSITIVE_INFINITY);
      if (current === 0) {
        continue;
      }
      let bestCost = current - 1e-6;
      let best: GridPoint | undefined;
      for (const candidate of refineCandidates(network, grid, station)) {
        const cost = localCost(network, grid, buckets, station, candidate.x, candidate.y, bestCost);
        if (cost < bestCost) {
          bestCost = cost;
          best = candidate;
        }
      }
      if (best) {
        for (const segment of network.stationSegments[station] ?? NO_INDICES) {
          buckets.remove(segment);
        }
        grid.place(station, best.x, best.y);
        for (const segment of network.stationSegments[station] ?? NO_INDICES) {
          buckets.add(segment);
        }
        for (const { line, index } of network.incidences[station] ?? NO_INCIDENCES) {
          const stations = network.lines[line]?.stations ?? NO_INDICES;
          for (let offset = -2; offset <= 2; offset++) {
            const neighbour = stations[index + offset];
            if (neighbour !== undefined) {
              next[neighbour] = 1;
            }
          }
        }
        moved++;
      }
    }
    if (moved === 0) {
      break;
    }
    unsettled = next;
  }
}

/** Within reach of the local search, and not the spot itself. */
function isNear(x: number, y: number, ox: number, oy: number): boolean {
  return chebyshev(x - ox, y - oy) <= REFINE_REACH && (x !== ox || y !== oy);
}

/**
 * Free grid points worth trying for a Station, each once: its surroundings, points one or two
 * octilinear steps from its Line neighbours, and points octilinear to both of them.
 */
function refineCandidates(network: Network, grid: GridState, station: number): GridPoint[] {
  const ox = grid.x[station] ?? 0;
  const oy = grid.y[station] ?? 0;
  const seen = new Set<number>();
  const candidates: GridPoint[] = [];
  const offer = (x: number, y: number): void => {
    const key = pointKey(x, y);
    if (!seen.has(key) && isNear(x, y, ox, oy) && grid.isFree(x, y)) {
      seen.add(key);
      candidates.push({ x, y });
    }
  };
  for (let dy = -REFINE_RADIUS; dy <= REFINE_RADIUS; dy++) {
    for (let dx = -REFINE_RADIUS; dx <= REFINE_RADIUS; dx++) {
      offer(ox + dx, oy + dy);
    }
  }
  for (const { line, index } of network.incidences[station] ?? NO_INCIDENCES) {
    const stations = network.lines[line]?.stations ?? NO_INDICES;
    const previous = stations[index - 1];
    const next = stations[index + 1];
    for (const neighbour of [previous, next]) {
      if (neighbour === undefined) {
        continue;
      }
      const nx = grid.x[neighbour] ?? 0;
      const ny = grid.y[neighbour] ?? 0;
      for (const [ux, uy] of DIRECTIONS) {
        offer(nx + ux, ny + uy);
        offer(nx + 2 * ux, ny + 2 * uy);
      }
    }
    if (previous === undefined || next === undefined) {
      continue;
    }
    const px = grid.x[previous] ?? 0;
    const py = grid.y[previous] ?? 0;
    const qx = grid.x[next] ?? 0;
    const qy = grid.y[next] ?? 0;
    for (const [ux, uy] of DIRECTIONS) {
      for (const [vx, vy] of DIRECTIONS) {
        // Solve p + s*u = q + t*v for whole positive s and t.
        const determinant = vx * uy - ux * vy;
        if (determinant === 0) {
          continue;
        }
        const s = (vx * (qy - py) - vy * (qx - px)) / determinant;
        const t = (ux * (qy - py) - uy * (qx - px)) / determinant;
        if (s > 0 && t > 0 && Number.isInteger(s) && Number.isInteger(t)) {
          offer(px + ux * s, py + uy * s);
        }
      }
    }
  }
  return candidates;
}

/**
 * Every cost term that depends on where one Station stands: its Segments (octilinear, length,
 * Stations they run through, crossings) and the bends at it and at its neighbours. Stops adding
 * the expensive terms once `limit` is passed, since the caller only wants a better spot.
 */
function localCost(
  network: Network,
  grid: GridState,
  buckets: SegmentBuckets,
  station: number,
  x: number,
  y: number,
  limit: number,
): number {
  let cost = 0;
  const segments = network.stationSegments[station] ?? NO_INDICES;
  for (const segment of segments) {
    const record = network.segments[segment];
    if (!record) {
      continue;
    }
    const other = otherEnd(record, station);
    const dx = (grid.x[other] ?? 0) - x;
    const dy = (grid.y[other] ?? 0) - y;
    const weight = lineWeight(record);
    if (!isOctilinear(dx, dy)) {
      cost += REFINE_NOT_OCTILINEAR * weight;
    }
    cost += REFINE_LENGTH * weight * (Math.sqrt(dx * dx + dy * dy) - 1) ** 2;
  }
  for (const { line, index } of network.incidences[station] ?? NO_INCIDENCES) {
    const stations = network.lines[line]?.stations ?? NO_INDICES;
    cost += REFINE_BEND * bendCostAt(grid, stations, index - 1, station, x, y);
    cost += REFINE_BEND * bendCostAt(grid, stations, index, station, x, y);
    cost += REFINE_BEND * bendCostAt(grid, stations, index + 1, station, x, y);
  }
  // Labels run right of their Station, wider than one grid step: a Station one step to the left
  // or right on the same row puts two labels on top of each other.
  for (const side of [-1, 1]) {
    const occupant = grid.occupant.get(pointKey(x + side, y));
    if (occupant !== undefined && occupant !== station) {
      cost += REFINE_LABEL;
    }
  }
  if (cost >= limit) {
    return cost;
  }

  for (const segment of segments) {
    const record = network.segments[segment];
    if (!record) {
      continue;
    }
    const other = otherEnd(record, station);
    const ex = grid.x[other] ?? 0;
    const ey = grid.y[other] ?? 0;
    // Stations lying exactly on this Segment, between its ends.
    const divisor = greatestCommonDivisor(ex - x, ey - y);
    const sx = (ex - x) / divisor;
    const sy = (ey - y) / divisor;
    for (let step = 1; step < divisor; step++) {
      const occupant = grid.occupant.get(pointKey(x + sx * step, y + sy * step));
      if (occupant !== undefined && occupant !== station) {
        cost += REFINE_THROUGH_STATION;
      }
    }
    const found = buckets.collect(x, y, ex, ey);
    for (let f = 0; f < found; f++) {
      const rival = network.segments[buckets.found[f] ?? 0];
      if (
        rival &&
        rival.a !== station &&
        rival.b !== station &&
        rival.a !== other &&
        rival.b !== other &&
        crossProperly(
          x,
          y,
          ex,
          ey,
          grid.x[rival.a] ?? 0,
          grid.y[rival.a] ?? 0,
          grid.x[rival.b] ?? 0,
          grid.y[rival.b] ?? 0,
        )
      ) {
        cost += REFINE_CROSSING;
      }
    }
    if (cost >= limit) {
      return cost;
    }
  }
  // Other Segments running through this spot.
  const found = buckets.collect(x, y, x, y);
  for (let f = 0; f < found; f++) {
    const rival = network.segments[buckets.found[f] ?? 0];
    if (!rival || rival.a === station || rival.b === station) {
      continue;
    }
    const ax = grid.x[rival.a] ?? 0;
    const ay = grid.y[rival.a] ?? 0;
    const bx = grid.x[rival.b] ?? 0;
    const by = grid.y[rival.b] ?? 0;
    if (
      orientation(ax, ay, bx, by, x, y) === 0 &&
      x >= Math.min(ax, bx) &&
      x <= Math.max(ax, bx) &&
      y >= Math.min(ay, by) &&
      y <= Math.max(ay, by)
    ) {
      cost += REFINE_THROUGH_STATION;
    }
  }
  return cost;
}

/**
 * Turn cost of a Line at its `index`-th Station, with `moving` taken to stand at (x, y); zero at
 * the ends of the Line.
 */
function bendCostAt(
  grid: GridState,
  stations: readonly number[],
  index: number,
  moving: number,
  x: number,
  y: number,
): number {
  const previous = stations[index - 1];
  const here = stations[index];
  const next = stations[index + 1];
  if (previous === undefined || here === undefined || next === undefined) {
    return 0;
  }
  const px = previous === moving ? x : (grid.x[previous] ?? 0);
  const py = previous === moving ? y : (grid.y[previous] ?? 0);
  const hx = here === moving ? x : (grid.x[here] ?? 0);
  const hy = here === moving ? y : (grid.y[here] ?? 0);
  const nx = next === moving ? x : (grid.x[next] ?? 0);
  const ny = next === moving ? y : (grid.y[next] ?? 0);
  return turnCost(hx - px, hy - py, nx - hx, ny - hy);
}

// ---------------------------------------------------------------------------------------------
// 6. Line order on shared Segments

function orderLinesOnSegments(network: Network, grid: GridState): Map<string, string[]> {
  const orders = new Map<string, string[]>();
  for (const segment of network.segments) {
    const idA = network.ids[segment.a] ?? '';
    const idB = network.ids[segment.b] ?? '';
    // Orient the Segment as its key reads: from the smaller id to the larger.
    const [start, end] = idA < idB ? [segment.a, segment.b] : [segment.b, segment.a];
    const lines = [...segment.lines];
    if (lines.length > 1) {
      const rightOf = new Map<number, number>(lines.map((line) => [line, 0]));
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const first = lines[i] ?? 0;
          const second = lines[j] ?? 0;
          const side = compareOnStretch(network, grid, first, second, start, end);
          if (side > 0) {
            rightOf.set(first, (rightOf.get(first) ?? 0) + 1);
          } else if (side < 0) {
            rightOf.set(second, (rightOf.get(second) ?? 0) + 1);
          }
        }
      }
      lines.sort(
        (p, q) =>
          (rightOf.get(p) ?? 0) - (rightOf.get(q) ?? 0) ||
          (network.lines[p]?.code ?? '').localeCompare(network.lines[q]?.code ?? ''),
      );
    }
    orders.set(
      segmentKey(idA, idB),
      lines.map((line) => network.lines[line]?.code ?? ''),
    );
  }
  return orders;
}

/** The Station after `to` when a Line runs from `from` to `to`, if any. */
function nextOnLine(network: Network, line: number, from: number, to: number): number | undefined {
  const stations = network.lines[line]?.stations ?? [];
  for (const { line: visited, index } of network.incidences[to] ?? NO_INCIDENCES) {
    if (visited !== line) {
      continue;
    }
    if (stations[index - 1] === from) {
      return stations[index + 1];
    }
    if (stations[index + 1] === from) {
      return stations[index - 1];
    }
  }
  return undefined;
}

interface StretchEnd {
  station: number;
  /** Signed turn angle of each Line where they part (0 where a Line ends). */
  firstTurn: number;
  secondTurn: number;
}

/** Follows two Lines from `from` through `to` until they part. */
function followStretch(
  network: Network,
  grid: GridState,
  first: number,
  second: number,
  from: number,
  to: number,
): StretchEnd {
  let previous = from;
  let current = to;
  for (let guard = 0; guard <= network.ids.length; guard++) {
    const nextFirst = nextOnLine(network, first, previous, current);
    const nextSecond = nextOnLine(network, second, previous, current);
    if (nextFirst === undefined || nextFirst !== nextSecond) {
      const ux = (grid.x[current] ?? 0) - (grid.x[previous] ?? 0);
      const uy = (grid.y[current] ?? 0) - (grid.y[previous] ?? 0);
      const turn = (next: number | undefined): number => {
        if (next === undefined) {
          return 0;
        }
        const wx = (grid.x[next] ?? 0) - (grid.x[current] ?? 0);
        const wy = (grid.y[next] ?? 0) - (grid.y[current] ?? 0);
        return Math.atan2(ux * wy - uy * wx, ux * wx + uy * wy);
      };
      return { station: current, firstTurn: turn(nextFirst), secondTurn: turn(nextSecond) };
    }
    previous = current;
    current = nextFirst;
  }
  return { station: current, firstTurn: 0, secondTurn: 0 };
}

/**
 * Which side of the other Line each is drawn on along the Segment start -> end: positive when
 * `first` goes right of `second`. Lines are followed both ways to where they part; a Line that
 * turns right there must run on the right, or the two cross. When the two ends disagree a crossing
 * cannot be avoided; the end at the smaller Station id decides, so a whole stretch agrees.
 */
function compareOnStretch(
  network: Network,
  grid: GridState,
  first: number,
  second: number,
  start: number,
  end: number,
): number {
  const ahead = followStretch(network, grid, first, second, start, end);
  const behind = followStretch(network, grid, first, second, end, start);
  // Ahead, turning right means drawn right; behind (travelling backwards), the sides swap.
  const aheadSide = Math.sign(ahead.firstTurn - ahead.secondTurn);
  const behindSide = -Math.sign(behind.firstTurn - behind.secondTurn);
  const aheadFirst = (network.ids[ahead.station] ?? '') <= (network.ids[behind.station] ?? '');
  const [preferred, fallback] = aheadFirst ? [aheadSide, behindSide] : [behindSide, aheadSide];
  return preferred !== 0 ? preferred : fallback;
}
