/**
 * Quality figures of a metro-map layout, for tests and the layout benchmark: how octilinear,
 * straight, crossing-free, overlap-free and even the map is. Pure; works on any positions (grid
 * layouts as well as force layouts such as cose and fcose), so that they can be compared.
 */
import type { LayoutLine, Point } from './metro-layout.ts';

export interface LayoutQualityOptions {
  /** Grid spacing in px: Stations closer than half of it overlap (default 60). */
  gridSize?: number;
  /** Label length in characters per Station id (default 12 characters). */
  labelLengths?: ReadonlyMap<string, number>;
  /** Angle tolerance in degrees for "octilinear" and "straight" (default 1). */
  angleToleranceDegrees?: number;
}

export interface LayoutQuality {
  stations: number;
  /** Distinct Segments (a stretch several Lines share counts once). */
  segments: number;
  /** Share (0-1) of Segments at a multiple of 45 degrees. */
  octilinearShare: number;
  /** Stations where a Line changes direction, averaged over Lines, and on the worst Line. */
  bendsPerLine: { average: number; max: number };
  /** Pairs of Segments of different Lines that cross at a point inside both. */
  crossings: number;
  /** Pairs of Stations closer than gridSize / 2. */
  stationOverlaps: number;
  /** Pairs of overlapping label boxes (7 px per character x 14 px, right of the Station). */
  labelOverlaps: number;
  /** Coefficient of variation of Segment lengths (0: all the same length). */
  edgeLengthSpread: number;
}

const DEFAULT_GRID_SIZE = 60;
const DEFAULT_LABEL_LENGTH = 12;
const CHARACTER_WIDTH = 7;
const LABEL_HEIGHT = 14;
/** Labels start a little right of the Station dot. */
const LABEL_GAP = 8;

interface MeasuredSegment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  a: string;
  b: string;
  lines: Set<string>;
}

/**
 * Measures a layout of `lines` at `positions` (px). Stations without a position are skipped, as
 * are the Segments touching them.
 */
export function measureLayout(
  lines: readonly LayoutLine[],
  positions: ReadonlyMap<string, Point>,
  options: LayoutQualityOptions = {},
): LayoutQuality {
  const gridSize = options.gridSize ?? DEFAULT_GRID_SIZE;
  const tolerance = ((options.angleToleranceDegrees ?? 1) * Math.PI) / 180;
  const segments = distinctSegments(lines, positions);

  let octilinear = 0;
  const lengths: number[] = [];
  for (const segment of segments) {
    const dx = segment.bx - segment.ax;
    const dy = segment.by - segment.ay;
    if (isOctilinear(dx, dy, tolerance)) {
      octilinear++;
    }
    lengths.push(Math.hypot(dx, dy));
  }

  const bends = lines.map((line) => countBends(line, positions, tolerance));
  const stationIds = new Set<string>();
  for (const line of lines) {
    for (const id of line.stationIds) {
      if (positions.has(id)) {
        stationIds.add(id);
      }
    }
  }
  const stations = [...stationIds].map((id) => ({
    id,
    point: positions.get(id) ?? { x: 0, y: 0 },
  }));

  return {
    stations: stations.length,
    segments: segments.length,
    octilinearShare: segments.length === 0 ? 1 : octilinear / segments.length,
    bendsPerLine: {
      average: bends.length === 0 ? 0 : bends.reduce((sum, count) => sum + count, 0) / bends.length,
      max: bends.length === 0 ? 0 : Math.max(...bends),
    },
    crossings: countCrossings(segments),
    stationOverlaps: countCloseStations(
      stations.map((station) => station.point),
      gridSize / 2,
    ),
    labelOverlaps: countLabelOverlaps(stations, options.labelLengths),
    edgeLengthSpread: coefficientOfVariation(lengths),
  };
}

function distinctSegments(
  lines: readonly LayoutLine[],
  positions: ReadonlyMap<string, Point>,
): MeasuredSegment[] {
  const byKey = new Map<string, MeasuredSegment>();
  for (const line of lines) {
    for (let index = 1; index < line.stationIds.length; index++) {
      const a = line.stationIds[index - 1] ?? '';
      const b = line.stationIds[index] ?? '';
      const pointA = positions.get(a);
      const pointB = positions.get(b);
      if (a === b || !pointA || !pointB) {
        continue;
      }
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      const known = byKey.get(key);
      if (known) {
        known.lines.add(line.code);
      } else {
        byKey.set(key, {
          ax: pointA.x,
          ay: pointA.y,
          bx: pointB.x,
          by: pointB.y,
          a,
          b,
          lines: new Set([line.code]),
        });
      }
    }
  }
  return [...byKey.values()];
}

function isOctilinear(dx: number, dy: number, tolerance: number): boolean {
  if (dx === 0 && dy === 0) {
    return true;
  }
  const angle = Math.atan2(dy, dx);
  const quarter = Math.PI / 4;
  const off = Math.abs(angle - Math.round(angle / quarter) * quarter);
  return off <= tolerance;
}

/** Interior Stations of a Line where the direction changes by more than the tolerance. */
function countBends(
  line: LayoutLine,
  positions: ReadonlyMap<string, Point>,
  tolerance: number,
): number {
  const points: Point[] = [];
  for (const id of line.stationIds) {
    const point = positions.get(id);
    const last = points[points.length - 1];
    if (point && !(last && last.x === point.x && last.y === point.y)) {
      points.push(point);
    }
  }
  let bends = 0;
  for (let index = 1; index < points.length - 1; index++) {
    const previous = points[index - 1];
    const here = points[index];
    const next = points[index + 1];
    if (!previous || !here || !next) {
      continue;
    }
    const ux = here.x - previous.x;
    const uy = here.y - previous.y;
    const vx = next.x - here.x;
    const vy = next.y - here.y;
    if (Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) > tolerance) {
      bends++;
    }
  }
  return bends;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number) {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/**
 * Proper crossings between Segments that share no Station, unless both carry just the same one
 * Line (a Line crossing itself is not a crossing of Lines). Sweep over x keeps it near-linear.
 */
function countCrossings(segments: readonly MeasuredSegment[]): number {
  const sorted = [...segments].sort((p, q) => Math.min(p.ax, p.bx) - Math.min(q.ax, q.bx));
  let crossings = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (!s) {
      continue;
    }
    const sMaxX = Math.max(s.ax, s.bx);
    const sMinY = Math.min(s.ay, s.by);
    const sMaxY = Math.max(s.ay, s.by);
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j];
      if (!t || Math.min(t.ax, t.bx) > sMaxX) {
        break;
      }
      if (Math.max(t.ay, t.by) < sMinY || Math.min(t.ay, t.by) > sMaxY) {
        continue;
      }
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b || sameSingleLine(s, t)) {
        continue;
      }
      if (
        orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay) *
          orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by) <
          0 &&
        orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay) *
          orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by) <
          0
      ) {
        crossings++;
      }
    }
  }
  return crossings;
}

function sameSingleLine(s: MeasuredSegment, t: MeasuredSegment): boolean {
  if (s.lines.size !== 1 || t.lines.size !== 1) {
    return false;
  }
  const [line] = s.lines;
  return line !== undefined && t.lines.has(line);
}

/** Pairs of points closer than `limit`, found through buckets of that size. */
function countCloseStations(points: readonly Point[], limit: number): number {
  const buckets = new Map<string, Point[]>();
  const cell = (value: number) => Math.floor(value / limit);
  let pairs = 0;
  for (const point of points) {
    const cx = cell(point.x);
    const cy = cell(point.y);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const other of buckets.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot(other.x - point.x, other.y - point.y) < limit) {
            pairs++;
          }
        }
      }
    }
    const key = `${cx},${cy}`;
    const list = buckets.get(key);
    if (list) {
      list.push(point);
    } else {
      buckets.set(key, [point]);
    }
  }
  return pairs;
}

interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function countLabelOverlaps(
  stations: ReadonlyArray<{ id: string; point: Point }>,
  labelLengths: ReadonlyMap<string, number> | undefined,
): number {
  const boxes: LabelBox[] = stations.map(({ id, point }) => {
    const width = CHARACTER_WIDTH * (labelLengths?.get(id) ?? DEFAULT_LABEL_LENGTH);
    return {
      left: point.x + LABEL_GAP,
      right: point.x + LABEL_GAP + width,
      top: point.y - LABEL_HEIGHT / 2,
      bottom: point.y + LABEL_HEIGHT / 2,
    };
  });
  boxes.sort((p, q) => p.left - q.left);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    if (!box) {
      continue;
    }
    for (let j = i + 1; j < boxes.length; j++) {
      const other = boxes[j];
      if (!other || other.left >= box.right) {
        break;
      }
      if (other.top < box.bottom && other.bottom > box.top) {
        overlaps++;
      }
    }
  }
  return overlaps;
}

function coefficientOfVariation(values: readonly number[]): number {
  if (values.length === 0) {
    return 0;
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (mean === 0) {
    return 0;
  }
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
